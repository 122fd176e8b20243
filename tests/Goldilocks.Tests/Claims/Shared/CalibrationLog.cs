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
}
