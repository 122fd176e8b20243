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

    [Test]
    [Claim("G18")]
    public void VanishingLogitGradientsGiveTheLogLogSlopes() =>
        ClaimAssert.Holds(DeconstructingVerdicts.G18(_sweep, _problem.Model.HomogeneityDegree!.Value));

    [Test]
    [Claim("G19")]
    public void SoftmaxCollapseKillsTheGTerm() => ClaimAssert.Holds(DeconstructingVerdicts.G19(_sweep));

    /// <summary>G20 null model: the sweep with PC(H) replaced by <paramref name="pc"/> (a permutation of the measured
    /// values across α), everything else as measured.</summary>
    internal static CurvaturePoint[] WithHessianPC(IReadOnlyList<CurvaturePoint> sweep, IReadOnlyList<double> pc) =>
        sweep.Select((p, i) => p with { Hessian = p.Hessian with { PositiveCurvature = pc[i] } }).ToArray();

    [Test]
    [Claim("G20")]
    public void ZoneIsHighAroundOneAndWhereTheGTermDominates() => ClaimAssert.Holds(DeconstructingVerdicts.G20(_sweep));

    [Test]
    [Claim("G21")]
    public void TemperatureAlphaToLRestoresTheUnscaledCurvature()
    {
        var scaled = ZoneSweep.Run(_problem.Model, _problem.Data,
            new ZoneSweepOptions(new[] { 0.01, 100.0 }, new long[] { SeedOffset.Apply(0L) }, Temperature: ZoneTemperature.AlphaToL)).ForSeed(SeedOffset.Apply(0L));
        ClaimAssert.Holds(DeconstructingVerdicts.G21AlphaToL(scaled, At(1)));
    }

    [Test]
    [Claim("G21")]
    public void TemperatureAloneRecreatesTheZone()
    {
        int l = _problem.Model.HomogeneityDegree!.Value;
        var temps = new[] { 1e-2, 1e-1, 1, 1e3 }.Select(a => Math.Pow(a, -l)).ToArray(); // T = α^{-L} for α = 1e-2, 0.1, 1, 1e3 (X2)
        var t = TemperatureSweep.Run(_problem.Model, _problem.Data, temps, new long[] { SeedOffset.Apply(0L) }).Points;
        // X2: T = α^{-L} at α = 1 is the α point at T = 1 with H scaled by α², so PC must coincide with the α sweep.
        var pairs = new[] { 1e-2, 0.1 }.Select(alpha => (t.Single(p => p.Temperature == Math.Pow(alpha, -l)), At(alpha))).ToArray();
        ClaimAssert.Holds(DeconstructingVerdicts.G21Temperature(t, pairs));
    }
}
