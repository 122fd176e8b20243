namespace Goldilocks.Tests.Infrastructure;

/// <summary>
/// Several consecutive fixed seeds for one statistical test, for claims whose per-seed statistic scatters across the
/// threshold on a few seeds (S6, S7, W9, W10, W12): the test asserts on the median over the window, not on one draw.
/// A seed sweep shifts the whole window by the offset.
/// </summary>
public static class SeedWindow
{
    public static long[] Of(int count, long first = 0) => Enumerable.Range(0, count).Select(i => SeedOffset.Apply(first + i)).ToArray();

    /// <summary>
    /// Measures consecutive seeds (offset-shifted like <see cref="Of"/>) until <paramref name="count"/> measurements
    /// satisfy the claim's premise or <paramref name="maxSeeds"/> seeds are spent: W9's progressive sharpening is a
    /// statement about runs that start stable (ηS/2 &lt; 1), and a seed that starts beyond the edge is outside it.
    /// Returns every measurement and the admitted ones, in seed order; the caller asserts that enough were admitted.
    /// </summary>
    public static (IReadOnlyList<T> All, IReadOnlyList<T> Admitted) Admit<T>(int count, int maxSeeds, Func<long, T> measure, Func<T, bool> premise)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSeeds, count);
        var all = new List<T>();
        var admitted = new List<T>();
        foreach (long seed in Of(maxSeeds))
        {
            var m = measure(seed);
            all.Add(m);
            if (premise(m)) admitted.Add(m);
            if (admitted.Count == count) break;
        }
        return (all, admitted);
    }

    /// <summary>The middle element (upper middle for an even count).</summary>
    public static double Median(IEnumerable<double> values) => Statistics.WindowMedian(values);
}
