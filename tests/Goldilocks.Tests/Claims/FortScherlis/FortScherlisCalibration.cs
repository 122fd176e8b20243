using static Goldilocks.Tests.Claims.Shared.CalibrationLog;

namespace Goldilocks.Tests.Claims.FortScherlis;

/// <summary>
/// Calibration runs for the statistical Fort &amp; Scherlis (F) claims over seeds 0..19 (not part of the suite; run explicitly):
/// dotnet test tests/Goldilocks.Tests -c Release --filter "FullyQualifiedName~FortScherlisCalibration.&lt;Name&gt;" --logger "console;verbosity=detailed"
/// </summary>
[Explicit("calibration: minutes of CPU; run by name")]
[Category("Calibration")]
public sealed class FortScherlisCalibration
{
    /// <summary>Offsets 0..NULL_OFFSETS-1 (default 50) of the null calibrations: the seeds the seed sweep uses.</summary>
    private static readonly int Offsets = NullModel.Offsets(50);

    /// <summary>Null draws per offset (NULL_DRAWS, default 200).</summary>
    private static readonly int NullDraws = int.TryParse(Environment.GetEnvironmentVariable("NULL_DRAWS"), out int m) && m > 0 ? m : 200;

    [OneTimeSetUp]
    public void SingleThread() => torch.set_num_threads(1);

    [Test]
    public void F4()
    {
        int[] dims = { 2, 8, 32, 144 };
        var rows = Seeds.Select(s => DimensionScan.Run(s, dims, F4Constants.Bases)).ToList();
        foreach (var r in rows) TestContext.Out.WriteLine($"PC(H)={r.FullPositiveCurvature:G4} PC_d={F(r.PositiveCurvature)} pos_d={F(r.PositiveFraction)}");
        Summary("PC(H)", rows.Select(r => r.FullPositiveCurvature));
        Summary("PC_32/PC", rows.Select(r => r.PositiveCurvature[2] / r.FullPositiveCurvature));
        Summary("PC_8/PC_32", rows.Select(r => r.PositiveCurvature[1] / r.PositiveCurvature[2]));
        Summary("pos_2 - pos_32", rows.Select(r => r.PositiveFraction[0] - r.PositiveFraction[2]));
    }

