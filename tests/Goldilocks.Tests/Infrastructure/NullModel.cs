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

    /// <summary>NULL_OFFSETS (environment), the number of sweep offsets a null calibration runs, or <paramref name="fallback"/>.</summary>
    public static int Offsets(int fallback) => int.TryParse(Environment.GetEnvironmentVariable("NULL_OFFSETS"), out int n) && n > 0 ? n : fallback;

    /// <summary>The seed a test that writes <c>SeedOffset.Apply(seed)</c> uses at sweep offset <paramref name="offset"/>.</summary>
    public static long AtOffset(long seed, int offset) => seed + SeedOffset.Stride * offset;

    /// <summary>Probability that the median (<see cref="SeedWindow.Median"/>: upper middle) of <paramref name="window"/>
    /// independent draws lies on the passing side when each draw does so with probability <paramref name="p"/>: at least
    /// ⌊window/2⌋ + 1 draws for an odd window, window/2 for an even one (binomial law).</summary>
    public static double MedianPasses(int window, double p)
    {
        if (p <= 0) return 0;
        if (p >= 1) return 1;
        int need = window % 2 == 1 ? window / 2 + 1 : window / 2;
        double sum = 0;
        for (int j = need; j <= window; j++) sum += BinomialPmf(window, j, p);
        return sum;
    }

    /// <summary>One-sided 95 % upper confidence bound (Clopper-Pearson) on a rate observed as <paramref name="hits"/> of <paramref name="draws"/>.</summary>
    public static double UpperBound95(int hits, int draws)
    {
        if (hits >= draws) return 1;
        double lo = (double)hits / draws, hi = 1;
        for (int it = 0; it < 100; it++)
        {
            double mid = (lo + hi) / 2, cdf = 0;
            for (int j = 0; j <= hits; j++) cdf += BinomialPmf(draws, j, mid);
            if (cdf > 0.05) lo = mid; else hi = mid;
        }
        return hi;
    }

    /// <summary>P(j successes in n draws) for success probability p, 0 &lt; p &lt; 1.</summary>
    private static double BinomialPmf(int n, int j, double p) => Math.Exp(LogChoose(n, j) + j * Math.Log(p) + (n - j) * Math.Log(1 - p));

    private static double LogChoose(int n, int k)
    {
        double s = 0;
        for (int i = 1; i <= k; i++) s += Math.Log(n - k + i) - Math.Log(i);
        return s;
    }
}

