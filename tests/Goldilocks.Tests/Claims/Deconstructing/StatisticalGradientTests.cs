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
        using var problem = Zone(SeedOffset.Apply(0L), perClass: 50);
        using var theta = problem.Model.InitialParameters(SeedOffset.Apply(0L));
        var r = PriorGradient.Run(problem.Model, problem.Data, theta, priors: 60, subsetSize: 300, seed: SeedOffset.Apply(0L));
        double meanDistance = r.Points.Average(p => p.PriorDistance);
        double interceptShare = r.Fit.Intercept / (r.Fit.Slope * meanDistance);
        TestContext.Out.WriteLine($"data: {problem}; r = {F(r.Fit.R)}, slope {F(r.Fit.Slope)}, intercept {F(r.Fit.Intercept)} ({F(interceptShare)} of the mean fitted value), Eq. 9 slope {F(r.PredictedSlope)}");
        ClaimAssert.That("G15", r.Fit.R >= 0.1, $"Pearson r between ‖∇L‖ and ‖Q̂ − Q‖ is {F(r.Fit.R)} < 0.1 (calibrated minimum 0.136, spec G15)");
        ClaimAssert.That("G15", r.Fit.Slope > 0, $"the gradient norm does not grow with ‖Q̂ − Q‖: slope {F(r.Fit.Slope)}");
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
        ClaimAssert.That("G16", r[0].LastLayerCosine >= 0.2, $"last-layer gradient cosine of {a.Source} vs Gaussian noise at α = 1 is {F(r[0].LastLayerCosine)} < 0.2");
        ClaimAssert.That("G16", Math.Abs(r[1].LastLayerCosine) <= 0.35, $"|last-layer cosine| at α = 0.01 (uniform output) is {F(Math.Abs(r[1].LastLayerCosine))} > 0.35");
        double gap = r[0].LastLayerCosine - Math.Abs(r[1].LastLayerCosine);
        ClaimAssert.That("G16", gap >= 0.1,
            $"last-layer cosine at α = 1 ({F(r[0].LastLayerCosine)}) exceeds the uniform-output control |cos| at α = 0.01 ({F(Math.Abs(r[1].LastLayerCosine))}) by {F(gap)} < 0.1");
        ClaimAssert.That("G16", r[0].Cosine > Math.Abs(r[1].Cosine), $"full-gradient cosine at α = 1 ({F(r[0].Cosine)}) is not above |cosine| at α = 0.01 ({F(Math.Abs(r[1].Cosine))})");
    }

    /// <summary>Kaiming initializations per G23 study (Fig. 6): 25 left a Spearman noise of ~0.2 and failed at offset 6.</summary>
    public const int ConfidenceInits = 60;

    [Test]
    [Claim("G23")]
    [Category(Categories.Slow)]
    public void PositiveCurvatureGoesWithLowConfidenceLowLossAndSmallGradients()
    {
        using var problem = Synthetic(seed: SeedOffset.Apply(0L));
        var r = ConfidenceStudy.Run(problem.Model, problem.Data, Enumerable.Range(0, ConfidenceInits).Select(i => SeedOffset.Apply((long)i)).ToArray(), dimension: 10);
        TestContext.Out.WriteLine($"Spearman: PC~entropy {F(r.PcVsEntropy)}, PC~‖∇L‖ {F(r.PcVsGradientNorm)}, PC~loss {F(r.PcVsLoss)}, entropy~loss {F(r.EntropyVsLoss)}");
        ClaimAssert.That("G23", r.PcVsEntropy >= 0.05, $"Spearman(PC, mean entropy) = {F(r.PcVsEntropy)} < 0.05");
        ClaimAssert.That("G23", r.PcVsLoss <= -0.05, $"Spearman(PC, initial loss) = {F(r.PcVsLoss)} > -0.05");
        ClaimAssert.That("G23", r.PcVsGradientNorm <= -0.05, $"Spearman(PC, gradient norm) = {F(r.PcVsGradientNorm)} > -0.05");
        ClaimAssert.That("G23", r.EntropyVsLoss <= -0.2, $"Spearman(mean entropy, initial loss) = {F(r.EntropyVsLoss)} > -0.2");
    }
}
