using System.Buffers;
using System.Globalization;
using IpsApi.Jobs.JobTypes.UploadPost;
using IpsApi.Server.Soap;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace IpsApi.Server.Upload;

/// <summary>A file part of a POST, written to disk whole: its form field name, the filename it came with, its size.</summary>
public sealed record PostedFile(string PartName, string? FileName, string Path, long Size);

/// <summary>What a POST brought, as far as it has been read: the two documents and the file parts.</summary>
public sealed class UploadForm
{
    public byte[]? Auth { get; set; }

    public byte[]? Params { get; set; }

    public List<PostedFile> Files { get; } = [];

    /// <summary>Bytes of the body read so far.</summary>
    public long Bytes { get; set; }

    /// <summary>
    /// The checks of the POST that run while its files stream in (see <see cref="UploadFileEndpoint"/>); a fault of
    /// theirs stops the reading at once, so a refused POST does not have to be received whole.
    /// </summary>
    public Task? Checks { get; set; }
}

/// <summary>
/// Reads the <c>multipart/form-data</c> body of a POST section by section, straight from the connection: the
/// <c>auth</c> and <c>uploadParams</c> parts into memory (each at most <see cref="UploadOptions.MaxDocumentBytes"/>),
/// every other part into a file of its own as it arrives, in pieces of 80 KB, so memory stays flat whatever the size.
/// Limits (<see cref="UploadOptions"/>) are checked as the bytes come, not after: a body or a file over its limit is
/// refused as soon as it passes it. A body that is no well-formed multipart is fault 30003.
/// </summary>
public static class UploadFormReader
{
    /// <summary>
    /// The multipart reader's buffer and ours: large enough that a file streams in few big pieces (its reader's default of
    /// 4 KB costs several times the CPU per byte).
    /// </summary>
    private const int BufferSize = 64 * 1024;

    /// <summary>Longest boundary RFC 2046 allows.</summary>
    private const int MaxBoundaryLength = 70;

    /// <param name="beforeFile">Called before each file part is read; the endpoint starts its checks (<see cref="UploadForm.Checks"/>).</param>
    /// <param name="whileReceiving">Called about every <paramref name="heartbeat"/> while a file part streams in.</param>
    public static async Task ReadAsync(
        HttpRequest request, UploadForm form, IncomingFiles incoming, UploadOptions limits,
        Action<UploadForm, CancellationToken> beforeFile, Func<CancellationToken, Task> whileReceiving, TimeSpan heartbeat,
        CancellationToken cancellationToken)
    {
        var boundary = BoundaryOf(request.ContentType);
        if (request.ContentLength > limits.MaxRequestBytes)
        {
            throw RequestTooLarge(limits.MaxRequestBytes);
        }

        var body = new CountingStream(request.Body, form, limits.MaxRequestBytes);
        var reader = new MultipartReader(boundary, body, BufferSize)
        {
            HeadersCountLimit = 16,
            HeadersLengthLimit = 16 * 1024,
        };
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (await NextSectionAsync(reader, cancellationToken) is { } section)
            {
                var disposition = DispositionOf(section);
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                switch (name)
                {
                    case "auth":
                        form.Auth = form.Auth is null ? await ReadDocumentAsync(section, name, limits, buffer, cancellationToken) : throw Duplicate(name);
                        break;
                    case "uploadParams":
                        form.Params = form.Params is null ? await ReadDocumentAsync(section, name, limits, buffer, cancellationToken) : throw Duplicate(name);
                        break;
                    default:
                        if (form.Files.Count >= limits.MaxFilesPerRequest)
                        {
                            throw IpsFaultException.InvalidParameter(
                                $"Invalid request: more than {limits.MaxFilesPerRequest} file parts (IPSAPI_UPLOADS__MAXFILESPERREQUEST)");
                        }

                        beforeFile(form, cancellationToken);
                        var fileName = FileNameOf(disposition);
                        var path = incoming.Next();
                        var size = await CopyAsync(section.Body, path, fileName ?? name, form, limits, buffer, whileReceiving, heartbeat, cancellationToken);
                        form.Files.Add(new PostedFile(name, fileName, path, size));
                        break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string BoundaryOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw IpsFaultException.InvalidRequestXml("Invalid request: the body must be multipart/form-data (parts auth, uploadParams and files)");
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > MaxBoundaryLength)
        {
            throw IpsFaultException.InvalidRequestXml("Invalid request: the multipart/form-data Content-Type has no valid boundary");
        }

        return boundary;
    }

    private static async Task<MultipartSection?> NextSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (Exception e) when (IsMalformed(e, cancellationToken))
        {
            throw Malformed(e);
        }
    }

