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
