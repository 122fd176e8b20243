
namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>Calibration of W9-W12 on the squared-error setting (explicit; output recorded in specs/W9-W12).
/// Command: WR_SEEDS=0-53 dotnet test tests/Goldilocks.Tests -c Release --filter FullyQualifiedName~WangRobertsEdgeOfStabilityCalibration</summary>
[Explicit("calibration: run by hand, see specs/W9-W12")]
public sealed class WangRobertsEdgeOfStabilityCalibration
{
    private static void Log(string line) => File.AppendAllText(Path.Combine(Path.GetTempPath(), "companion-w-eos.log"), line + "\n");

    private static string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) ?? fallback;

    private static IEnumerable<long> Seeds()
    {
        var r = Env("WR_SEEDS", "0-0").Split('-').Select(long.Parse).ToArray();
        for (long s = r[0]; s <= r[^1]; s++) yield return s;
    }

    [Test]
    public void Explore()
    {
        var eta = double.Parse(Env("WR_ETA", "0.1"));
        int steps = int.Parse(Env("WR_STEPS", "300"));
        int every = int.Parse(Env("WR_EVERY", "10"));
        var act = Enum.Parse<Activation>(Env("WR_ACT", "Tanh"));
        var setup = SquaredErrorSetup.Default with { Activation = act, Width = int.Parse(Env("WR_WIDTH", "16")), Samples = int.Parse(Env("WR_N", "32")) };
        foreach (long seed in Seeds())
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var (objective, theta0) = setup.Create(seed);
            using var solver = new WarmStartedSubspaceIteration(blockSize: 3, iterations: int.Parse(Env("WR_IT", "2")));
            var run = EigenTracking.Run(objective, theta0, eta, steps, new EigenTrackingOptions(RecordEvery: every), solver);
            Log($"seed {seed} eta {eta} {setup} diverged {run.Diverged} {sw.ElapsedMilliseconds} ms");
            Log("  ηS/2: " + string.Join(" ", run.StabilityRatio.Select(x => x.ToString("F2"))));
            Log("  loss: " + string.Join(" ", run.Losses.Select(x => x.ToString("F4"))));
            run.FinalParameters?.Dispose();
        }
    }

    /// <summary>The statistic, or the exception a seed raised (a seed without an unstable phase, or one whose top block is
    /// all above 2/η, must show up in the calibration instead of ending it).</summary>
    private static string Try<T>(Func<T> statistic)
    {
        try { return statistic()?.ToString() ?? "null"; }
        catch (InvalidOperationException e) { return "THREW " + e.Message; }
    }

    /// <summary>All per-seed statistics of W9-W12 at the test settings (η = 0.3, η₀ = 0.45, switch to η = 0.1).</summary>
    [Test]
    public void Calibrate()
    {
        foreach (long seed in Seeds())
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var (objective, theta0) = SquaredErrorSetup.Default.Create(seed);
            var eos = EdgeOfStabilityRuns.Track(objective, theta0);
            string w9 = Try(() => EdgeOfStabilityStatistics.Sharpening(eos));
            string w11 = Try(() => EdgeOfStabilityStatistics.Rotation(eos, EdgeOfStabilityRuns.RotationWindow));
            string neg = Try(() => EdgeOfStabilityStatistics.NegativeSharpeningFraction(eos).ToString("F3"));
            string sup = Try(() => EdgeOfStabilityStatistics.Suppression(EdgeOfStabilityRuns.Suppressed(objective, theta0)));
            string w10 = Try(() => EdgeOfStabilityRuns.SwitchPeaks(objective, theta0));
            int perStep = EdgeOfStabilityRuns.PerStepLossIncreases(objective, theta0);
            Log($"seed {seed} {sw.ElapsedMilliseconds} ms | W9 {w9} perStepIncreases {perStep} | W11 {w11} | W12 negFrac {neg} {sup} | W10 {w10}");
        }
    }

    /// <summary>W9 null model: the same seeds trained at the stable η = <see cref="EdgeOfStabilityRuns.SmallEta"/> (2/η = 20,
    /// far above the sharpness GD reaches), where no edge of stability exists; per seed the W9 statistics in units of
    /// that η, then the share of seeds on the passing side of each W9 margin. Seeds from WR_SEEDS (e.g. 0-59).</summary>
    [Test]
    public void W9Null()
    {
        var rows = new List<(SharpeningSummary S, int Increases)>();
        foreach (long seed in Seeds())
        {
            var (objective, theta0) = SquaredErrorSetup.Default.Create(seed);
            var run = EdgeOfStabilityRuns.Track(objective, theta0, extras: false, eta: EdgeOfStabilityRuns.SmallEta);
            run.FinalParameters?.Dispose();
            var s = EdgeOfStabilityStatistics.Sharpening(run);
            int inc = EdgeOfStabilityRuns.PerStepLossIncreases(objective, theta0, EdgeOfStabilityRuns.SmallEta);
            rows.Add((s, inc));
            TestContext.Out.WriteLine($"seed {seed}: diverged {run.Diverged} {s} perStepIncreases {inc}");
        }
        TestContext.Out.WriteLine($"η = {EdgeOfStabilityRuns.SmallEta} over {rows.Count} seeds: peak ηS/2 max {rows.Max(r => r.S.PeakRatio):F3}; late fraction in [0.8, 1.3] max {rows.Max(r => r.S.LateFractionNearLimit):F3} "
            + $"(> 0 on {rows.Count(r => r.S.LateFractionNearLimit > 0)}); step-to-step loss increases: total {rows.Sum(r => r.Increases)}, seeds with any {rows.Count(r => r.Increases > 0)}; "
            + $"rise of ηS/2 min {rows.Min(r => r.S.LateMedianRatio - r.S.InitialRatio):F3} max {rows.Max(r => r.S.LateMedianRatio - r.S.InitialRatio):F3}; final/initial loss max {rows.Max(r => r.S.FinalLossFraction):F4}");
    }
}
