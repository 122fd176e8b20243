using static Goldilocks.Tests.Claims.Shared.CalibrationLog;

namespace Goldilocks.Tests.Claims.Sagun;

/// <summary>
/// Calibration runs for the statistical Sagun et al. (S) claims over seeds 0..19 (not part of the suite; run explicitly):
/// dotnet test tests/Goldilocks.Tests -c Release --filter "FullyQualifiedName~SagunCalibration.&lt;Name&gt;" --logger "console;verbosity=detailed"
/// </summary>
[Explicit("calibration: minutes of CPU; run by name")]
[Category("Calibration")]
public sealed class SagunCalibration
{
    [OneTimeSetUp]
    public void SingleThread() => torch.set_num_threads(1);

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

    private static int EnvI(string name, int fallback) => (int)EnvD(name, fallback);

    /// <summary>Null and power of S4 and S5: at the seeds of sweep offsets 0..NULL_OFFSETS-1 (default 50), the test's window
    /// of trained ReLU nets (the claim) and the same window with random labels (separation <see cref="S4Constants.NullSeparation"/>,
    /// the null); the criteria of the tests on each window, and the per-net null rates with the window probability they imply.</summary>
    [Test]
    public void S45Null([Values(2, 5)] int classes)
    {
        int offsets = EnvI("NULL_OFFSETS", 50), window = S4Constants.SpectrumWindow;
        var claim = new List<IReadOnlyList<double>[]>();
        var nulls = new List<IReadOnlyList<double>[]>();
        for (int k = 0; k < offsets; k++)
        {
            var seeds = Enumerable.Range(0, window).Select(i => NullModel.AtOffset(10L * classes + i, k)).ToArray();
            claim.Add(seeds.Select(s => TrainedSpectra.Run(s, classes, Activation.ReLU).Trained).ToArray());
            nulls.Add(seeds.Select(s => TrainedSpectra.Run(s, classes, Activation.ReLU, separation: S4Constants.NullSeparation).Trained).ToArray());
            for (int i = 0; i < window; i++)
                TestContext.Progress.WriteLine($"S45 K {classes} offset {k} net {i}: claim near-zero {SagunVerdicts.NearZeroFraction(claim[k][i]):F4} λK/λK+1 {SagunVerdicts.KthRatio(claim[k][i], classes):F4} | null near-zero {SagunVerdicts.NearZeroFraction(nulls[k][i]):F4} λK/λK+1 {SagunVerdicts.KthRatio(nulls[k][i], classes):F4}");
        }
        double minZero = SagunVerdicts.MinZeroFraction(classes)!.Value, minRatio = SagunVerdicts.MinKthRatio(classes)!.Value;
        TestContext.Out.WriteLine($"== K = {classes}, {offsets} offsets × {window} nets; margins: near-zero fraction > {minZero}, λK/λK+1 > {minRatio}");
        TestContext.Out.WriteLine($"claim windows passing: S4 {claim.Count(w => SagunVerdicts.S4(classes, w).Passed)}/{offsets}, S5 {claim.Count(w => SagunVerdicts.S5(classes, w).Passed)}/{offsets}");
        TestContext.Out.WriteLine($"null windows passing: S4 {nulls.Count(w => SagunVerdicts.S4(classes, w).Passed)}/{offsets}, S5 {nulls.Count(w => SagunVerdicts.S5(classes, w).Passed)}/{offsets}");
        Summary("claim window median λK/λK+1", claim.Select(w => SeedWindow.Median(w.Select(e => SagunVerdicts.KthRatio(e, classes)))));
        Summary("claim window median near-zero fraction", claim.Select(w => SeedWindow.Median(w.Select(SagunVerdicts.NearZeroFraction))));
        var nets = nulls.SelectMany(w => w).ToArray();
        Summary("null near-zero fraction per net", nets.Select(SagunVerdicts.NearZeroFraction));
        Summary("null λK/λK+1 per net", nets.Select(e => SagunVerdicts.KthRatio(e, classes)));
        PerNet("null near-zero fraction", nets.Count(e => SagunVerdicts.NearZeroFraction(e) > minZero), nets.Length, window);
        foreach (double m in new[] { 1.2, 1.3, 1.4, 1.5, 1.6 })
            PerNet($"null λK/λK+1 > {m}", nets.Count(e => SagunVerdicts.KthRatio(e, classes) > m), nets.Length, window);
    }

