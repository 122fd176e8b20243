using static Goldilocks.Tests.Claims.Shared.CalibrationLog;

namespace Goldilocks.Tests.Claims.FortScherlis;

/// <summary>
/// Calibration runs for the statistical Fort &amp; Scherlis (F) claims over seeds 0..19 (not part of the suite; run explicitly):
/// dotnet test tests/Goldilocks.Tests -c Release --filter "FullyQualifiedName~FortScherlisCalibration.&lt;Name&gt;" --logger "console;verbosity=detailed"
/// </summary>
[Explicit("calibration: minutes of CPU; run by name")]
public sealed class FortScherlisCalibration
{
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
        int offsets = int.TryParse(Environment.GetEnvironmentVariable("NULL_OFFSETS"), out int n) && n > 0 ? n : 50;
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
}
