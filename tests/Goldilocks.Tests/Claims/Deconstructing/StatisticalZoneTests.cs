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
    internal static readonly double[] Alphas = { 1e-3, 3e-3, 1e-2, 0.1, 0.3, 1, 3, 10, 100 };
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

    /// <summary>G18: the slopes deviate from 2L − 2 and L − 2 only through p' = softmax(α^L z) ≠ uniform, a relative
    /// correction O(α^L · spread(z)) ≈ 1e-6 · spread at α = 1e-2 (L = 3); measured 2.1e-7 and 1.8e-7 (spec G18).</summary>
    private const double G18SlopeTolerance = 1e-5;

    /// <summary>G21: T = α^L and T = α^(−L) give the same PC up to round-off; measured ≤ 9.5e-15, bound 100× that (spec G21).</summary>
    private const double G21Rtol = 1e-12;

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
        ClaimAssert.That("G18", Math.Abs(gSlope - (2 * l - 2)) <= G18SlopeTolerance, $"log-log slope of ‖G‖₂ over α ∈ [1e-3, 1e-2] is {gSlope:R}, expected 2L−2 = {2 * l - 2} ± {G18SlopeTolerance}");
        ClaimAssert.That("G18", Math.Abs(hSlope - (l - 2)) <= G18SlopeTolerance, $"log-log slope of ‖H-term‖₂ over α ∈ [1e-3, 1e-2] is {hSlope:R}, expected L−2 = {l - 2} ± {G18SlopeTolerance}");
        ClaimAssert.That("G18", At(1e-3).DominanceRatio < 0.1, $"at α = 1e-3 ‖G‖₂/‖H-term‖₂ = {F(At(1e-3).DominanceRatio)} should be < 0.1 (H-term dominates)");
        ClaimAssert.That("G18", At(1e-3).HessianPC < 0.35 * MaxPC, $"PC(H) at α = 1e-3 is {F(At(1e-3).HessianPC)}, not small against the peak {F(MaxPC)} (< 35%)");
    }

    [Test]
    [Claim("G19")]
    public void SoftmaxCollapseKillsTheGTerm()
    {
        var p = At(100);
        ClaimAssert.That("G19", p.CollapsedFraction >= 0.9, $"at α = 100 only {F(p.CollapsedFraction)} of the samples have one-hot softmax (≥ 0.9 expected)");
        ClaimAssert.That("G19", p.DominanceRatio < 1e-3, $"at α = 100 ‖G‖₂/‖H-term‖₂ = {F(p.DominanceRatio)} (< 1e-3 expected)");
        ClaimAssert.That("G19", p.HessianPC < 0.35 * MaxPC, $"PC(H) at α = 100 is {F(p.HessianPC)}, not small against the peak {F(MaxPC)} (< 35%)");
    }

    // G20 margins (spec G20): the peak's α range, PC(1)/peak, and disagreements allowed among the 7 points α ≥ 1e-2.
    private const double G20MinPeakAlpha = 0.1, G20MaxPeakAlpha = 10, G20MinShareAtOne = 0.6;
    private const int G20MaxDisagreements = 2;

    /// <summary>The G20 statistics of one α sweep given PC(H) per α (as measured, or permuted for the null model): the α of
    /// the peak, PC(1)/peak, and the α ≥ 1e-2 points where "PC(H) ≥ half the peak" and "‖G‖₂ ≥ ‖H-term‖₂" disagree.</summary>
    internal static (double PeakAlpha, double ShareAtOne, double[] Disagree) G20Statistics(IReadOnlyList<double> alphas, IReadOnlyList<double> pc, IReadOnlyList<double> dominance)
    {
        double peak = pc.Max();
        int at1 = alphas.ToList().IndexOf(1);
        var disagree = Enumerable.Range(0, alphas.Count).Where(i => alphas[i] >= 1e-2 && (pc[i] >= 0.5 * peak) != (dominance[i] >= 1)).Select(i => alphas[i]).ToArray();
        return (alphas[pc.ToList().IndexOf(peak)], pc[at1] / peak, disagree);
    }

    /// <summary>The G20 verdict on <see cref="G20Statistics"/>.</summary>
    internal static bool G20Passes((double PeakAlpha, double ShareAtOne, double[] Disagree) s) =>
        s.PeakAlpha >= G20MinPeakAlpha && s.PeakAlpha <= G20MaxPeakAlpha && s.ShareAtOne >= G20MinShareAtOne && s.Disagree.Length <= G20MaxDisagreements;

    [Test]
    [Claim("G20")]
    public void ZoneIsHighAroundOneAndWhereTheGTermDominates()
    {
        var (argmax, share, disagree) = G20Statistics(Alphas, _sweep.Select(p => p.HessianPC).ToArray(), _sweep.Select(p => p.DominanceRatio).ToArray());
        ClaimAssert.That("G20", argmax >= G20MinPeakAlpha && argmax <= G20MaxPeakAlpha, $"PC(H) peaks at α = {F(argmax)}, outside [{F(G20MinPeakAlpha)}, {F(G20MaxPeakAlpha)}]");
        ClaimAssert.That("G20", share >= G20MinShareAtOne, $"PC(H) at α = 1 is {F(At(1).HessianPC)}, {F(share)} of the peak {F(MaxPC)} (< {F(G20MinShareAtOne)})");
        ClaimAssert.That("G20", disagree.Length <= G20MaxDisagreements,
            $"Eq. 6: 'PC(H) ≥ half its peak' and '‖G‖₂ ≥ ‖H-term‖₂' disagree at α = {string.Join(", ", disagree.Select(F))} (at most {G20MaxDisagreements} of 7 grid points allowed)");
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
            ClaimAssert.Close("G21", $"PC(H) at α = {F(p.Alpha)}, T = α^L vs α = 1, T = 1", p.HessianPC, At(1).HessianPC, G21Rtol);
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
        ClaimAssert.That("G21", t.Single(p => p.Temperature == 1).HessianPC >= 0.6 * peak, $"PC(H) at T = 1 ({F(t.Single(p => p.Temperature == 1).HessianPC)}) should be ≥ 60% of the peak of the T sweep ({F(peak)})");
        ClaimAssert.That("G21", t.First().HessianPC < 0.35 * peak && t.Last().HessianPC < 0.35 * peak,
            $"PC(H) at T = {F(t.First().Temperature)} ({F(t.First().HessianPC)}) and T = {F(t.Last().Temperature)} ({F(t.Last().HessianPC)}) should be < 35% of the peak {F(peak)}");
        // X2: T = α^{-L} at α = 1 is the α point at T = 1 with H scaled by α², so PC must coincide with the α sweep.
        foreach (var (alpha, temp) in new[] { (1e-2, Math.Pow(1e-2, -l)), (0.1, Math.Pow(0.1, -l)) })
        {
            TestContext.Out.WriteLine($"T = α^(-L), α = {F(alpha)}: PC(H) {t.Single(p => p.Temperature == temp).HessianPC:R} vs {At(alpha).HessianPC:R} (relative error {ClaimAssert.RelativeError(t.Single(p => p.Temperature == temp).HessianPC, At(alpha).HessianPC):E3})");
            ClaimAssert.Close("G21", $"PC(H) at T = α^(-L), α = {F(alpha)} vs the α sweep", t.Single(p => p.Temperature == temp).HessianPC, At(alpha).HessianPC, G21Rtol);
        }
    }
}
