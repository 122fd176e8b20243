namespace Goldilocks.Tests.Claims.Shared;

/// <summary>The seeds and the summary lines of the explicit calibration runs (FortScherlisCalibration, SagunCalibration).</summary>
internal static class CalibrationLog
{
    /// <summary>Seeds 0..19; CAL_SEEDS=n (environment) changes the count for probing (the recorded calibrations use 20).</summary>
    public static readonly int[] Seeds = Enumerable.Range(0, int.TryParse(Environment.GetEnvironmentVariable("CAL_SEEDS"), out int n) ? n : 20).ToArray();

    /// <summary>Numbers in G4, space-separated.</summary>
    public static string F(IEnumerable<double> xs) => string.Join(" ", xs.Select(x => x.ToString("G4")));

    /// <summary>One line: min, median and max of the values, then all of them.</summary>
    public static void Summary(string name, IEnumerable<double> xs)
    {
        var a = xs.ToArray();
        TestContext.Out.WriteLine($"{name}: min {a.Min():G4} median {a.OrderBy(x => x).ElementAt(a.Length / 2):G4} max {a.Max():G4} :: {F(a)}");
    }

    /// <summary>A number from the environment, or <paramref name="fallback"/>.</summary>
    public static double EnvD(string name, double fallback) => double.TryParse(Environment.GetEnvironmentVariable(name), out double v) ? v : fallback;

    /// <summary>Offsets 0..NULL_OFFSETS-1 (default 300) of the Monte Carlo ("exact in expectation") null calibrations:
    /// 0 null passes in 300 bound the null pass probability below 1 % (NullModel.UpperBound95).</summary>
    public static int MonteCarloOffsets => NullModel.Offsets(300);

    /// <summary>One Monte Carlo test's statistic at sweep offsets 0..<see cref="MonteCarloOffsets"/>-1 (the seeds the
    /// seed sweep gives it): claim passes (power), null passes, the statistic's min/median/max and the null's closest
    /// approach to the margin (smallest distance past it; negative: a null pass).</summary>
    public static void MonteCarloNull(string name, Func<Func<long, long>, McVerdict> statistic)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int offsets = MonteCarloOffsets;
        var v = Enumerable.Range(0, offsets).Select(k => statistic(s => NullModel.AtOffset(s, k))).ToList();
        for (int k = 0; k < v.Count; k++)
            if (!v[k].Claim || v[k].Null) TestContext.Out.WriteLine($"offset {k}: claim {(v[k].Claim ? "passes" : "fails")}, null {(v[k].Null ? "passes" : "fails")}: {v[k].Report}");
        var stat = v.Select(x => x.Statistic).ToList();
        int nulls = v.Count(x => x.Null);
        TestContext.Out.WriteLine($"{name}: claim {v.Count(x => x.Claim)}/{offsets}, null {nulls}/{offsets} (95 % upper bound {NullModel.UpperBound95(nulls, offsets):P2}); statistic min {stat.Min():G5} median {Statistics.Quantile(stat, 0.5):G5} max {stat.Max():G5}; closest null approach to the margin {v.Min(x => x.NullDistance):G5} (offset {v.FindIndex(x => x.NullDistance == v.Min(y => y.NullDistance))}); offset 0: {v[0].Report}; {clock.Elapsed.TotalSeconds:F0} s");
    }
}