    /// <summary>F4 power and null: at sweep offsets 0..NULL_OFFSETS-1 (default 50) the test's seeds, scanned until
    /// 5 have PC(H) ≥ 1.5; two designs judged on the first `admitted` of them: "first" (growth and plateau on every
    /// admitted seed, positive-fraction drop on the first seed) and "all" (growth, plateau and drop on every admitted
    /// seed). Null model: d does not matter, i.e. the 6 bases at d = 2 and the 6 at d = 32 of each seed swap labels at
    /// random (NULL_DRAWS per offset, default 200).</summary>
    [Test]
    public void F4Null()
    {
        int offsets = Offsets;
        int draws = int.TryParse(Environment.GetEnvironmentVariable("NULL_DRAWS"), out int m) && m > 0 ? m : 200;
        int[] dims = { 2, 8, 32, 144 };
        var perOffset = new List<(DimensionScanResult First, List<DimensionScanResult> Admitted)>();
        for (int k = 0; k < offsets; k++)
        {
            var all = new List<DimensionScanResult>();
            var admitted = new List<DimensionScanResult>();
            for (long seed = 0; seed < F4Constants.MaxSeeds && admitted.Count < 5; seed++)
            {
                var r = DimensionScan.Run(NullModel.AtOffset(seed, k), dims, F4Constants.Bases);
                all.Add(r);
                if (r.FullPositiveCurvature >= F4Constants.MinResolvablePc) admitted.Add(r);
            }
            perOffset.Add((all[0], admitted));
            TestContext.Out.WriteLine($"offset {k}: {all.Count} seeds, {admitted.Count} admitted; first: PC(H) {all[0].FullPositiveCurvature:F3} pos drop {all[0].PositiveFraction[0] - all[0].PositiveFraction[2]:F3}; admitted: "
                + string.Join("; ", admitted.Select(r => $"PC {r.FullPositiveCurvature:F3} PC2 {r.PositiveCurvature[0]:F3} PC32 {r.PositiveCurvature[2]:F3} drop {r.PositiveFraction[0] - r.PositiveFraction[2]:F3}")));
        }
        static (double Pc2, double Pc32, double Pos2, double Pos32) Stats(DimensionScanResult r, Random? rng) => FortScherlisStatisticalTests.F4Labelled(r, rng);
        // One null draw relabels each scan once: every condition on that scan sees the same permutation.
        Func<DimensionScanResult, (double Pc2, double Pc32, double Pos2, double Pos32)> Labelling(Random? rng)
        {
            var memo = new Dictionary<DimensionScanResult, (double, double, double, double)>(ReferenceEqualityComparer.Instance);
            return r => memo.TryGetValue(r, out var v) ? v : memo[r] = Stats(r, rng);
        }
        static bool Grows(DimensionScanResult r, (double Pc2, double Pc32, double Pos2, double Pos32) s) =>
            s.Pc2 < s.Pc32 && s.Pc32 / r.FullPositiveCurvature > F4Constants.MinPlateau;
        static bool Drops((double Pc2, double Pc32, double Pos2, double Pos32) s) => s.Pos2 - s.Pos32 > F4Constants.MinPositiveDrop;
        foreach (int admitted in new[] { 3, 4, 5 })
        {
            bool First((DimensionScanResult First, List<DimensionScanResult> Admitted) o, Func<DimensionScanResult, (double, double, double, double)> st) =>
                o.Admitted.Count >= admitted && o.Admitted.Take(admitted).All(r => Grows(r, st(r))) && Drops(st(o.First));
            bool All((DimensionScanResult First, List<DimensionScanResult> Admitted) o, Func<DimensionScanResult, (double, double, double, double)> st) =>
                o.Admitted.Count >= admitted && o.Admitted.Take(admitted).All(r => Grows(r, st(r)) && Drops(st(r)));
            bool Both((DimensionScanResult First, List<DimensionScanResult> Admitted) o, Func<DimensionScanResult, (double, double, double, double)> st) =>
                o.Admitted.Count >= admitted && FortScherlisStatisticalTests.F4Passes(o.First, o.Admitted.Take(admitted), r => st(r));
            foreach (var (name, design) in new (string, Func<(DimensionScanResult, List<DimensionScanResult>), Func<DimensionScanResult, (double, double, double, double)>, bool>)[] { ("first", First), ("all", All), ("both", Both) })
            {
                int claim = perOffset.Count(o => design(o, Labelling(null)));
                int nulls = 0;
                for (int k = 0; k < perOffset.Count; k++)
                    for (int i = 0; i < draws; i++)
                        if (design(perOffset[k], Labelling(new Random(1000 * k + i)))) nulls++;
                TestContext.Out.WriteLine($"F4 design '{name}' with {admitted} admitted seeds: claim {claim}/{perOffset.Count}, null {nulls}/{perOffset.Count * draws}");
            }
        }
    }

    [Test]
    public void F8()
    {
        double[] c = { 0.05, 0.3, 1, 3, 20 };
        var rows = Seeds.Select(s => RadiusScan.Run(s, c).PositiveCurvature).ToList();
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
        var rows = Seeds.Select(s => kinds.Select(k => c.Select(m => SurfaceAccuracy.Run(s, m, k)).ToArray()).ToArray()).ToList();
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
        // CAL_BASES=n: surfaces averaged per point (the test uses F9Constants.Bases).
        int bases = int.TryParse(Environment.GetEnvironmentVariable("CAL_BASES"), out int b) ? b : 8;
        var rows = Seeds.Select(s => SurfaceAccuracy.Means(s, new[] { 0.1, 1.0, 10.0 }, bases)).Select(m => new[] { m.Hyperplane.ToArray(), m.Hypersphere.ToArray() }).ToList();
        TestContext.Out.WriteLine($"mean accuracy over {bases} surfaces at 0.1, 1, 10 r_init");
        foreach (var r in rows) TestContext.Out.WriteLine($"plane {F(r[0])} | sphere {F(r[1])}");
        SummarizeF9Differences(rows);
    }

