using static Goldilocks.Tests.Claims.Shared.CalibrationLog;

namespace Goldilocks.Tests.Claims.Sagun;

/// <summary>
/// Calibration runs for the statistical Sagun et al. (S) claims over seeds 0..19 (not part of the suite; run explicitly):
/// dotnet test tests/Goldilocks.Tests -c Release --filter "FullyQualifiedName~SagunCalibration.&lt;Name&gt;" --logger "console;verbosity=detailed"
/// </summary>
[Explicit("calibration: minutes of CPU; run by name")]
public sealed class SagunCalibration
{
    [Test]
    public void S5([Values(2, 5, 10)] int classes, [Values(Activation.ReLU, Activation.Tanh)] Activation activation)
    {
        var rows = Seeds.Select(s => TrainedSpectra.Run(s, classes, activation)).ToList();
        TestContext.Out.WriteLine($"== K = {classes}, {activation}, seeds 0..{Seeds.Length - 1}");
        foreach (var (name, pick) in new (string, Func<TrainedSpectra, IReadOnlyList<double>>)[] { ("init", r => r.AtInit), ("trained", r => r.Trained) })
        {
            foreach (var r in rows) TestContext.Out.WriteLine($"{name} top: {F(pick(r).OrderByDescending(x => x).Take(classes + 3))}");
            Summary($"{name} gap count", rows.Select(r => (double)OutlierCount.ByLargestGap(pick(r), 3 * classes)));
            Summary($"{name} ratio count", rows.Select(r => (double)OutlierCount.ByLargestRatio(pick(r), 3 * classes)));
            Summary($"{name} near-zero fraction (|λ| < 1e-3 λmax)", rows.Select(r => { var e = pick(r); double t = e.Max(Math.Abs); return e.Count(l => Math.Abs(l) < 1e-3 * t) / (double)e.Count; }));
            Summary($"{name} λ_K/λ_(K+1)", rows.Select(r => { var e = pick(r).OrderByDescending(x => x).ToArray(); return e[classes - 1] / e[classes]; }));
        }
        Summary("accuracy", rows.Select(r => r.Accuracy));
    }

    [Test]
    public void S6()
    {
        foreach (int w in new[] { 8, 16, 32 })
        {
            var rows = Seeds.Select(s => HessianExtremes.AfterTraining(s, w)).ToList();
            Summary($"w={w} λ1", rows.Select(r => r.Top[0]));
            Summary($"w={w} gap count", rows.Select(r => (double)OutlierCount.ByLargestGap(r.Top.Append(0).ToArray())));
            Summary($"w={w} |λmin|/λmax", rows.Select(r => Math.Abs(Math.Min(r.Bottom, 0)) / r.Top[0]));
        }
    }

    /// <summary>S6 at a matched training loss (S6_TARGET, widths S6_W1 and S6_W2): one line per seed.</summary>
    [Test]
    public void S6ToLoss()
    {
        double target = EnvD("S6_TARGET", 0.05);
        int w1 = (int)EnvD("S6_W1", 8), w2 = (int)EnvD("S6_W2", 32);
        var rows = new List<(double Ratio, double K1, double K2, double Neg)>();
        foreach (int s in Seeds)
        {
            var a = HessianExtremes.AtTrainingLoss(s, w1, target);
            var b = HessianExtremes.AtTrainingLoss(s, w2, target);
            double Kth(IReadOnlyList<double> t) => t[4] / t[5];
            double Neg(HessianExtremes r) => Math.Abs(Math.Min(r.Bottom, 0)) / r.Top[0];
            rows.Add((b.Top[0] / a.Top[0], Kth(a.Top), Kth(b.Top), Math.Max(Neg(a), Neg(b))));
            TestContext.Out.WriteLine($"seed {s}: w{w1} steps {a.Steps} top {F(a.Top)} min {a.Bottom:G3} | w{w2} steps {b.Steps} top {F(b.Top)} min {b.Bottom:G3}");
        }
        Summary($"λ1(w{w2})/λ1(w{w1})", rows.Select(r => r.Ratio));
        Summary($"λ5/λ6 w{w1}", rows.Select(r => r.K1));
        Summary($"λ5/λ6 w{w2}", rows.Select(r => r.K2));
        Summary("max |λmin|/λmax", rows.Select(r => r.Neg));
    }

    /// <summary>S7 with S7_SEP (cluster separation), S7_LR, S7_STEPS, S7_BATCH: one line per seed.</summary>
    [Test]
    public void S7Explore()
    {
        var rows = Seeds.Select(s => BatchSizeComparison.Run(s, steps: (int)EnvD("S7_STEPS", 400), learningRate: EnvD("S7_LR", 0.5), smallBatch: (long)EnvD("S7_BATCH", 10), separation: EnvD("S7_SEP", 5))).ToList();
        foreach (var r in rows) TestContext.Out.WriteLine($"large {F(r.LargeTop.Take(6))} | small {F(r.SmallTop.Take(6))} | barrier {r.Path.Barrier:G3} ends {r.Path.Losses[0]:G4} {r.Path.Losses[^1]:G4}");
        Summary("λ1 large / λ1 small", rows.Select(r => r.LargeTop[0] / r.SmallTop[0]));
        Summary("barrier", rows.Select(r => r.Path.Barrier));
    }

    [Test]
    public void S7()
    {
        var rows = Seeds.Select(s => BatchSizeComparison.Run(s)).ToList();
        Summary("λ1 large / λ1 small", rows.Select(r => r.LargeTop[0] / r.SmallTop[0]));
        Summary("barrier", rows.Select(r => r.Path.Barrier));
        Summary("rise above end points", rows.Select(r => r.Path.RiseAboveEndpoints));
        Summary("count large - count small (gap)", rows.Select(r => (double)(OutlierCount.ByLargestGap(r.LargeTop) - OutlierCount.ByLargestGap(r.SmallTop))));
    }
}
