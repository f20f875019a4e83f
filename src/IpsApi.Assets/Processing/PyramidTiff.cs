using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using NetVips;

namespace IpsApi.Assets.Processing;

/// <summary>
/// Writes the JPEG-tiled pyramid TIFF without dark fringes on its right and bottom edges.
/// <para>
/// libvips fills the unused part of edge tiles with black before JPEG-compressing them. JPEG works on 8x8 blocks
/// (16x16 with chroma subsampling), so wherever the image edge falls inside a block, the black bleeds into the
/// last real pixels: a white product shot gets a grey hairline on two sides at every level. This writer pads the
/// image with copies of its edge pixels to a size where every level ends on a whole tile (or at least on a 16-pixel
/// boundary), lets libvips write that pyramid, and then rewrites each level's size tags to the true size and drops
/// the tiles that lie wholly in the padding from the tile tables. Readers then see exactly the image, with the
/// JPEG blocks at its edges computed from real and replicated pixels only.
/// </para>
/// </summary>
internal static class PyramidTiff
{
    private const int TagImageWidth = 256;
    private const int TagImageLength = 257;
    private const int TagPlanarConfiguration = 284;
    private const int TagTileWidth = 322;
    private const int TagTileLength = 323;
    private const int TagTileOffsets = 324;
    private const int TagTileByteCounts = 325;

    private const int TypeShort = 3;
    private const int TypeLong = 4;
    private const int TypeLong8 = 16;

    /// <summary>How many levels libvips writes: halving (rounding down) until both sides fit in one tile.</summary>
    public static int LevelCount(int width, int height, int tileSize)
    {
        var levels = 1;
        while (width > tileSize || height > tileSize)
        {
            width /= 2;
            height /= 2;
            levels++;
        }

        return levels;
    }

    public static void WriteJpeg(Image image, string path, int tileSize, int quality, bool bigTiff, CancellationToken ct)
    {
        var width = image.Width;
        var height = image.Height;
        var levels = LevelCount(width, height, tileSize);

        // Level k of the padded image is padded/2^k wide; a multiple of 16 * 2^(levels-1) keeps every level on a
        // 16-pixel JPEG block boundary, and a multiple of the tile size fills level 0's tiles completely.
        var multiple = LeastCommonMultiple(tileSize, 16L << (levels - 1));
        var paddedWidth = RoundUp(width, multiple);
        var paddedHeight = RoundUp(height, multiple);
        using var padded = image.Embed(0, 0, checked((int)paddedWidth), checked((int)paddedHeight), extend: Enums.Extend.Copy);
        ImageWork.Watch(padded, ct);
        padded.Tiffsave(
            path,
            compression: Enums.ForeignTiffCompression.Jpeg,
            q: quality,
            tile: true,
            tileWidth: tileSize,
            tileHeight: tileSize,
            pyramid: true,
            bigtiff: bigTiff,
            keep: Enums.ForeignKeep.Icc);

        TrimPadding(path, width, height, levels);
    }

