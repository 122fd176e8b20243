using static Goldilocks.Tests.Claims.Deconstructing.StatisticalProblems;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G15 (Fig. 5b), G16 (Fig. 5a) and G23 (Fig. 6): loss gradients, class priors and confidence.
/// Margins: specs/G15, G16, G23 (null pass probability and power: StatisticalNullCalibration, sweep offsets 0-49).</summary>
[TestFixture]
[Category(Categories.Statistical)]
public sealed class StatisticalGradientTests
{
    /// <summary>Class priors Q of the G15 experiment (Fig. 5b): 60 left the permutation null passing r ≥ 0.2 in 6 % of draws (spec G15).</summary>
    public const int PriorDraws = 240;

    /// <summary>G15 margin on Pearson r(‖Q̂ − Q‖, ‖∇L‖): the permutation null passes it in 0.14 % of draws at 240 priors (spec G15).</summary>
    private const double G15MinPearson = 0.2;

    /// <summary>Seed of the one permutation the G15 negative control draws.</summary>
    private const int G15NullDraw = 1;

    private static readonly Lazy<PriorGradientResult> PriorLine = new(() =>
    {
        using var problem = Zone(SeedOffset.Apply(0L), perClass: 50);
        using var theta = problem.Model.InitialParameters(SeedOffset.Apply(0L));
        return PriorGradient.Run(problem.Model, problem.Data, theta, priors: PriorDraws, subsetSize: 300, seed: SeedOffset.Apply(0L));
    });

    [Test]
    [Claim("G15")]
    public void GradientNormIsLinearInThePriorMismatch()
    {
        var r = PriorLine.Value;
        double meanDistance = r.Points.Average(p => p.PriorDistance);
        double interceptShare = r.Fit.Intercept / (r.Fit.Slope * meanDistance);
        TestContext.Out.WriteLine($"{PriorDraws} priors: r = {F(r.Fit.R)}, slope {F(r.Fit.Slope)}, intercept {F(r.Fit.Intercept)} ({F(interceptShare)} of the mean fitted value), Eq. 9 slope {F(r.PredictedSlope)}");
        ClaimAssert.That("G15", r.Fit.R >= G15MinPearson, $"Pearson r between ‖∇L‖ and ‖Q̂ − Q‖ over {PriorDraws} priors is {F(r.Fit.R)} < {F(G15MinPearson)} (spec G15)");
        ClaimAssert.That("G15", r.Fit.Slope > 0, $"the gradient norm does not grow with ‖Q̂ − Q‖: slope {F(r.Fit.Slope)}");
    }

    /// <summary>G15 null model: the same measurements with ‖∇L‖ permuted across the priors (no relation to ‖Q̂ − Q‖).</summary>
    [Test]
    [Claim("G15")]
    [Category(Categories.NegativeControl)]
    public void GradientNormIsUnrelatedToThePriorMismatchOncePermuted()
    {
        var r = PriorLine.Value;
        var x = r.Points.Select(p => p.PriorDistance).ToArray();
        var y = NullModel.Permuted(r.Points.Select(p => p.GradientNorm).ToArray(), new Random(G15NullDraw));
        double nullR = Statistics.Pearson(x, y);
        TestContext.Out.WriteLine($"{PriorDraws} priors: r = {F(r.Fit.R)}; with ‖∇L‖ permuted (draw {G15NullDraw}): r = {F(nullR)}; margin {F(G15MinPearson)}");
        ClaimAssert.That("G15", nullR < G15MinPearson, $"negative control: Pearson r of the permuted pairing is {F(nullR)} ≥ {F(G15MinPearson)}; the margin does not separate the claim from no relation");
    }

    // G16 margins (spec G16, 50 seeds): last-layer cos(α = 1) ≥ 0.2, |cos(α = 0.01)| ≤ 0.35, paired gap ≥ 0.1.
    private const double G16MinLastLayerCosine = 0.2, G16MaxControlCosine = 0.35, G16MinGap = 0.1;