    /// <summary>Null of S6: at the seeds of sweep offsets 0..NULL_OFFSETS-1, the test's window of nets untrained
    /// (<see cref="S6Constants.NullSteps"/> steps); the test's criterion on each window, each half separately, and the per-seed rate.</summary>
    [Test]
    public void S6Null()
    {
        int offsets = EnvI("NULL_OFFSETS", 50), window = S6Constants.Window;
        double Negative(HessianExtremes e) => Math.Abs(Math.Min(e.Bottom, 0)) / e.Top[0];
        var windows = new List<(HessianExtremes Narrow, HessianExtremes Wide)[]>();
        for (int k = 0; k < offsets; k++)
        {
            windows.Add(Enumerable.Range(0, window).Select(i => NullModel.AtOffset(i, k))
                .Select(s => (HessianExtremes.AfterTraining(s, 8, steps: S6Constants.NullSteps), HessianExtremes.AfterTraining(s, 32, steps: S6Constants.NullSteps))).ToArray());
            foreach (var (n, w) in windows[^1])
                TestContext.Progress.WriteLine($"S6 null offset {k}: λ1(32)/λ1(8) {w.Top[0] / n.Top[0]:F4}, |λmin|/λmax {Negative(n):F4} (8) {Negative(w):F4} (32)");
        }
        var seeds = windows.SelectMany(w => w).ToArray();
        TestContext.Out.WriteLine($"== S6 null ({S6Constants.NullSteps} steps), {offsets} offsets × {window} seeds");
        TestContext.Out.WriteLine($"null windows passing the criterion: {windows.Count(w => SagunVerdicts.S6(w).Passed)}/{offsets}; ratio half alone {windows.Count(w => { double r = SeedWindow.Median(w.Select(x => x.Wide.Top[0] / x.Narrow.Top[0])); return r > 1 / S6Constants.MaxTopRatio && r < S6Constants.MaxTopRatio; })}/{offsets}; negative half alone {windows.Count(w => w.All(x => Negative(x.Narrow) < S6Constants.MaxNegative && Negative(x.Wide) < S6Constants.MaxNegative))}/{offsets}");
        Summary("null λ1(32)/λ1(8) per seed", seeds.Select(x => x.Wide.Top[0] / x.Narrow.Top[0]));
        Summary("null max |λmin|/λmax of the two widths per seed", seeds.Select(x => Math.Max(Negative(x.Narrow), Negative(x.Wide))));
        int hits = seeds.Count(x => Negative(x.Narrow) < S6Constants.MaxNegative && Negative(x.Wide) < S6Constants.MaxNegative);
        double bound = NullModel.UpperBound95(hits, seeds.Length);
        TestContext.Out.WriteLine($"seeds with both widths below MaxNegative: {hits}/{seeds.Length} (95 % bound {bound:G3}); a window needs all {window}: ≤ {Math.Pow(bound, window):G3}");
    }

    /// <summary>S7 per seed at the seeds of sweep offsets 0..NULL_OFFSETS-1, window positions NULL_FIRST..CLAIM_N-1 for the
    /// claim (full batch vs batch 10) and NULL_FIRST..NULL_N-1 for the null (batch 10 vs batch 10 in another order,
    /// <see cref="S7Constants.NullSamplingShift"/>); then the windows of the test complete in this run and the per-seed null rate.</summary>
    [Test]
    public void S7Null()
    {
        int offsets = EnvI("NULL_OFFSETS", 50), claimN = EnvI("CLAIM_N", S7Constants.RatioWindow), nullN = EnvI("NULL_N", 12), first = EnvI("NULL_FIRST", 0);
        var claim = new Dictionary<(int K, int I), BatchSizeComparison>();
        var nulls = new List<double>();
        for (int i = first; i < Math.Max(claimN, nullN); i++)
            for (int k = 0; k < offsets; k++)
            {
                long seed = NullModel.AtOffset(i, k);
                if (i < claimN) { var c = claim[(k, i)] = BatchSizeComparison.Run(seed, separation: S7Constants.Separation); TestContext.Progress.WriteLine($"S7 claim {k} {i} {c.LargeTop[0] / c.SmallTop[0]:R} {c.Path.Barrier:R}"); }
                if (i < nullN) { var z = SagunStatisticalTests.S7Null(seed); nulls.Add(z.LargeTop[0] / z.SmallTop[0]); TestContext.Progress.WriteLine($"S7 null {k} {i} {z.LargeTop[0] / z.SmallTop[0]:R} {z.Path.Barrier:R}"); }
            }
        var complete = Enumerable.Range(0, offsets).Where(k => Enumerable.Range(0, S7Constants.RatioWindow).All(i => claim.ContainsKey((k, i)))).ToArray();
        TestContext.Out.WriteLine($"claim windows of {S7Constants.RatioWindow} passing: {complete.Count(k => SagunStatisticalTests.S7Verdict(Enumerable.Range(0, S7Constants.RatioWindow).Select(i => claim[(k, i)]).ToArray()).Passed)}/{complete.Length}");
        if (nulls.Count == 0) return;
        int hits = nulls.Count(r => r > S7Constants.MinTopRatio);
        double bound = NullModel.UpperBound95(hits, nulls.Count);
        TestContext.Out.WriteLine($"null per seed λ1 ratio > {S7Constants.MinTopRatio}: {hits}/{nulls.Count} (95 % bound {bound:G3}); window median of {S7Constants.RatioWindow} passes with {NullModel.MedianPasses(S7Constants.RatioWindow, (double)hits / nulls.Count):G3} (bound {NullModel.MedianPasses(S7Constants.RatioWindow, bound):G3})");
    }

    /// <summary>A per-net null rate and the probability it gives a window median (binomial law), also at its 95 % bound.</summary>
    private static void PerNet(string what, int hits, int nets, int window)
    {
        double rate = (double)hits / nets, bound = NullModel.UpperBound95(hits, nets);
        TestContext.Out.WriteLine($"{what}: {hits}/{nets} nets (95 % bound {bound:G3}); window median of {window} passes with {NullModel.MedianPasses(window, rate):G3} (bound {NullModel.MedianPasses(window, bound):G3})");
    }

    [Test]
    public void S8SpectraNull() => MonteCarloNull("S8 Marchenko-Pastur limit", SagunMonteCarlo.S8Spectra);

    [Test]
    public void S8BbpNull() => MonteCarloNull("S8 BBP", SagunMonteCarlo.S8Bbp);

    [TestCase(false)]
    [TestCase(true)]
    public void S9Null(bool kaiming) => MonteCarloNull($"S9 {(kaiming ? "Kaiming" : "isotropic")}", seed => SagunMonteCarlo.S9(kaiming, seed));
}
