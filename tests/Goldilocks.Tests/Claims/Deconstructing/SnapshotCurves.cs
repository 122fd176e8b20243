using Snapshooter;
using Snapshooter.NUnit;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>
/// Reviewed snapshots of the curves that define the zone at a small fixed scale (synthetic data, so they do not depend on
/// an installed dataset): Fig. 2 analogue (PC and spectral norm of H, G-term, H-term over α at T = 1) and the Fig. 1 right
/// analogue (the same at α = 1 over T). Values are rounded to <see cref="SignificantDigits"/> significant digits before
/// matching, so round-off differences between machines (≈1e-12 relative) cannot change a snapshot while any real change
/// of a curve (≥ 1e-4 relative) does. Files: baselines/snapshots/__snapshots__; accepting a change: baselines/README.md.
/// </summary>
[TestFixture]
[Category(Categories.Snapshot)]
[Category(Categories.Regression)]
public sealed class SnapshotCurves
{
    public const int SignificantDigits = 4;

    /// <summary>Magnitudes below this are written as 0: they are underflow remnants (collapsed softmax), not curve values.</summary>
    public const double Floor = 1e-100;

    public sealed record CurveRow(double Alpha, double Temperature, double? PcHessian, double? PcGTerm, double? PcHTerm,
        double NormHessian, double NormGTerm, double NormHTerm, double MeanEntropy);

    /// <summary>Regression check of the Fig. 2 analogue (listed in specs/G20 as such; the claim is checked by StatisticalZoneTests).</summary>
    [Test]
    public void ZoneCurvesOverAlpha()
    {
        using var problem = StatisticalProblems.Synthetic();
        var result = ZoneSweep.Run(problem.Model, problem.Data, ZoneSweepOptions.Default);
        Snapshot.Match(result.Points.Select(Row).ToArray(), new SnapshotFullName("ZoneCurvesOverAlpha.snap", RepositoryPaths.Snapshots));
    }

    /// <summary>Regression check of the Fig. 1 right analogue (listed in specs/G21 as such).</summary>
    [Test]
    public void ZoneCurvesOverTemperature()
    {
        using var problem = StatisticalProblems.Synthetic();
        var result = TemperatureSweep.Run(problem.Model, problem.Data, TemperatureSweep.DefaultTemperatures, new long[] { 0 });
        Snapshot.Match(result.Points.Select(Row).ToArray(), new SnapshotFullName("ZoneCurvesOverTemperature.snap", RepositoryPaths.Snapshots));
    }

    [Test]
    public void RoundingKeepsFourSignificantDigits()
    {
        Round(123456.7).Should().Be(123500);
        Round(-0.000123456).Should().Be(-0.0001235);
        Round(1e-150).Should().Be(0);
        Round(null).Should().BeNull();
    }

    private static CurveRow Row(CurvaturePoint p) => new(Round(p.Alpha)!.Value, Round(p.Temperature)!.Value,
        Round(p.Hessian.PositiveCurvature), Round(p.GTerm.PositiveCurvature), Round(p.HTerm.PositiveCurvature),
        Round(p.Hessian.SpectralNorm)!.Value, Round(p.GTerm.SpectralNorm)!.Value, Round(p.HTerm.SpectralNorm)!.Value, Round(p.MeanEntropy)!.Value);

    public static double? Round(double? value)
    {
        if (value is not { } v) return null;
        if (Math.Abs(v) < Floor) return 0;
        double scale = Math.Pow(10, SignificantDigits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(v))));
        return Math.Round(v * scale) / scale;
    }
}
