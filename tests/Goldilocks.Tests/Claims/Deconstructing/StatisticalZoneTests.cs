using static Goldilocks.Tests.Claims.Deconstructing.StatisticalProblems;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>
/// G18-G21: the Goldilocks zone along αθ₀ at T = 1 (Fig. 1-2) and its recreation by temperature. One sweep (seed 0, d = 20)
/// on FashionMNIST (10 images/class, MLP 784-32-16-10, L = 3); without the data set the fixture fails and names the package.
/// Margins: specs/G18-G21 (calibrated on seeds 0-19 with StatisticalCalibration.ZoneAlphaSweep; null pass probabilities
/// with StatisticalNullCalibration.G18_G19_G21_softmax_held_fixed).
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

    /// <summary>The null model of G18, G19 and G21: the same grid, seed and subspace with T = α^L, which keeps the softmax at
    /// its α = 1 value (Eq. 5), so logit gradients neither vanish nor collapse and temperature has nothing left to act on;
    /// only the scale of H changes (α⁻², G4).</summary>
    internal static IReadOnlyList<CurvaturePoint> SoftmaxHeldFixed(ExperimentProblem problem, long seed) =>
        ZoneSweep.Run(problem.Model, problem.Data, new ZoneSweepOptions(Alphas, new[] { seed }, Temperature: ZoneTemperature.AlphaToL)).ForSeed(seed);

    /// <summary>G21's temperatures: T = α^(−L) for α = 1e-2, 0.1, 1, 1e3 (X2).</summary>
    internal static double[] Temperatures(int degree) => new[] { 1e-2, 1e-1, 1, 1e3 }.Select(a => Math.Pow(a, -degree)).ToArray();

    /// <summary>The null sweep read as G21's T sweep: its points whose T = α^L is one of <see cref="Temperatures"/>
    /// (α = 1e-3, 1, 10, 100 for L = 3); every one of the test's temperatures must be on the grid.</summary>
    internal static IReadOnlyList<CurvaturePoint> NullTemperatureSweep(IReadOnlyList<CurvaturePoint> softmaxHeldFixed, int degree)
    {
        var points = Temperatures(degree).Select(t => softmaxHeldFixed.SingleOrDefault(p => Math.Abs(p.Temperature / t - 1) < 1e-9)).ToArray();
        if (points.Any(p => p is null))
            throw new InvalidOperationException($"G21 null: the α grid ({string.Join(", ", Alphas)}) with T = α^{degree} does not reach every test temperature ({string.Join(", ", Temperatures(degree))})");
        return points!;
    }

    private IReadOnlyList<CurvaturePoint>? _null;

    private IReadOnlyList<CurvaturePoint> Null => _null ??= SoftmaxHeldFixed(_problem, SeedOffset.Apply(0L));

    private CurvaturePoint At(double alpha) => _sweep.Single(p => p.Alpha == alpha);

    [Test]
    [Claim("G18")]
    public void VanishingLogitGradientsGiveTheLogLogSlopes() =>
        ClaimAssert.Holds(DeconstructingVerdicts.G18(_sweep, _problem.Model.HomogeneityDegree!.Value));

    [Test]
    [Claim("G18")]
    [Category(Categories.NegativeControl)]
    public void With_the_softmax_held_fixed_the_small_alpha_slopes_and_dominance_fail() =>
        ClaimAssert.FailsOnNull(DeconstructingVerdicts.G18(Null, _problem.Model.HomogeneityDegree!.Value), "T = α^L: logit gradients do not vanish");

    [Test]
    [Claim("G19")]
    public void SoftmaxCollapseKillsTheGTerm() => ClaimAssert.Holds(DeconstructingVerdicts.G19(_sweep));

    [Test]
    [Claim("G19")]
    [Category(Categories.NegativeControl)]
    public void With_the_softmax_held_fixed_alpha_100_does_not_collapse() =>
        ClaimAssert.FailsOnNull(DeconstructingVerdicts.G19(Null), "T = α^L: no softmax collapse at α = 100");

    /// <summary>G20 null model: the sweep with PC(H) replaced by <paramref name="pc"/> (a permutation of the measured
    /// values across α), everything else as measured.</summary>
    internal static CurvaturePoint[] WithHessianPC(IReadOnlyList<CurvaturePoint> sweep, IReadOnlyList<double> pc) =>
        sweep.Select((p, i) => p with { Hessian = p.Hessian with { PositiveCurvature = pc[i] } }).ToArray();

    /// <summary>G20's grid: quarter decades over α ∈ [1e-3, 1e2] (21 points), dense enough to place the zone's edges.</summary>
    internal static double[] DenseAlphas => Statistics.LogGrid(1e-3, 100, G20Constants.GridPoints);

    /// <summary>G20's sweep: the fixture's problem and seed on <see cref="DenseAlphas"/>.</summary>
    internal static IReadOnlyList<CurvaturePoint> DenseSweep(ExperimentProblem problem, long seed) =>
        ZoneSweep.Run(problem.Model, problem.Data, new ZoneSweepOptions(DenseAlphas, new[] { seed })).ForSeed(seed);

    private IReadOnlyList<CurvaturePoint>? _dense;

    private IReadOnlyList<CurvaturePoint> Dense => _dense ??= DenseSweep(_problem, SeedOffset.Apply(0L));

    [Test]
    [Claim("G20")]
    public void ZoneIsHighAroundOneAndWhereTheGTermDominates() => ClaimAssert.Holds(DeconstructingVerdicts.G20(Dense));

    /// <summary>G20 null model: PC(H) permuted across the 21 α points (PC unrelated to α and to which term dominates).</summary>
    [Test]
    [Claim("G20")]
    [Category(Categories.NegativeControl)]
    public void With_PC_permuted_across_alpha_there_is_no_zone() =>
        ClaimAssert.FailsOnNull(DeconstructingVerdicts.G20(WithHessianPC(Dense, NullModel.Permuted(Dense.Select(p => p.HessianPC).ToArray(), new Random(G20Constants.GridPoints)))),
            "PC(H) permuted across α");

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
        var t = TemperatureSweep.Run(_problem.Model, _problem.Data, Temperatures(l), new long[] { SeedOffset.Apply(0L) }).Points;
        // X2: T = α^{-L} at α = 1 is the α point at T = 1 with H scaled by α², so PC must coincide with the α sweep.
        var pairs = new[] { 1e-2, 0.1 }.Select(alpha => (t.Single(p => p.Temperature == Math.Pow(alpha, -l)), At(alpha))).ToArray();
        ClaimAssert.Holds(DeconstructingVerdicts.G21Temperature(t, pairs));
    }

    /// <summary>G21 null model: the test's temperatures with α = T^(1/L), so that the temperature is cancelled by the scale
    /// and the softmax stays at its T = 1 value; the shape checks must fail (the X2 pairs are an identity, not part of the null).</summary>
    [Test]
    [Claim("G21")]
    [Category(Categories.NegativeControl)]
    public void With_the_softmax_held_fixed_the_temperature_sweep_has_no_zone() =>
        ClaimAssert.FailsOnNull(DeconstructingVerdicts.G21Temperature(NullTemperatureSweep(Null, _problem.Model.HomogeneityDegree!.Value), Array.Empty<(CurvaturePoint, CurvaturePoint)>()),
            "α = T^(1/L): the temperature does not reach the softmax");
}
