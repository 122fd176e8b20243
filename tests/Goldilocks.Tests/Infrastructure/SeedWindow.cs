namespace Goldilocks.Tests.Infrastructure;

/// <summary>
/// Several consecutive fixed seeds for one statistical test, for claims whose per-seed statistic scatters across the
/// threshold on a few seeds (S6, S7, W9, W10, W12): the test asserts on the median over the window, not on one draw.
/// A seed sweep shifts the whole window by the offset.
/// </summary>
public static class SeedWindow
{
    public static long[] Of(int count, long first = 0) => Enumerable.Range(0, count).Select(i => SeedOffset.Apply(first + i)).ToArray();

    /// <summary>The middle element (upper middle for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(x => x).ToArray();
        if (sorted.Length == 0) throw new ArgumentException("no values", nameof(values));
        return sorted[sorted.Length / 2];
    }
}