    /// <summary>The G16 verdict on one pair of measurements: <paramref name="biased"/> at α = 1, <paramref name="control"/> at α = 0.01.</summary>
    internal static bool G16Passes(GradientCosinePoint biased, GradientCosinePoint control) =>
        biased.LastLayerCosine >= G16MinLastLayerCosine && Math.Abs(control.LastLayerCosine) <= G16MaxControlCosine
        && biased.LastLayerCosine - Math.Abs(control.LastLayerCosine) >= G16MinGap && biased.Cosine > Math.Abs(control.Cosine);

    /// <summary>The G16 measurement at one seed: FashionMNIST vs Gaussian noise at α = 1 and α = 0.01.</summary>
    internal static IReadOnlyList<GradientCosinePoint> G16Cosines(long seed, params double[] alphas)
    {
        using var a = Zone(seed);
        using var noise = GradientCosine.GaussianNoise((int)a.Data.Count, a.Model.InputShape, a.Data.Classes, seed + 77);
        return GradientCosine.Run(a.Model, a.Data, noise, seed, alphas);
    }

    [Test]
    [Claim("G16")]
    public void UnrelatedBalancedDatasetsShareTheGradientOnlyWhenTheModelIsBiased()
    {
        var r = G16Cosines(SeedOffset.Apply(0L), 1.0, 0.01);
        TestContext.Out.WriteLine($"last-layer cos at α = 1: {F(r[0].LastLayerCosine)}, at α = 0.01: {F(r[1].LastLayerCosine)}; full cos at α = 1: {F(r[0].Cosine)} (‖Q̂ − U‖ = {F(r[0].PriorGapA)}, {F(r[0].PriorGapB)}); at α = 0.01: {F(r[1].Cosine)} (‖Q̂ − U‖ = {F(r[1].PriorGapA)})");
        ClaimAssert.That("G16", r[0].LastLayerCosine >= G16MinLastLayerCosine, $"last-layer gradient cosine of FashionMNIST vs Gaussian noise at α = 1 is {F(r[0].LastLayerCosine)} < {F(G16MinLastLayerCosine)}");
        ClaimAssert.That("G16", Math.Abs(r[1].LastLayerCosine) <= G16MaxControlCosine, $"|last-layer cosine| at α = 0.01 (uniform output) is {F(Math.Abs(r[1].LastLayerCosine))} > {F(G16MaxControlCosine)}");
        double gap = r[0].LastLayerCosine - Math.Abs(r[1].LastLayerCosine);
        ClaimAssert.That("G16", gap >= G16MinGap,
            $"last-layer cosine at α = 1 ({F(r[0].LastLayerCosine)}) exceeds the uniform-output control |cos| at α = 0.01 ({F(Math.Abs(r[1].LastLayerCosine))}) by {F(gap)} < {F(G16MinGap)}");
        ClaimAssert.That("G16", r[0].Cosine > Math.Abs(r[1].Cosine), $"full-gradient cosine at α = 1 ({F(r[0].Cosine)}) is not above |cosine| at α = 0.01 ({F(Math.Abs(r[1].Cosine))})");
    }

    /// <summary>G16 null model: the model's prior is uniform in both measurements (the shared term Σ_k c_k(Q̂_k − 1/K) of
    /// Eq. 9 absent): the α = 0.01 measurement of the test's seed stands in for α = 1, and that of the next seed is the
    /// control. The test's verdict must fail.</summary>
    [Test]
    [Claim("G16")]
    [Category(Categories.NegativeControl)]
    public void UnbiasedModelsShareNoGradientBetweenUnrelatedDatasets()
    {
        var a = G16Cosines(SeedOffset.Apply(0L), 0.01)[0];
        var b = G16Cosines(SeedOffset.Apply(1L), 0.01)[0];
        TestContext.Out.WriteLine($"null draw (both at α = 0.01): last-layer cos {F(a.LastLayerCosine)} vs control {F(b.LastLayerCosine)} (gap {F(a.LastLayerCosine - Math.Abs(b.LastLayerCosine))}); full cos {F(a.Cosine)} vs {F(b.Cosine)}");
        ClaimAssert.That("G16", !G16Passes(a, b),
            $"negative control: two uniform-output measurements pass the G16 margins (last-layer cos {F(a.LastLayerCosine)} ≥ {F(G16MinLastLayerCosine)}, gap {F(a.LastLayerCosine - Math.Abs(b.LastLayerCosine))} ≥ {F(G16MinGap)})");
    }

