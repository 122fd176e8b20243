using static Goldilocks.Tests.Claims.Deconstructing.StatisticalProblems;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G12 (Fig. 4 right) and G22 (Fig. 3): Γ_p along logit-scaling paths and the Eq. 8 prediction on a real network.
/// Margins: specs/G12, specs/G22 (StatisticalCalibration.GammaMonotonicity / Eq8, seeds 0-19).</summary>
[TestFixture]
[Category(Categories.Statistical)]
public sealed class StatisticalSoftmaxTests
{
    [Test]
    [Claim("G12")]
    public void InverseGammaSquaredIsMonotoneInEntropy() => ClaimAssert.Holds(DeconstructingVerdicts.G12(GammaCurves.Run(paths: 30, seed: SeedOffset.Apply(0L))));

    [Test]
    [Claim("G22")]
    public void Eq8TracksTheTrueGTermAcrossConfidence()
    {
        using var problem = Synthetic(seed: SeedOffset.Apply(0L));
        var r = RandomLogitFit.Run(problem.Model, problem.Data, Statistics.LogGrid(0.1, 10, G22Constants.Levels), seed: SeedOffset.Apply(0L), dimension: G22Constants.Dimension);
        TestContext.Out.WriteLine($"data: {problem}; σ_c² = {F(r.Fit.SigmaC2)}, σ_e² = {F(r.Fit.SigmaE2)}");
        ClaimAssert.Holds(DeconstructingVerdicts.G22(r));
    }
}
