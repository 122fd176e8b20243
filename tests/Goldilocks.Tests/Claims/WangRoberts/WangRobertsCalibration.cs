
namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>Calibration runs for W9-W12 (explicit only; their output is recorded in the specs).</summary>
[Explicit("calibration: run by hand, see specs/W9-W12")]
public sealed class WangRobertsCalibration
{
    private static void Log(string line) => File.AppendAllText(Path.Combine(Path.GetTempPath(), "companion-w-calibration.log"), line + "\n");

    [Test]
    public void Explore()
    {
        var etas = (Environment.GetEnvironmentVariable("WR_ETAS") ?? "1").Split(',').Select(double.Parse).ToArray();
        int steps = int.Parse(Environment.GetEnvironmentVariable("WR_STEPS") ?? "100");
        int seeds = int.Parse(Environment.GetEnvironmentVariable("WR_SEEDS") ?? "1");
        for (long seed = 0; seed < seeds; seed++)
        {
            var (objective, theta0) = EdgeOfStabilityExperiment.Create(seed);
            double s0 = EigenTracking.TopEigenpairs(objective, theta0, 1).Top;
            foreach (double eta in etas)
            {
                var sw = System.Diagnostics.Stopwatch.StartNew();
                var run = EigenTracking.Run(objective, theta0, eta, steps, new EigenTrackingOptions(TopK: 1, RecordEvery: 10), new LanczosSolver(tolerance: 1e-6));
                var s = EdgeOfStabilityExperiment.Summarize(run);
                Log($"seed {seed} S0 {s0:F3} eta {eta}: {s} diverged {run.Diverged} {sw.ElapsedMilliseconds} ms");
                Log("  ηS/2: " + string.Join(" ", run.Sharpness.Select(x => (eta * x / 2).ToString("F2"))));
                Log("  loss: " + string.Join(" ", run.Losses.Select(x => x.ToString("F3"))));
            }
        }
    }
}