    /// <summary>Kaiming initializations per G23 study (Fig. 6): at 60 the permutation null passed the sign margins in 21 % of draws (spec G23).</summary>
    public const int ConfidenceInits = 240;

    /// <summary>G23 margin on each PC correlation, taken with the sign of Fig. 6: ρ(PC, entropy) ≥ m, ρ(PC, loss) ≤ −m,
    /// ρ(PC, ‖∇L‖) ≤ −m (spec G23: the PC-permutation null passes all three in under 1 % of draws).</summary>
    private const double G23MinPcRank = 0.13;

    /// <summary>G23 margin on ρ(entropy, loss).</summary>
    private const double G23MaxEntropyLossRank = -0.2;

    /// <summary>Seed of the one permutation the G23 negative control draws.</summary>
    private const int G23NullDraw = 1;

    private static readonly Lazy<ConfidenceResult> Confidence = new(() =>
    {
        using var problem = Synthetic(seed: SeedOffset.Apply(0L));
        return ConfidenceStudy.Run(problem.Model, problem.Data, Enumerable.Range(0, ConfidenceInits).Select(i => SeedOffset.Apply((long)i)).ToArray(), dimension: 10);
    });

    [Test]
    [Claim("G23")]
    [Category(Categories.Slow)]
    public void PositiveCurvatureGoesWithLowConfidenceLowLossAndSmallGradients()
    {
        var r = Confidence.Value;
        TestContext.Out.WriteLine($"{ConfidenceInits} initializations, Spearman: PC~entropy {F(r.PcVsEntropy)}, PC~‖∇L‖ {F(r.PcVsGradientNorm)}, PC~loss {F(r.PcVsLoss)}, entropy~loss {F(r.EntropyVsLoss)}");
        ClaimAssert.That("G23", r.PcVsEntropy >= G23MinPcRank, $"Spearman(PC, mean entropy) = {F(r.PcVsEntropy)} < {F(G23MinPcRank)}");
        ClaimAssert.That("G23", r.PcVsLoss <= -G23MinPcRank, $"Spearman(PC, initial loss) = {F(r.PcVsLoss)} > {F(-G23MinPcRank)}");
        ClaimAssert.That("G23", r.PcVsGradientNorm <= -G23MinPcRank, $"Spearman(PC, gradient norm) = {F(r.PcVsGradientNorm)} > {F(-G23MinPcRank)}");
        ClaimAssert.That("G23", r.EntropyVsLoss <= G23MaxEntropyLossRank, $"Spearman(mean entropy, initial loss) = {F(r.EntropyVsLoss)} > {F(G23MaxEntropyLossRank)}");
    }

    /// <summary>G23 null model: the same initializations with PC permuted across them (PC unrelated to confidence, loss
    /// and gradient, which keep their joint distribution); at least one of the three PC signs must miss its margin.</summary>
    [Test]
    [Claim("G23")]
    [Category(Categories.Slow)]
    [Category(Categories.NegativeControl)]
    public void PositiveCurvatureIsUnrelatedToConfidenceOncePermuted()
    {
        var points = Confidence.Value.Points;
        var pc = NullModel.Permuted(points.Select(p => p.PositiveCurvature).ToArray(), new Random(G23NullDraw));
        double entropy = Statistics.Spearman(pc, points.Select(p => p.MeanEntropy).ToArray());
        double loss = Statistics.Spearman(pc, points.Select(p => p.Loss).ToArray());
        double gradient = Statistics.Spearman(pc, points.Select(p => p.GradientNorm).ToArray());
        double weakest = Math.Min(entropy, Math.Min(-loss, -gradient));
        TestContext.Out.WriteLine($"PC permuted (draw {G23NullDraw}) over {ConfidenceInits} initializations: PC~entropy {F(entropy)}, PC~loss {F(loss)}, PC~‖∇L‖ {F(gradient)}; weakest signed {F(weakest)}, margin {F(G23MinPcRank)}");
        ClaimAssert.That("G23", weakest < G23MinPcRank,
            $"negative control: with PC permuted the three signs still pass (PC~entropy {F(entropy)}, PC~loss {F(loss)}, PC~‖∇L‖ {F(gradient)}, all beyond {F(G23MinPcRank)}); the margin does not separate the claim from no relation");
    }
}
