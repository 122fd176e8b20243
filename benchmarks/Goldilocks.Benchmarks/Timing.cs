using System.Diagnostics;

namespace Goldilocks.Benchmarks;

/// <summary>Stopwatch helpers for the scaling and profile steps (BenchmarkDotNet is used for the budget run).</summary>
internal static class Timing
{
    public static double Seconds(Func<double> f)
    {
        var sw = Stopwatch.StartNew();
        f();
        return sw.Elapsed.TotalSeconds;
    }

    /// <summary>Median of <paramref name="repeats"/> timings after one warm-up call.</summary>
    public static double Median(Func<double> f, int repeats)
    {
        f();
        return MedianOf(Enumerable.Range(0, repeats).Select(_ => Seconds(f)));
    }

    public static double MedianOf(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : 0.5 * (v[v.Length / 2 - 1] + v[v.Length / 2]);
    }

    /// <summary>Least-squares slope of log y against log x: the exponent a in y ∝ x^a.</summary>
    public static double LogLogSlope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var lx = x.Select(v => Math.Log(v)).ToArray();
        var ly = y.Select(v => Math.Log(v)).ToArray();
        double mx = lx.Average(), my = ly.Average();
        return lx.Zip(ly).Sum(p => (p.First - mx) * (p.Second - my)) / lx.Sum(v => (v - mx) * (v - mx));
    }
}