    [Test]
    public void F11()
    {
        foreach (bool onShell in new[] { false, true })
            Summary($"Spearman(PC, initial loss), draws {(onShell ? "rescaled to a common radius" : "raw Kaiming")}", Seeds.Select(s => CurvatureLossCorrelation.Run(s, onShell: onShell).Spearman));
    }

    [Test]
    public void F10()
    {
        foreach (var c in new[] { 0.1, 1.0 })
            Summary($"‖θ_T‖/r_init from {c} r_init", Seeds.Select(s => RadiusDrift.Run(s, c).Ratio));
    }

    /// <summary>F8 power and null: at sweep offsets 0..NULL_OFFSETS-1 the test's scans (seeds 0..2, offset-shifted);
    /// designs with the first 1, 2 or 3 of them (the zone shape on each). Null model: PC does not depend on the radius,
    /// i.e. the five radius labels of each scan are permuted at random (NULL_DRAWS per offset).</summary>
    [Test]
    public void F8Null()
    {
        var m = FortScherlisStatisticalTests.F8Multiples;
        var scans = Enumerable.Range(0, Offsets).Select(k => Enumerable.Range(0, 3).Select(s => RadiusScan.Run(NullModel.AtOffset(s, k), m).PositiveCurvature).ToArray()).ToList();
        static bool Holds(IReadOnlyList<double> pc) => FortScherlisStatisticalTests.F8Checks(pc).All(c => c.Holds);
        for (int k = 0; k < scans.Count; k++)
            TestContext.Out.WriteLine($"offset {k}: " + string.Join(" | ", scans[k].Select(pc => $"{F(pc)} ({(Holds(pc) ? "holds" : "fails")}; PC1/PC0.3 {pc[2] / pc[1]:G3})")));
        var flat = scans.SelectMany(x => x).ToList();
        Summary("PC(1)/PC(0.3)", flat.Select(pc => pc[2] / pc[1]));
        Summary("PC(0.05)", flat.Select(pc => pc[0]));
        Summary("PC(1) - PC(20)", flat.Select(pc => pc[2] - pc[4]));
        int single = 0, singleDraws = 0;
        foreach (var pc in flat) { single += NullModel.Passes(NullDraws, 7, rng => Holds(NullModel.Permuted(pc, rng))); singleDraws += NullDraws; }
        TestContext.Out.WriteLine($"per scan: null {single}/{singleDraws} relabellings pass");
        for (int seeds = 1; seeds <= 3; seeds++)
        {
            int claim = scans.Count(o => o.Take(seeds).All(Holds));
            int nulls = 0;
            for (int k = 0; k < scans.Count; k++)
                nulls += NullModel.Passes(NullDraws, 1000 * k, rng => scans[k].Take(seeds).Select(pc => NullModel.Permuted(pc, rng)).ToList().All(Holds));
            TestContext.Out.WriteLine($"F8 with {seeds} seed(s): claim {claim}/{scans.Count}, null {nulls}/{scans.Count * NullDraws}");
        }
    }

