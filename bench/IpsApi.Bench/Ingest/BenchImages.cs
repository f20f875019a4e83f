using NetVips;

namespace IpsApi.Bench.Ingest;

/// <summary>One generated image as it is served.</summary>
public sealed record BenchImage(string Name, string Path, long Bytes, int Width, int Height);

/// <summary>
/// Makes the images the ingest benchmark downloads: JPEGs and PNGs of a given size range whose content varies
/// (colour, texture scale, grain, JPEG quality), so they compress differently and cost the decoder different
/// work, as a real catalogue does. Each image is seeded by its index: every run serves the same set.
/// </summary>
public static class BenchImages
{
    // Share of PNGs: most product images are JPEGs.
    private const double PngShare = 0.3;

    private const double MaxPixels = 12_000_000;

    public static IReadOnlyList<BenchImage> Generate(string folder, int count, long minBytes, long maxBytes, CancellationToken cancellationToken)
    {
        var images = new BenchImage[count];
        Parallel.For(
            0, count,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            i => images[i] = GenerateOne(folder, i, minBytes, maxBytes));
        return images;
    }

    /// <summary>
    /// JPEGs of <paramref name="minMegapixels"/> to <paramref name="maxMegapixels"/> (camera-sized originals, for the
    /// optimize benchmark): size by pixels, not bytes, since the pyramid's cost follows the pixels.
    /// </summary>
    public static IReadOnlyList<BenchImage> GenerateByPixels(string folder, int count, double minMegapixels, double maxMegapixels, CancellationToken cancellationToken)
    {
        var images = new BenchImage[count];
        Parallel.For(
            0, count,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            i =>
            {
                var random = new Random(104729 * i + 3);
                var recipe = new Recipe(false, random.Next(82, 95), 4 + random.NextDouble() * 10, random.Next(24, 400),
                    [random.Next(40, 216), random.Next(40, 216), random.Next(40, 216)], 0.66 + random.NextDouble() * 0.84, i);
                var pixels = (minMegapixels + random.NextDouble() * (maxMegapixels - minMegapixels)) * 1e6;
                var width = (int)Math.Sqrt(pixels * recipe.Aspect);
                var (bytes, w, h) = Encode(recipe, width, (int)(pixels / width));
                var name = $"{i:D4}.jpg";
                var path = Path.Combine(folder, name);
                File.WriteAllBytes(path, bytes);
                images[i] = new BenchImage(name, path, bytes.Length, w, h);
            });
        return images;
    }

    private static BenchImage GenerateOne(string folder, int index, long minBytes, long maxBytes)
    {
        var random = new Random(7919 * index + 17);
        var recipe = new Recipe(
            Png: random.NextDouble() < PngShare,
            Quality: random.Next(75, 96),
            Grain: 6 + random.NextDouble() * 26,
            Cell: random.Next(24, 400),
            Tint: [random.Next(40, 216), random.Next(40, 216), random.Next(40, 216)],
            Aspect: 0.6 + random.NextDouble() * 1.2,
            Seed: index);
        var target = minBytes + random.NextDouble() * (maxBytes - minBytes);

        // Size is mostly a matter of grain and format: a small sample says how many bytes a pixel costs, then
        // the full image is made at the size that hits the target, corrected if the guess missed the range. A
        // recipe that would need too many pixels for its size gets more grain instead: real photos of 1-5 MB
        // are a few megapixels, and a few huge ones would make the benchmark measure them alone.
        var pixels = target / BytesPerPixel(recipe);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            if (pixels > MaxPixels)
            {
                recipe = recipe with { Grain = recipe.Grain * 1.5, Quality = Math.Min(95, recipe.Quality + 5) };
                pixels = target / BytesPerPixel(recipe);
                continue;
            }

            var width = Math.Max(64, (int)Math.Sqrt(pixels * recipe.Aspect));
            var height = Math.Max(64, (int)(pixels / width));
            var (bytes, w, h) = Encode(recipe, width, height);
            if (bytes.Length >= minBytes && bytes.Length <= maxBytes)
            {
                var name = $"{index:D4}{(recipe.Png ? ".png" : ".jpg")}";
                var path = Path.Combine(folder, name);
                File.WriteAllBytes(path, bytes);
                return new BenchImage(name, path, bytes.Length, w, h);
            }

            pixels *= target / bytes.Length;
        }

        throw new BenchmarkFailedException($"image {index} could not be made between {minBytes} and {maxBytes} bytes");
    }

    private static double BytesPerPixel(Recipe recipe)
    {
        var (sample, width, height) = Encode(recipe, 512, (int)(512 / recipe.Aspect));
        return (double)sample.Length / (width * height);
    }

    private static (byte[] Bytes, int Width, int Height) Encode(Recipe recipe, int width, int height)
    {
        // A coloured Perlin texture (its cell size sets how smooth the picture is), a gentle gradient across it,
        // and per-band Gaussian grain (its strength sets how badly the image compresses). Perlin noise is made
        // at an eighth of the size and enlarged, and the grain is cut from one shared tile: made at full size,
        // both would cost more than everything the benchmark measures.
        using var perlin = Image.Perlin(Math.Max(1, width / 8), Math.Max(1, height / 8), cellSize: Math.Max(4, recipe.Cell / 8), seed: recipe.Seed);
        using var smooth = perlin.Resize(width / (double)perlin.Width, vscale: height / (double)perlin.Height, kernel: Enums.Kernel.Linear);
        using var texture = smooth.Bandjoin(smooth, smooth).Linear([90.0, 70.0, 50.0], recipe.Tint.Select(t => (double)t).ToArray());
        using var xyz = Image.Xyz(texture.Width, texture.Height);
        using var x = xyz[0];
        using var ramp = x.Linear([40.0 / width], [-20.0]);
        using var shaded = texture + ramp;
        using var tiles = GrainTile.Replicate(texture.Width / GrainTileSize + 2, texture.Height / GrainTileSize + 2);
        using var cut = tiles.Crop(recipe.Seed * 37 % GrainTileSize, recipe.Seed * 61 % GrainTileSize, texture.Width, texture.Height);
        using var grain = cut.Linear([recipe.Grain], [0.0]);
        using var sum = shaded + grain;
        using var pixels = sum.Cast(Enums.BandFormat.Uchar);
        using var srgb = pixels.Copy(interpretation: Enums.Interpretation.Srgb);
        var bytes = recipe.Png
            ? srgb.PngsaveBuffer(compression: 4)
            : srgb.JpegsaveBuffer(q: recipe.Quality, optimizeCoding: true);
        return (bytes, srgb.Width, srgb.Height);
    }

    private const int GrainTileSize = 1024;

    // Unit Gaussian noise in three independent bands, made once and kept in memory for every image.
    private static readonly Image GrainTile = Image.Gaussnoise(GrainTileSize, GrainTileSize, sigma: 1, mean: 0, seed: 1)
        .Bandjoin(Image.Gaussnoise(GrainTileSize, GrainTileSize, sigma: 1, mean: 0, seed: 2),
                  Image.Gaussnoise(GrainTileSize, GrainTileSize, sigma: 1, mean: 0, seed: 3))
        .CopyMemory();

    private sealed record Recipe(bool Png, int Quality, double Grain, int Cell, int[] Tint, double Aspect, int Seed);
}
