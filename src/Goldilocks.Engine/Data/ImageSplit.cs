namespace Goldilocks.Data;

/// <summary>
/// A decoded image split held as raw bytes (images [N, C·H·W] row-major, labels [N]) with per-pixel mean and standard
/// deviation over the whole split, so balanced or prior-matched subsets can be standardised with the split's
/// statistics without converting all N images to floating point (60,000 FashionMNIST images are 376 MB in float64).
/// </summary>
public sealed class ImageSplit
{
    /// <summary>Validates the bytes and computes the per-pixel statistics of the whole split.</summary>
    /// <param name="name">Split name, e.g. "FashionMNIST-train".</param>
    /// <param name="imageShape">Image shape [C, H, W].</param>
    /// <param name="pixels">N·C·H·W pixel bytes, image after image.</param>
    /// <param name="labels">N labels in [0, classes).</param>
    /// <param name="classes">Number of classes K.</param>
    public ImageSplit(string name, int[] imageShape, byte[] pixels, byte[] labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        Name = name;
        ImageShape = imageShape;
        Classes = classes;
        ImageSize = imageShape.Aggregate(1, (a, b) => a * b);
        if (labels.Length == 0) throw new InvalidDataException($"{name}: no images");
        if (pixels.Length != (long)labels.Length * ImageSize)
            throw new InvalidDataException($"{name}: {pixels.Length} pixel bytes for {labels.Length} labels of {ImageSize}-pixel images");
        int bad = Array.FindIndex(labels, l => l >= classes);
        if (bad >= 0) throw new InvalidDataException($"{name}: label {labels[bad]} at index {bad} is out of range [0, {classes})");
        Pixels = pixels;
        Labels = labels;
        (Mean, Std) = PixelStatistics(pixels, labels.Length, ImageSize);
    }

    /// <summary>Split name, e.g. "FashionMNIST-train".</summary>
    public string Name { get; }

    /// <summary>Image shape [C, H, W].</summary>
    public int[] ImageShape { get; }

    /// <summary>Pixels per image, C·H·W.</summary>
    public int ImageSize { get; }

    /// <summary>Number of classes K.</summary>
    public int Classes { get; }

    /// <summary>Raw pixel bytes, [N, C·H·W] row-major.</summary>
    public byte[] Pixels { get; }

    /// <summary>Raw labels [N].</summary>
    public byte[] Labels { get; }

    /// <summary>N: number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>Per-pixel mean of the pixel values scaled to [0, 1].</summary>
    public double[] Mean { get; }

    /// <summary>Per-pixel sample standard deviation (N - 1, as torch.std) of the scaled values; 1 where it is zero.</summary>
    public double[] Std { get; }

    /// <summary>
    /// The images at <paramref name="indices"/> (all when null) as a dataset: pixels/255, standardised per pixel with the
    /// whole split's statistics when <paramref name="standardize"/>, shaped [n, C, H, W] or [n, C·H·W].
    /// </summary>
    public Dataset ToDataset(long[]? indices = null, bool flatten = false, bool standardize = true,
        ScalarType dtype = ScalarType.Float64, Device? device = null, string? name = null)
    {
        indices ??= Enumerable.Range(0, Count).Select(i => (long)i).ToArray();
        if (indices.Length == 0) throw new ArgumentException($"{Name}: empty selection", nameof(indices));
        var values = new double[(long)indices.Length * ImageSize];
        var labels = new long[indices.Length];
        for (int r = 0; r < indices.Length; r++)
        {
            long i = indices[r];
            if (i < 0 || i >= Count) throw new ArgumentOutOfRangeException(nameof(indices), i, $"{Name}: index outside [0, {Count})");
            labels[r] = Labels[i];
            var src = Pixels.AsSpan((int)(i * ImageSize), ImageSize);
            var dst = values.AsSpan(r * ImageSize, ImageSize);
            for (int j = 0; j < ImageSize; j++)
                dst[j] = standardize ? (src[j] / 255.0 - Mean[j]) / Std[j] : src[j] / 255.0;
        }
        using var scope = torch.NewDisposeScope();
        var shape = flatten ? new long[] { indices.Length, ImageSize } : new long[] { indices.Length }.Concat(ImageShape.Select(s => (long)s)).ToArray();
        var target = device ?? torch.CPU;
        var x = torch.tensor(values, dtype: ScalarType.Float64).view(shape).to(dtype).to(target);
        var y = torch.tensor(labels, dtype: ScalarType.Int64).to(target);
        return new Dataset(x.MoveToOuterDisposeScope(), y.MoveToOuterDisposeScope(), Classes, name ?? Name);
    }

    private static (double[] Mean, double[] Std) PixelStatistics(byte[] pixels, int n, int size)
    {
        var sum = new double[size];
        var sq = new double[size];
        for (int i = 0; i < n; i++)
        {
            var row = pixels.AsSpan(i * size, size);
            for (int j = 0; j < size; j++)
            {
                double v = row[j] / 255.0;
                sum[j] += v;
                sq[j] += v * v;
            }
        }
        var mean = new double[size];
        var std = new double[size];
        for (int j = 0; j < size; j++)
        {
            mean[j] = sum[j] / n;
            double variance = n > 1 ? Math.Max(0, (sq[j] - n * mean[j] * mean[j]) / (n - 1)) : 0;
            std[j] = variance > 0 ? Math.Sqrt(variance) : 1;
        }
        return (mean, std);
    }
}
