namespace Goldilocks.Tests.Infrastructure;

/// <summary>
/// Null models of the statistical claims (each spec's "How it is checked"): the same measurements with the pairing the
/// claim is about permuted, which keeps both marginal distributions and removes any association between them. The
/// calibration tests count how often a test's margin passes over many such draws; the NegativeControl tests assert
/// that one fixed draw fails it.
/// </summary>
internal static class NullModel
{
    /// <summary>A uniformly random permutation (Fisher-Yates) of a copy of <paramref name="values"/>.</summary>
    public static T[] Permuted<T>(IReadOnlyList<T> values, Random rng)
    {
        var a = values.ToArray();
        for (int i = a.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (a[i], a[j]) = (a[j], a[i]);
        }
        return a;
    }

    /// <summary>How many of <paramref name="draws"/> null draws pass; draw i is generated from <c>new Random(seed + i)</c>.</summary>
    public static int Passes(int draws, int seed, Func<Random, bool> passes) =>
        Enumerable.Range(0, draws).Count(i => passes(new Random(seed + i)));

    /// <summary>The seed a test that writes <c>SeedOffset.Apply(seed)</c> uses at sweep offset <paramref name="offset"/>.</summary>
    public static long AtOffset(long seed, int offset) => seed + SeedOffset.Stride * offset;
}
