using static Goldilocks.Tests.Claims.Deconstructing.StatisticalProblems;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>
/// G18-G21: the Goldilocks zone along αθ₀ at T = 1 (Fig. 1-2) and its recreation by temperature. One sweep (seed 0, d = 20)
/// on FashionMNIST (10 images/class, MLP 784-32-16-10, L = 3) when installed, else on synthetic clusters; the output says which.
/// Margins: specs/G18-G21 (calibrated on seeds 0-19 with StatisticalCalibration.ZoneAlphaSweep).
/// </summary>
[TestFixture]
[Category(Categories.Statistical)]
public sealed class StatisticalZoneTests
{
    private static readonly double[] Alphas = { 1e-3, 3e-3, 1e-2, 0.1, 0.3, 1, 3, 10, 100 };
    private ExperimentProblem _problem = null!;
    private IReadOnlyList<CurvaturePoint> _sweep = null!;

    [OneTimeSetUp]
    public void Sweep()
    {
        _problem = Zone(SeedOffset.Apply(0L));
        _sweep = ZoneSweep.Run(_problem.Model, _problem.Data, new ZoneSweepOptions(Alphas, new long[] { SeedOffset.Apply(0L) })).ForSeed(SeedOffset.Apply(0L));
        foreach (var p in _sweep)
            TestContext.Out.WriteLine($"α {F(p.Alpha)}: PC(H) {F(p.HessianPC)} PC(G) {F(p.GTermPC)} ‖G‖₂ {F(p.GTerm.SpectralNorm)} ‖H-term‖₂ {F(p.HTerm.SpectralNorm)} collapsed {F(p.CollapsedFraction)}");
    }

    [OneTimeTearDown]
    public void Dispose() => _problem.Dispose();

    private CurvaturePoint At(double alpha) => _sweep.Single(p => p.Alpha == alpha);

    private double MaxPC => _sweep.Max(p => p.HessianPC);

    [Test]
    [Claim("G18")]
    public void VanishingLogitGradientsGiveTheLogLogSlopes()
    {
        var small = _sweep.Take(3).ToArray();
        var a = small.Select(p => p.Alpha).ToArray();
        double gSlope = Statistics.LogLogSlope(a, small.Select(p => p.GTerm.SpectralNorm).ToArray());
        double hSlope = Statistics.LogLogSlope(a, small.Select(p => p.HTerm.SpectralNorm).ToArray());
        int l = _problem.Model.HomogeneityDegree!.Value;
        TestContext.Out.WriteLine($"slopes over α ∈ [1e-3, 1e-2]: ‖G‖₂ {gSlope:R} (2L−2 = {2 * l - 2}, off by {gSlope - (2 * l - 2):E3}), ‖H-term‖₂ {hSlope:R} (L−2 = {l - 2}, off by {hSlope - (l - 2):E3})");
        ClaimAssert.That("G18", Math.Abs(gSlope - (2 * l - 2)) <= G18Constants.SlopeTolerance, $"log-log slope of ‖G‖₂ over α ∈ [1e-3, 1e-2] is {gSlope:R}, expected 2L−2 = {2 * l - 2} ± {G18Constants.SlopeTolerance}");
        ClaimAssert.That("G18", Math.Abs(hSlope - (l - 2)) <= G18Constants.SlopeTolerance, $"log-log slope of ‖H-term‖₂ over α ∈ [1e-3, 1e-2] is {hSlope:R}, expected L−2 = {l - 2} ± {G18Constants.SlopeTolerance}");
        ClaimAssert.That("G18", At(1e-3).DominanceRatio < G18Constants.MaxDominanceRatio, $"at α = 1e-3 ‖G‖₂/‖H-term‖₂ = {F(At(1e-3).DominanceRatio)} should be < {G18Constants.MaxDominanceRatio} (H-term dominates)");
        ClaimAssert.That("G18", At(1e-3).HessianPC < G18Constants.MaxPcShare * MaxPC, $"PC(H) at α = 1e-3 is {F(At(1e-3).HessianPC)}, not small against the peak {F(MaxPC)} (< {G18Constants.MaxPcShare:P0})");
    }

    [Test]
    [Claim("G19")]
    public void SoftmaxCollapseKillsTheGTerm()
    {
        var p = At(100);
        ClaimAssert.That("G19", p.CollapsedFraction >= G19Constants.MinCollapsedFraction, $"at α = 100 only {F(p.CollapsedFraction)} of the samples have one-hot softmax (≥ {G19Constants.MinCollapsedFraction} expected)");
        ClaimAssert.That("G19", p.DominanceRatio < G19Constants.MaxDominanceRatio, $"at α = 100 ‖G‖₂/‖H-term‖₂ = {F(p.DominanceRatio)} (< {G19Constants.MaxDominanceRatio} expected)");
        ClaimAssert.That("G19", p.HessianPC < G19Constants.MaxPcShare * MaxPC, $"PC(H) at α = 100 is {F(p.HessianPC)}, not small against the peak {F(MaxPC)} (< {G19Constants.MaxPcShare:P0})");
    }