    /// <summary>F9 power and null: at sweep offsets 0..NULL_OFFSETS-1 the test's surfaces; null model: the radius does
    /// not matter, each surface's three radius labels permuted (FortScherlisStatisticalTests.F9Relabelled, NULL_DRAWS per offset).</summary>
    [Test]
    public void F9Null()
    {
        var runs = Enumerable.Range(0, Offsets).Select(k => SurfaceAccuracy.Means(NullModel.AtOffset(0, k), FortScherlisStatisticalTests.F9Multiples, F9Constants.Bases)).ToList();
        static bool Holds(SurfaceAccuracyMeans a) => FortScherlisStatisticalTests.F9Checks(a).All(c => c.Holds);
        for (int k = 0; k < runs.Count; k++)
            TestContext.Out.WriteLine($"offset {k}: plane {F(runs[k].Hyperplane)} | sphere {F(runs[k].Hypersphere)} ({(Holds(runs[k]) ? "holds" : "fails: " + string.Join(",", FortScherlisStatisticalTests.F9Checks(runs[k]).Select((c, i) => (c, i)).Where(x => !x.c.Holds).Select(x => x.i + 1)))})");
        TestContext.Out.WriteLine($"F9 claim {runs.Count(Holds)}/{runs.Count}");
        var nulls = new List<SurfaceAccuracyMeans>();
        for (int k = 0; k < runs.Count; k++)
            for (int i = 0; i < NullDraws; i++) nulls.Add(FortScherlisStatisticalTests.F9Relabelled(runs[k], new Random(1000 * k + i)));
        var perCheck = Enumerable.Range(0, 5).Select(j => nulls.Count(a => FortScherlisStatisticalTests.F9Checks(a)[j].Holds)).ToArray();
        TestContext.Out.WriteLine($"F9 null: {nulls.Count(Holds)}/{nulls.Count} pass; per check {string.Join(", ", perCheck)}");
        SummarizeF9Differences(runs.Select(a => new[] { a.Hyperplane.ToArray(), a.Hypersphere.ToArray() }).ToList());
        // Candidate margins (checks 1-5 of specs/F9, in the order of F9Checks; check 3 is an upper bound): claim and null passes.
        static double[] Differences(SurfaceAccuracyMeans a)
        {
            var (p, q) = (a.Hyperplane, a.Hypersphere);
            return new[] { p[1] - p[2], p[0] - p[2], p[1] - p[0], q[1] - q[2], q[1] - q[0] };
        }
        static bool Under(double[] d, double[] margin) => d[0] > margin[0] && d[1] > margin[1] && d[2] < margin[2] && d[3] > margin[3] && d[4] > margin[4];
        var claimD = runs.Select(Differences).ToList();
        var nullD = nulls.Select(Differences).ToList();
        foreach (var margin in new[]
        {
            new[] { F9Constants.MinPlaneOutsideDrop, F9Constants.MinPlaneInsideOverOutside, F9Constants.MaxPlaneInsideShortfall, F9Constants.MinSphereOutsideDrop, F9Constants.MinSphereInsideDrop },
            new[] { 0.15, 0.10, 0.15, 0.10, 0.10 }, new[] { 0.15, 0.10, 0.15, 0.15, 0.10 }, new[] { 0.15, 0.10, 0.15, 0.15, 0.05 },
            new[] { 0.15, 0.10, 0.10, 0.10, 0.05 }, new[] { 0.15, 0.10, 0.12, 0.10, 0.10 }, new[] { 0.15, 0.10, 0.15, 0.15, 0.12 },
        })
            TestContext.Out.WriteLine($"margins {string.Join(" ", margin)}: claim {claimD.Count(d => Under(d, margin))}/{claimD.Count}, null {nullD.Count(d => Under(d, margin))}/{nullD.Count}");
    }

    /// <summary>F10 power and null: at sweep offsets 0..NULL_OFFSETS-1 the test's GD from 0.1 r_init, and the null model
    /// (RadiusDrift.RunWithRandomRadialSigns: random sign on the radial part of every step), NULL_DRAWS sign draws per offset.</summary>
    [Test]
    public void F10Null()
    {
        var claim = new List<double>();
        var nulls = new List<double>();
        for (int k = 0; k < Offsets; k++)
        {
            long seed = NullModel.AtOffset(0, k);
            claim.Add(RadiusDrift.Run(seed, F10Constants.StartRadius).Ratio);
            var row = Enumerable.Range(0, NullDraws).Select(i => RadiusDrift.RunWithRandomRadialSigns(seed, F10Constants.StartRadius, new Random(1000 * k + i)).Ratio).ToList();
            nulls.AddRange(row);
            TestContext.Out.WriteLine($"offset {k}: ratio {claim[^1]:G4}; null min {row.Min():G4} max {row.Max():G4}");
        }
        Summary("F10 claim ratio", claim);
        TestContext.Out.WriteLine($"F10 null ratio: min {nulls.Min():G4} median {Statistics.Quantile(nulls, 0.5):G4} max {nulls.Max():G4}");
        foreach (double margin in new[] { 0.2, 0.3, F10Constants.MinRatio, 0.4 })
            TestContext.Out.WriteLine($"F10 margin > {margin}: claim {claim.Count(r => r > margin)}/{claim.Count}, null {nulls.Count(r => r > margin)}/{nulls.Count}");
    }