    private static ContentDispositionHeaderValue DispositionOf(MultipartSection section)
    {
        if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
            || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(HeaderUtilities.RemoveQuotes(disposition.Name).Value))
        {
            throw IpsFaultException.InvalidRequestXml("Invalid request: a part has no Content-Disposition: form-data with a name");
        }

        return disposition;
    }

    /// <summary>The part's filename (filename* wins, as RFC 7578 has it); null when it has none.</summary>
    private static string? FileNameOf(ContentDispositionHeaderValue disposition)
    {
        var star = disposition.FileNameStar.Value;
        if (!string.IsNullOrEmpty(star))
        {
            return star;
        }

        var plain = HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
        return string.IsNullOrEmpty(plain) ? null : plain;
    }

    private static async Task<byte[]> ReadDocumentAsync(
        MultipartSection section, string name, UploadOptions limits, byte[] buffer, CancellationToken cancellationToken)
    {
        using var document = new MemoryStream();
        int read;
        while ((read = await ReadAsync(section.Body, buffer, cancellationToken)) > 0)
        {
            if (document.Length + read > limits.MaxDocumentBytes)
            {
                throw IpsFaultException.InvalidRequestXml(
                    $"Invalid {name} XML: the part is larger than the limit of {limits.MaxDocumentBytes} bytes (IPSAPI_UPLOADS__MAXDOCUMENTBYTES)");
            }

            document.Write(buffer, 0, read);
        }

        return document.ToArray();
    }

    private static async Task<long> CopyAsync(
        Stream part, string path, string shownName, UploadForm form, UploadOptions limits, byte[] buffer,
        Func<CancellationToken, Task> whileReceiving, TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        // Written as it comes, in the pieces the reader hands over: no buffer of the file stream's own, and plain writes
        // (the page cache takes them at once; an asynchronous write would add a thread hop to each).
        await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        long size = 0;
        var beat = DateTime.UtcNow + heartbeat;
        int read;
        while ((read = await ReadAsync(part, buffer, cancellationToken)) > 0)
        {
            size += read;
            if (size > limits.MaxFileBytes)
            {
                throw IpsFaultException.InvalidParameter(string.Create(CultureInfo.InvariantCulture,
                    $"Invalid parameter: the file part {FaultWriter.XmlSafe(shownName)} is larger than the limit of {limits.MaxFileBytes} bytes (IPSAPI_UPLOADS__MAXFILEBYTES)"));
            }

            output.Write(buffer, 0, read);
            if (form.Checks is { IsFaulted: true } refused)
            {
                await refused;
            }

            if (DateTime.UtcNow >= beat)
            {
                beat = DateTime.UtcNow + heartbeat;
                await whileReceiving(cancellationToken);
            }
        }

        // Flushed to the disk, when it is, with the POST's other files and their folder (UploadStaging.StageAsync).
        return size;
    }

    private static async Task<int> ReadAsync(Stream part, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await part.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken);
        }
        catch (Exception e) when (IsMalformed(e, cancellationToken))
        {
            throw Malformed(e);
        }
    }

    /// <summary>A body that breaks off, is no multipart or passes the request limit; not the client going away.</summary>
    private static bool IsMalformed(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e is IOException or InvalidDataException;

    private static IpsFaultException Malformed(Exception e) => e is RequestTooLargeException large
        ? RequestTooLarge(large.Limit)
        : IpsFaultException.InvalidRequestXml($"Invalid request: the multipart/form-data body is malformed ({e.Message})");

    private static IpsFaultException Duplicate(string name) =>
        IpsFaultException.InvalidRequestXml($"Invalid request: more than one {name} part");

    private static IpsFaultException RequestTooLarge(long limit) => IpsFaultException.InvalidRequestXml(string.Create(CultureInfo.InvariantCulture,
        $"Invalid request: the body is larger than the limit of {limit} bytes (IPSAPI_UPLOADS__MAXREQUESTBYTES)"));

    private sealed class RequestTooLargeException(long limit) : IOException("The body is larger than the limit.")
    {
        public long Limit { get; } = limit;
    }

    /// <summary>The request body, counted into <see cref="UploadForm.Bytes"/> and cut off past the limit.</summary>
    private sealed class CountingStream(Stream inner, UploadForm form, long limit) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => form.Bytes;
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            form.Bytes += read;
            return form.Bytes > limit ? throw new RequestTooLargeException(limit) : read;
        }
    }
}
