
namespace Goldilocks.Tests.Claims.Companion;

/// <summary>
/// Calibration runs for the statistical F and S claims over seeds 0..19 (not part of the suite; run explicitly):
/// dotnet test tests/Goldilocks.Tests -c Release --filter "FullyQualifiedName~CompanionCalibration.&lt;Name&gt;" --logger "console;verbosity=detailed"
/// </summary>
[Explicit("calibration: minutes of CPU; run by name")]
public sealed class CompanionCalibration
{
    // CAL_SEEDS=n (environment) shortens a run for probing; the recorded calibrations use the default 20.
    private static readonly int[] Seeds = Enumerable.Range(0, int.TryParse(Environment.GetEnvironmentVariable("CAL_SEEDS"), out int n) ? n : 20).ToArray();
    private static string F(IEnumerable<double> xs) => string.Join(" ", xs.Select(x => x.ToString("G4")));
    private static void Summary(string name, IEnumerable<double> xs) { var a = xs.ToArray(); TestContext.Out.WriteLine($"{name}: min {a.Min():G4} median {a.OrderBy(x => x).ElementAt(a.Length / 2):G4} max {a.Max():G4} :: {F(a)}"); }

    [Test]
    public void F4()
    {
        int[] dims = { 2, 8, 32, 144 };
        var rows = Seeds.Select(s => CompanionExperiments.ProjectedCurvatureByDimension(s, dims, 6)).ToList();
        foreach (var r in rows) TestContext.Out.WriteLine($"PC(H)={r.FullPc:G4} PC_d={F(r.Pc)} pos_d={F(r.Positive)}");
        Summary("PC(H)", rows.Select(r => r.FullPc));
        Summary("PC_32/PC", rows.Select(r => r.Pc[2] / r.FullPc));
        Summary("PC_8/PC_32", rows.Select(r => r.Pc[1] / r.Pc[2]));
        Summary("pos_2 - pos_32", rows.Select(r => r.Positive[0] - r.Positive[2]));
    }

    [Test]
    public void F8()
    {
        double[] c = { 0.05, 0.3, 1, 3, 20 };
        var rows = Seeds.Select(s => CompanionExperiments.PositiveCurvatureByRadius(s, c)).ToList();
        foreach (var r in rows) TestContext.Out.WriteLine(F(r));
        for (int i = 0; i < c.Length; i++) Summary($"PC at {c[i]} r_init", rows.Select(r => r[i]));
    }

    /// <summary>F9 with one surface per point: the basis-to-basis spread (specs/F9 Findings).</summary>
    [Test]
    public void F9()
    {
        double[] c = { 0.1, 1.0, 10.0 };
        var kinds = new[] { SurfaceKind.Hyperplane, SurfaceKind.Hypersphere };
        // rows[s][k][i]: accuracy on surface kind k through c[i]·θ_init, seed s
        var rows = Seeds.Select(s => kinds.Select(k => c.Select(m => CompanionExperiments.SurfaceAccuracy(s, m, k)).ToArray()).ToArray()).ToList();
        foreach (var r in rows) TestContext.Out.WriteLine($"plane {F(r[0])} | sphere {F(r[1])}");
        for (int k = 0; k < kinds.Length; k++)
            for (int i = 0; i < c.Length; i++)
                Summary($"{kinds[k]} accuracy at {c[i]} r_init", rows.Select(r => r[k][i]));
        SummarizeF9Differences(rows);
    }

    /// <summary>The five accuracy differences the F9 test checks; rows[s][k][i]: kind k (plane, sphere) at 0.1, 1, 10 r_init.</summary>
    private static void SummarizeF9Differences(IReadOnlyList<double[][]> rows)
    {
        Summary("plane: acc(r_init) - acc(10 r_init)", rows.Select(r => r[0][1] - r[0][2]));
        Summary("plane: acc(0.1 r_init) - acc(10 r_init)", rows.Select(r => r[0][0] - r[0][2]));
        Summary("plane: acc(r_init) - acc(0.1 r_init)", rows.Select(r => r[0][1] - r[0][0]));
        Summary("sphere: acc(r_init) - acc(10 r_init)", rows.Select(r => r[1][1] - r[1][2]));
        Summary("sphere: acc(r_init) - acc(0.1 r_init)", rows.Select(r => r[1][1] - r[1][0]));
    }

    [Test]
    public void F9_surface_means()
    {
        // CAL_BASES=n: surfaces averaged per point (the test uses FortScherlisStatisticalTests.F9Bases).
        int bases = int.TryParse(Environment.GetEnvironmentVariable("CAL_BASES"), out int b) ? b : 8;
        var rows = Seeds.Select(s => CompanionExperiments.MeanSurfaceAccuracy(s, new[] { 0.1, 1.0, 10.0 }, bases)).ToList();
        TestContext.Out.WriteLine($"mean accuracy over {bases} surfaces at 0.1, 1, 10 r_init");
        foreach (var r in rows) TestContext.Out.WriteLine($"plane {F(r[0])} | sphere {F(r[1])}");
        SummarizeF9Differences(rows);
    }

