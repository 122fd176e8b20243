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
        TestContext.Out.WriteLine($"data: {problem}; r = {F(r.Fit.R)}, slope {F(r.Fit.Slope)}, intercept {F(r.Fit.Intercept)} ({F(interceptShare)} of the mean fitted value), Eq. 9 slope {F(r.PredictedSlope)}");
        ClaimAssert.That("G15", r.Fit.R >= G15Constants.MinPearson, $"Pearson r between ‖∇L‖ and ‖Q̂ − Q‖ over {G15Constants.Priors} priors is {F(r.Fit.R)} < {G15Constants.MinPearson} (calibrated minimum 0.136, spec G15)");
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
        ClaimAssert.That("G16", r[0].LastLayerCosine >= G16Constants.MinLastLayerCosine, $"last-layer gradient cosine of {a.Source} vs Gaussian noise at α = 1 is {F(r[0].LastLayerCosine)} < {G16Constants.MinLastLayerCosine}");
        ClaimAssert.That("G16", Math.Abs(r[1].LastLayerCosine) <= G16Constants.MaxUniformCosine, $"|last-layer cosine| at α = 0.01 (uniform output) is {F(Math.Abs(r[1].LastLayerCosine))} > {G16Constants.MaxUniformCosine}");
        double gap = r[0].LastLayerCosine - Math.Abs(r[1].LastLayerCosine);
        ClaimAssert.That("G16", gap >= G16Constants.MinGap,
            $"last-layer cosine at α = 1 ({F(r[0].LastLayerCosine)}) exceeds the uniform-output control |cos| at α = 0.01 ({F(Math.Abs(r[1].LastLayerCosine))}) by {F(gap)} < {G16Constants.MinGap}");
        ClaimAssert.That("G16", r[0].Cosine > Math.Abs(r[1].Cosine), $"full-gradient cosine at α = 1 ({F(r[0].Cosine)}) is not above |cosine| at α = 0.01 ({F(Math.Abs(r[1].Cosine))})");
    }

    [Test]
    [Claim("G23")]
    [Category(Categories.Slow)]
    public void PositiveCurvatureGoesWithLowConfidenceLowLossAndSmallGradients()
    {
        using var problem = Synthetic(seed: SeedOffset.Apply(0L));
        var r = ConfidenceStudy.Run(problem.Model, problem.Data, Enumerable.Range(0, G23Constants.Inits).Select(i => SeedOffset.Apply((long)i)).ToArray(), dimension: G23Constants.Dimension);
        TestContext.Out.WriteLine($"Spearman: PC~entropy {F(r.PcVsEntropy)}, PC~‖∇L‖ {F(r.PcVsGradientNorm)}, PC~loss {F(r.PcVsLoss)}, entropy~loss {F(r.EntropyVsLoss)}");
        ClaimAssert.That("G23", r.PcVsEntropy >= G23Constants.MinPcVsEntropy, $"Spearman(PC, mean entropy) over {G23Constants.Inits} initializations = {F(r.PcVsEntropy)} < {G23Constants.MinPcVsEntropy}");
        ClaimAssert.That("G23", r.PcVsLoss <= G23Constants.MaxPcVsLoss, $"Spearman(PC, initial loss) over {G23Constants.Inits} initializations = {F(r.PcVsLoss)} > {G23Constants.MaxPcVsLoss}");
        ClaimAssert.That("G23", r.PcVsGradientNorm <= G23Constants.MaxPcVsGradientNorm, $"Spearman(PC, gradient norm) over {G23Constants.Inits} initializations = {F(r.PcVsGradientNorm)} > {G23Constants.MaxPcVsGradientNorm}");
        ClaimAssert.That("G23", r.EntropyVsLoss <= G23Constants.MaxEntropyVsLoss, $"Spearman(mean entropy, initial loss) over {G23Constants.Inits} initializations = {F(r.EntropyVsLoss)} > {G23Constants.MaxEntropyVsLoss}");
    }
}
