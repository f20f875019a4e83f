namespace IpsApi.Assets.Processing;

/// <summary>
/// Output files appear whole or not at all: each is written under a temporary name in its final folder (so the
/// rename stays on one file system) and renamed when complete. A failed or cancelled run removes its temporary
/// files.
/// </summary>
internal static class OutputFiles
{
    /// <summary>Prefix of files being written; a reader listing the folder can ignore them.</summary>
    public const string TemporaryPrefix = ".tmp-";

    public static string PrepareFolder(string outputFolder)
    {
        var full = Path.GetFullPath(outputFolder);
        Directory.CreateDirectory(full);
        return full;
    }

    /// <summary>A fresh temporary name beside <paramref name="finalPath"/>, keeping its extension, since
    /// libvips and ffmpeg choose the format from it.</summary>
    public static string TemporaryFor(string finalPath) =>
        Path.Combine(
            Path.GetDirectoryName(finalPath)!,
            TemporaryPrefix + Guid.NewGuid().ToString("N") + Path.GetExtension(finalPath));

    public static void Publish(string temporaryPath, string finalPath) =>
        File.Move(temporaryPath, finalPath, overwrite: true);

    public static void DeleteQuietly(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
            else if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Cleanup after a failure must not hide the failure itself.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>A full path for handing to a tool: absolute, so it can never start with '-' and be taken for
    /// an option.</summary>
    public static string ToolPath(string path) => Path.GetFullPath(path);
}