    [Test]
    public void F11()
    {
        foreach (bool onShell in new[] { false, true })
            Summary($"Spearman(PC, initial loss), draws {(onShell ? "rescaled to a common radius" : "raw Kaiming")}", Seeds.Select(s => CompanionExperiments.CurvatureLossCorrelation(s, onShell: onShell)));
    }

    [Test]
    public void F10()
    {
        foreach (var c in new[] { 0.1, 1.0 })
            Summary($"‖θ_T‖/r_init from {c} r_init", Seeds.Select(s => CompanionExperiments.RadiusAfterTraining(s, c)));
    }

    [Test]
    public void S5([Values(2, 5, 10)] int classes, [Values(Activation.ReLU, Activation.Tanh)] Activation activation)
    {
        var rows = Seeds.Select(s => CompanionExperiments.SagunSpectra(s, classes, activation)).ToList();
        TestContext.Out.WriteLine($"== K = {classes}, {activation}, seeds 0..{Seeds.Length - 1}");
        foreach (var (name, pick) in new (string, Func<(double[] AtInit, double[] Trained, double Accuracy), double[]>)[] { ("init", r => r.AtInit), ("trained", r => r.Trained) })
        {
            foreach (var r in rows) TestContext.Out.WriteLine($"{name} top: {F(pick(r).OrderByDescending(x => x).Take(classes + 3))}");
            Summary($"{name} gap count", rows.Select(r => (double)OutlierCount.ByLargestGap(pick(r), 3 * classes)));
            Summary($"{name} ratio count", rows.Select(r => (double)OutlierCount.ByLargestRatio(pick(r), 3 * classes)));
            Summary($"{name} near-zero fraction (|λ| < 1e-3 λmax)", rows.Select(r => { var e = pick(r); double t = e.Max(Math.Abs); return e.Count(l => Math.Abs(l) < 1e-3 * t) / (double)e.Length; }));
            Summary($"{name} λ_K/λ_(K+1)", rows.Select(r => { var e = pick(r).OrderByDescending(x => x).ToArray(); return e[classes - 1] / e[classes]; }));
        }
        Summary("accuracy", rows.Select(r => r.Accuracy));
    }

    [Test]
    public void S6()
    {
        foreach (int w in new[] { 8, 16, 32 })
        {
            var rows = Seeds.Select(s => CompanionExperiments.TrainedExtremes(s, w)).ToList();
            Summary($"w={w} λ1", rows.Select(r => r.Top[0]));
            Summary($"w={w} gap count", rows.Select(r => (double)OutlierCount.ByLargestGap(r.Top.Append(0).ToArray())));
            Summary($"w={w} |λmin|/λmax", rows.Select(r => Math.Abs(Math.Min(r.Bottom, 0)) / r.Top[0]));
        }
    }

    private static double EnvD(string name, double fallback) => double.TryParse(Environment.GetEnvironmentVariable(name), out double v) ? v : fallback;

    /// <summary>S6 at a matched training loss (S6_TARGET, widths S6_W1 and S6_W2): one line per seed.</summary>
    [Test]
    public void S6ToLoss()
    {
        double target = EnvD("S6_TARGET", 0.05);
        int w1 = (int)EnvD("S6_W1", 8), w2 = (int)EnvD("S6_W2", 32);
        var rows = new List<(double Ratio, double K1, double K2, double Neg)>();
        foreach (int s in Seeds)
        {
            var a = CompanionExperiments.TrainedToLoss(s, w1, target);
            var b = CompanionExperiments.TrainedToLoss(s, w2, target);
            double Kth(double[] t) => t[4] / t[5];
            double Neg((double[] Top, double Bottom, int Steps) r) => Math.Abs(Math.Min(r.Bottom, 0)) / r.Top[0];
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
        var rows = Seeds.Select(s => CompanionExperiments.LargeVersusSmallBatch(s, steps: (int)EnvD("S7_STEPS", 400), lr: EnvD("S7_LR", 0.5), small: (long)EnvD("S7_BATCH", 10), separation: EnvD("S7_SEP", 5))).ToList();
        foreach (var r in rows) TestContext.Out.WriteLine($"large {F(r.LargeTop.Take(6))} | small {F(r.SmallTop.Take(6))} | barrier {r.Path.Barrier:G3} ends {r.Path.Losses[0]:G4} {r.Path.Losses[^1]:G4}");
        Summary("λ1 large / λ1 small", rows.Select(r => r.LargeTop[0] / r.SmallTop[0]));
        Summary("barrier", rows.Select(r => r.Path.Barrier));
    }

    [Test]
    public void S7()
    {
        var rows = Seeds.Select(s => CompanionExperiments.LargeVersusSmallBatch(s)).ToList();
        Summary("λ1 large / λ1 small", rows.Select(r => r.LargeTop[0] / r.SmallTop[0]));
        Summary("barrier", rows.Select(r => r.Path.Barrier));
        Summary("rise above end points", rows.Select(r => r.Path.RiseAboveEndpoints));
        Summary("count large - count small (gap)", rows.Select(r => (double)(OutlierCount.ByLargestGap(r.LargeTop) - OutlierCount.ByLargestGap(r.SmallTop))));
    }
}
