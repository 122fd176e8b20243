using static Goldilocks.Tests.Claims.Deconstructing.StatisticalProblems;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G15 (Fig. 5b), G16 (Fig. 5a) and G23 (Fig. 6): loss gradients, class priors and confidence.
/// Margins: specs/G15, G16, G23 (StatisticalCalibration, seeds 0-19).</summary>
[TestFixture]
[Category(Categories.Statistical)]
public sealed class StatisticalGradientTests
{
    [Test]
    [Claim("G15")]
    public void GradientNormIsLinearInThePriorMismatch()
    {
        using var problem = Zone(SeedOffset.Apply(0L), perClass: G15Constants.PerClass);
        using var theta = problem.Model.InitialParameters(SeedOffset.Apply(0L));
        var r = PriorGradient.Run(problem.Model, problem.Data, theta, priors: G15Constants.Priors, subsetSize: G15Constants.SubsetSize, seed: SeedOffset.Apply(0L));
        double meanDistance = r.Points.Average(p => p.PriorDistance);
        double interceptShare = r.Fit.Intercept / (r.Fit.Slope * meanDistance);
        TestContext.Out.WriteLine($"data: {problem}; intercept {F(r.Fit.Intercept)} ({F(interceptShare)} of the mean fitted value)");
        ClaimAssert.Holds(DeconstructingVerdicts.G15(r));
    }

    [Test]
    [Claim("G16")]
    public void UnrelatedBalancedDatasetsShareTheGradientOnlyWhenTheModelIsBiased()
    {
        using var a = Zone(SeedOffset.Apply(0L));
        using var noise = GradientCosine.GaussianNoise((int)a.Data.Count, a.Model.InputShape, a.Data.Classes, SeedOffset.Apply(77));
        var r = GradientCosine.Run(a.Model, a.Data, noise, SeedOffset.Apply(0L), new[] { 1.0, 0.01 });
        TestContext.Out.WriteLine($"last-layer cos at α = 1: {F(r[0].LastLayerCosine)}, at α = 0.01: {F(r[1].LastLayerCosine)}; full cos at α = 1: {F(r[0].Cosine)} (‖Q̂ − U‖ = {F(r[0].PriorGapA)}, {F(r[0].PriorGapB)}); at α = 0.01: {F(r[1].Cosine)} (‖Q̂ − U‖ = {F(r[1].PriorGapA)})");
        // Margins from 50 seeds (spec G16): last-layer cos(α = 1) ≥ 0.225, |cos(α = 0.01)| ≤ 0.298, paired gap ≥ 0.169.
        TestContext.Out.WriteLine($"data: {a.Source} vs Gaussian noise");
        ClaimAssert.Holds(DeconstructingVerdicts.G16(r));
    }

    [Test]
    [Claim("G23")]
    [Category(Categories.Slow)]
    public void PositiveCurvatureGoesWithLowConfidenceLowLossAndSmallGradients()
    {
        using var problem = Synthetic(seed: SeedOffset.Apply(0L));
        var r = ConfidenceStudy.Run(problem.Model, problem.Data, Enumerable.Range(0, G23Constants.Inits).Select(i => SeedOffset.Apply((long)i)).ToArray(), dimension: G23Constants.Dimension);
        ClaimAssert.Holds(DeconstructingVerdicts.G23(r));
    }
}