    [Test]
    [Claim("G20")]
    public void ZoneIsHighAroundOneAndWhereTheGTermDominates()
    {
        double argmax = _sweep.MaxBy(p => p.HessianPC)!.Alpha;
        ClaimAssert.That("G20", argmax >= G20Constants.MinPeakAlpha && argmax <= G20Constants.MaxPeakAlpha, $"PC(H) peaks at α = {F(argmax)}, outside [{G20Constants.MinPeakAlpha}, {G20Constants.MaxPeakAlpha}]");
        ClaimAssert.That("G20", At(1).HessianPC >= G20Constants.MinShareAtOne * MaxPC, $"PC(H) at α = 1 is {F(At(1).HessianPC)}, below {G20Constants.MinShareAtOne:P0} of the peak {F(MaxPC)}");
        var zone = _sweep.Where(p => p.Alpha >= 1e-2).ToArray();
        var disagree = zone.Where(p => (p.HessianPC >= G20Constants.HalfPeak * MaxPC) != (p.DominanceRatio >= 1)).Select(p => F(p.Alpha)).ToArray();
        ClaimAssert.That("G20", disagree.Length <= G20Constants.MaxDisagreements,
            $"Eq. 6: 'PC(H) ≥ half its peak' and '‖G‖₂ ≥ ‖H-term‖₂' disagree at α = {string.Join(", ", disagree)} ({disagree.Length} points; at most {G20Constants.MaxDisagreements} of {zone.Length} grid points allowed)");
    }

    [Test]
    [Claim("G21")]
    public void TemperatureAlphaToLRestoresTheUnscaledCurvature()
    {
        var scaled = ZoneSweep.Run(_problem.Model, _problem.Data,
            new ZoneSweepOptions(new[] { 0.01, 100.0 }, new long[] { SeedOffset.Apply(0L) }, Temperature: ZoneTemperature.AlphaToL)).ForSeed(SeedOffset.Apply(0L));
        foreach (var p in scaled)
        {
            TestContext.Out.WriteLine($"α = {F(p.Alpha)}, T = α^L: PC(H) {p.HessianPC:R} vs {At(1).HessianPC:R} at α = 1 (relative error {ClaimAssert.RelativeError(p.HessianPC, At(1).HessianPC):E3})");
            ClaimAssert.Close("G21", $"PC(H) at α = {F(p.Alpha)}, T = α^L vs α = 1, T = 1", p.HessianPC, At(1).HessianPC, G21Constants.Rtol);
        }
    }

    [Test]
    [Claim("G21")]
    public void TemperatureAloneRecreatesTheZone()
    {
        int l = _problem.Model.HomogeneityDegree!.Value;
        var temps = new[] { 1e-2, 1e-1, 1, 1e3 }.Select(a => Math.Pow(a, -l)).ToArray(); // T = α^{-L} for α = 1e-2, 0.1, 1, 1e3 (X2)
        var t = TemperatureSweep.Run(_problem.Model, _problem.Data, temps, new long[] { SeedOffset.Apply(0L) }).Points;
        double peak = t.Max(p => p.HessianPC);
        ClaimAssert.That("G21", t.Single(p => p.Temperature == 1).HessianPC >= G21Constants.MinShareAtOne * peak, $"PC(H) at T = 1 ({F(t.Single(p => p.Temperature == 1).HessianPC)}) should be ≥ {G21Constants.MinShareAtOne:P0} of the peak of the T sweep ({F(peak)})");
        ClaimAssert.That("G21", t.First().HessianPC < G21Constants.MaxEdgeShare * peak && t.Last().HessianPC < G21Constants.MaxEdgeShare * peak,
            $"PC(H) at T = {F(t.First().Temperature)} ({F(t.First().HessianPC)}) and T = {F(t.Last().Temperature)} ({F(t.Last().HessianPC)}) should be < {G21Constants.MaxEdgeShare:P0} of the peak {F(peak)}");
        // X2: T = α^{-L} at α = 1 is the α point at T = 1 with H scaled by α², so PC must coincide with the α sweep.
        foreach (var (alpha, temp) in new[] { (1e-2, Math.Pow(1e-2, -l)), (0.1, Math.Pow(0.1, -l)) })
        {
            TestContext.Out.WriteLine($"T = α^(-L), α = {F(alpha)}: PC(H) {t.Single(p => p.Temperature == temp).HessianPC:R} vs {At(alpha).HessianPC:R} (relative error {ClaimAssert.RelativeError(t.Single(p => p.Temperature == temp).HessianPC, At(alpha).HessianPC):E3})");
            ClaimAssert.Close("G21", $"PC(H) at T = α^(-L), α = {F(alpha)} vs the α sweep", t.Single(p => p.Temperature == temp).HessianPC, At(alpha).HessianPC, G21Constants.Rtol);
        }
    }
}