    /// <summary>
    /// Sets each level's size to the true size (<paramref name="width"/> and <paramref name="height"/> halved per
    /// level), keeps only the tiles that size needs, and ends the directory chain after <paramref name="levels"/>
    /// levels. Works in place: tile data is not moved; tiles of the padding become unreferenced bytes.
    /// </summary>
    internal static void TrimPadding(string path, int width, int height, int levels)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite);
        var header = new byte[16];
        RandomAccess.Read(file, header, 0);
        var tiff = new TiffFile(file, header);

        var directory = tiff.FirstDirectory;
        for (var level = 0; level < levels; level++)
        {
            if (directory == 0)
            {
                throw new InvalidDataException($"The pyramid TIFF has {level} levels, {levels} were expected.");
            }

            var entries = tiff.ReadDirectory(directory);
            var levelWidth = (ulong)Math.Max(1, width >> level);
            var levelHeight = (ulong)Math.Max(1, height >> level);
            TrimLevel(tiff, entries, levelWidth, levelHeight);

            var next = tiff.ReadNextDirectory(directory);
            if (level == levels - 1)
            {
                // libvips may have made an extra level for the padded size; the true image needs no more.
                tiff.WriteNextDirectory(directory, 0);
            }

            directory = next;
        }
    }

    private static void TrimLevel(TiffFile tiff, Dictionary<int, TiffEntry> entries, ulong width, ulong height)
    {
        if (entries.TryGetValue(TagPlanarConfiguration, out var planar) && tiff.ReadValues(planar)[0] != 1)
        {
            throw new InvalidDataException("Only interleaved (contiguous) pyramid TIFFs can be trimmed.");
        }

        var paddedWidth = tiff.ReadValues(entries[TagImageWidth])[0];
        var paddedHeight = tiff.ReadValues(entries[TagImageLength])[0];
        var tileWidth = tiff.ReadValues(entries[TagTileWidth])[0];
        var tileHeight = tiff.ReadValues(entries[TagTileLength])[0];
        var paddedAcross = (paddedWidth + tileWidth - 1) / tileWidth;
        var across = (width + tileWidth - 1) / tileWidth;
        var down = (height + tileHeight - 1) / tileHeight;

        var offsets = tiff.ReadValues(entries[TagTileOffsets]);
        var byteCounts = tiff.ReadValues(entries[TagTileByteCounts]);
        if (width > paddedWidth || height > paddedHeight || offsets.Length != byteCounts.Length
            || (ulong)offsets.Length < paddedAcross * ((paddedHeight + tileHeight - 1) / tileHeight))
        {
            throw new InvalidDataException("The pyramid TIFF's tile tables don't match its size.");
        }

        var keptOffsets = new ulong[across * down];
        var keptByteCounts = new ulong[across * down];
        for (ulong row = 0; row < down; row++)
        {
            for (ulong column = 0; column < across; column++)
            {
                keptOffsets[(row * across) + column] = offsets[(row * paddedAcross) + column];
                keptByteCounts[(row * across) + column] = byteCounts[(row * paddedAcross) + column];
            }
        }

        tiff.WriteValues(entries[TagTileOffsets], keptOffsets);
        tiff.WriteValues(entries[TagTileByteCounts], keptByteCounts);
        tiff.WriteValues(entries[TagImageWidth], [width]);
        tiff.WriteValues(entries[TagImageLength], [height]);
    }

    private static long RoundUp(long value, long multiple) => (value + multiple - 1) / multiple * multiple;

    private static long LeastCommonMultiple(long a, long b)
    {
        var (x, y) = (a, b);
        while (y != 0)
        {
            (x, y) = (y, x % y);
        }

        return a / x * b;
    }

    /// <summary>One directory entry: where it sits in the file and what it says.</summary>
    private sealed record TiffEntry(long Position, int Tag, int Type, ulong Count);

    /// <summary>Just enough of TIFF and BigTIFF, either byte order, to read and rewrite directory entries.</summary>
    private sealed class TiffFile
    {
        private readonly SafeFileHandle _file;
        private readonly bool _littleEndian;
        private readonly bool _big;

        public TiffFile(SafeFileHandle file, byte[] header)
        {
            _file = file;
            _littleEndian = header[0] == (byte)'I' && header[1] == (byte)'I';
            if (!_littleEndian && !(header[0] == (byte)'M' && header[1] == (byte)'M'))
            {
                throw new InvalidDataException("Not a TIFF file.");
            }

            var magic = Read16(header.AsSpan(2));
            _big = magic == 43;
            if (magic != 42 && !_big)
            {
                throw new InvalidDataException("Not a TIFF file.");
            }

            FirstDirectory = _big ? (long)Read64(header.AsSpan(8)) : Read32(header.AsSpan(4));
        }

        public long FirstDirectory { get; }

        private int CountSize => _big ? 8 : 2;

        private int EntrySize => _big ? 20 : 12;

        /// <summary>Bytes of a value that fit in the entry itself.</summary>
        private int InlineSize => _big ? 8 : 4;

        public Dictionary<int, TiffEntry> ReadDirectory(long position)
        {
            var count = ReadCount(position);
            var buffer = new byte[(int)count * EntrySize];
            RandomAccess.Read(_file, buffer, position + CountSize);
            var entries = new Dictionary<int, TiffEntry>();
            for (var i = 0; i < (int)count; i++)
            {
                var entry = buffer.AsSpan(i * EntrySize, EntrySize);
                var valueCount = _big ? Read64(entry[4..]) : Read32(entry[4..]);
                entries[Read16(entry)] = new TiffEntry(position + CountSize + (i * EntrySize), Read16(entry), Read16(entry[2..]), valueCount);
            }

            return entries;
        }

        public long ReadNextDirectory(long position)
        {
            var at = NextPointerPosition(position);
            var buffer = new byte[InlineSize];
            RandomAccess.Read(_file, buffer, at);
            return _big ? (long)Read64(buffer) : Read32(buffer);
        }

        public void WriteNextDirectory(long position, long next)
        {
            var buffer = new byte[InlineSize];
            WriteUnsigned(buffer, (ulong)next, InlineSize);
            RandomAccess.Write(_file, buffer, NextPointerPosition(position));
        }

        public ulong[] ReadValues(TiffEntry entry)
        {
            var size = TypeSize(entry.Type);
            var bytes = new byte[checked((int)entry.Count * size)];
            RandomAccess.Read(_file, bytes, ValuePosition(entry, bytes.Length));
            var values = new ulong[entry.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = ReadUnsigned(bytes.AsSpan(i * size), size);
            }

            return values;
        }

        /// <summary>Rewrites an entry's values, no more than it had: where they were, or inline once they fit.</summary>
        public void WriteValues(TiffEntry entry, ulong[] values)
        {
            if ((ulong)values.Length > entry.Count)
            {
                throw new InvalidOperationException("A TIFF entry can only shrink in place.");
            }

            var size = TypeSize(entry.Type);
            var bytes = new byte[values.Length * size];
            for (var i = 0; i < values.Length; i++)
            {
                var maximum = size == 8 ? ulong.MaxValue : (1UL << (size * 8)) - 1;
                if (values[i] > maximum)
                {
                    throw new InvalidOperationException("A TIFF value does not fit its type.");
                }

                WriteUnsigned(bytes.AsSpan(i * size), values[i], size);
            }

            var oldPosition = ValuePosition(entry, checked((int)entry.Count * size));
            var countField = new byte[_big ? 8 : 4];
            WriteUnsigned(countField, (ulong)values.Length, countField.Length);
            RandomAccess.Write(_file, countField, entry.Position + 4);
            if (bytes.Length <= InlineSize)
            {
                var inline = new byte[InlineSize];
                bytes.CopyTo(inline, 0);
                RandomAccess.Write(_file, inline, entry.Position + 4 + countField.Length);
            }
            else
            {
                RandomAccess.Write(_file, bytes, oldPosition);
            }
        }

        private long ValuePosition(TiffEntry entry, int byteLength)
        {
            var field = entry.Position + 4 + (_big ? 8 : 4);
            if (byteLength <= InlineSize)
            {
                return field;
            }

            var pointer = new byte[InlineSize];
            RandomAccess.Read(_file, pointer, field);
            return _big ? (long)Read64(pointer) : Read32(pointer);
        }

        private ulong ReadCount(long position)
        {
            var buffer = new byte[CountSize];
            RandomAccess.Read(_file, buffer, position);
            return _big ? Read64(buffer) : Read16(buffer);
        }

        private long NextPointerPosition(long position) => position + CountSize + ((long)ReadCount(position) * EntrySize);

        private static int TypeSize(int type) => type switch
        {
            TypeShort => 2,
            TypeLong => 4,
            TypeLong8 => 8,
            _ => throw new InvalidDataException($"Unexpected TIFF field type {type} for a size or tile table."),
        };

        private ulong ReadUnsigned(ReadOnlySpan<byte> bytes, int size) => size switch
        {
            2 => Read16(bytes),
            4 => Read32(bytes),
            _ => Read64(bytes),
        };

        private void WriteUnsigned(Span<byte> bytes, ulong value, int size)
        {
            switch (size)
            {
                case 2:
                    if (_littleEndian)
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)value);
                    }
                    else
                    {
                        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)value);
                    }

                    break;
                case 4:
                    if (_littleEndian)
                    {
                        BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)value);
                    }
                    else
                    {
                        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)value);
                    }

                    break;
                default:
                    if (_littleEndian)
                    {
                        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
                    }
                    else
                    {
                        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
                    }

                    break;
            }
        }

        private ushort Read16(ReadOnlySpan<byte> bytes) =>
            _littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16BigEndian(bytes);

        private uint Read32(ReadOnlySpan<byte> bytes) =>
            _littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);

        private ulong Read64(ReadOnlySpan<byte> bytes) =>
            _littleEndian ? BinaryPrimitives.ReadUInt64LittleEndian(bytes) : BinaryPrimitives.ReadUInt64BigEndian(bytes);
    }
}