    /// <summary>F11 power and null: at sweep offsets 0..NULL_OFFSETS-1 the mean over the test's F11Constants.Seeds seeds of
    /// Spearman(PC, loss) over F11_DRAWS (default F11Constants.Draws) draws on the shell; null model: each seed's PC/loss
    /// pairing permuted (FortScherlisStatisticalTests.F11Null, NULL_DRAWS per offset).</summary>
    [Test]
    public void F11Null()
    {
        int draws = int.TryParse(Environment.GetEnvironmentVariable("F11_DRAWS"), out int d) && d > 1 ? d : F11Constants.Draws;
        var runs = Enumerable.Range(0, Offsets).Select(k => Enumerable.Range(0, F11Constants.Seeds).Select(s => CurvatureLossCorrelation.Run(NullModel.AtOffset(s, k), draws, onShell: true)).ToList()).ToList();
        for (int k = 0; k < runs.Count; k++) TestContext.Out.WriteLine($"offset {k}: Spearman per seed {F(runs[k].Select(r => r.Spearman))}");
        Summary($"F11 Spearman per seed over {draws} draws", runs.SelectMany(o => o.Select(r => r.Spearman)));
        var claim = runs.Select(o => o.Average(r => r.Spearman)).ToList();
        var nulls = runs.SelectMany((o, k) => Enumerable.Range(0, NullDraws).Select(i => FortScherlisStatisticalTests.F11Null(o, new Random(1000 * k + i)))).ToList();
        Summary($"F11 mean Spearman over {F11Constants.Seeds} seeds", claim);
        double mean = claim.Average();
        TestContext.Out.WriteLine($"mean {mean:F3} SD {Math.Sqrt(claim.Sum(x => (x - mean) * (x - mean)) / (claim.Count - 1)):F3}; null 1% quantile {Statistics.Quantile(nulls, 0.01):F3} over {nulls.Count} draws");
        foreach (double margin in new[] { -0.15, -0.2, -0.25, -0.3, -0.35, -0.4 })
            TestContext.Out.WriteLine($"  margin < {margin}: claim {claim.Count(r => r < margin)}/{claim.Count}, null {nulls.Count(r => r < margin)}/{nulls.Count}");
        // The former design: the first seed alone, Spearman < −0.15.
        var firstNulls = runs.SelectMany((o, k) => Enumerable.Range(0, NullDraws).Select(i => FortScherlisStatisticalTests.F11Null(o.Take(1).ToList(), new Random(1000 * k + i)))).ToList();
        TestContext.Out.WriteLine($"first seed alone, margin < -0.15: claim {runs.Count(o => o[0].Spearman < -0.15)}/{runs.Count}, null {firstNulls.Count(r => r < -0.15)}/{firstNulls.Count}");
    }

    [TestCase(null)]
    [TestCase(3L)]
    [TestCase(200L)]
    public void F2Null(long? nonZeros) => MonteCarloNull($"F2 n={nonZeros?.ToString() ?? "random"}", seed => FortScherlisMonteCarlo.F2(nonZeros, seed));

    [Test]
    public void F3UnitNull() => MonteCarloNull("F3 unit directions", FortScherlisMonteCarlo.F3Unit);

    [Test]
    public void F3HaarNull() => MonteCarloNull("F3 Haar frames", FortScherlisMonteCarlo.F3Haar);

    [Test]
    public void F3NetworkNull() => MonteCarloNull("F3 network Hessian", FortScherlisMonteCarlo.F3Network);

    [Test]
    public void F5IsotropicNull() => MonteCarloNull("F5 isotropic radii", FortScherlisMonteCarlo.F5Isotropic);

    [Test]
    public void F5KaimingNull() => MonteCarloNull("F5 Kaiming width", FortScherlisMonteCarlo.F5Kaiming);

    [Test]
    public void F7TanhNull() => MonteCarloNull("F7 tanh network", FortScherlisMonteCarlo.F7Tanh);
}
