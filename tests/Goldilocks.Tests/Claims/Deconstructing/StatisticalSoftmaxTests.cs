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

    /// <summary>G12 null model: along each path Γ⁻² is permuted across the β points, so it is unrelated to the entropy.</summary>
    internal static GammaPath G12Permuted(GammaPath path, Random rng)
    {
        var g = NullModel.Permuted(path.Points.Select(p => p.InverseGammaSquared).ToArray(), rng);
        return path with { Points = path.Points.Select((p, i) => p with { InverseGammaSquared = g[i] }).ToArray() };
    }

    [Test]
    [Claim("G12")]
    [Category(Categories.NegativeControl)]
    public void InverseGammaSquaredPermutedAlongEachPathIsNotMonotoneInEntropy()
    {
        var r = GammaCurves.Run(paths: 30, seed: SeedOffset.Apply(0L));
        var rng = new Random(G12Constants.NullDraw);
        var permuted = r.Paths.Select(p => G12Permuted(p, rng)).ToArray();
        TestContext.Out.WriteLine($"Γ⁻² permuted along each of {permuted.Length} paths (draw {G12Constants.NullDraw}): Spearman(entropy, Γ⁻²) min {F(permuted.Min(p => p.EntropyRankCorrelation))}, "
            + $"max {F(permuted.Max(p => p.EntropyRankCorrelation))}; monotonicity violation min {F(permuted.Min(p => p.MonotonicityViolation))}; margins {G12Constants.MaxRankCorrelation}, {G12Constants.MaxViolation}");
        int passing = permuted.Count(DeconstructingVerdicts.G12PathIsMonotone);
        ClaimAssert.That("G12", passing == 0, $"negative control: {passing} of {permuted.Length} paths with Γ⁻² permuted still pass the Spearman ≤ {G12Constants.MaxRankCorrelation} and monotonicity checks");
    }

    private static readonly Lazy<Eq8Result> Eq8 = new(() =>
    {
        using var problem = Synthetic(seed: SeedOffset.Apply(0L));
        var r = RandomLogitFit.Run(problem.Model, problem.Data, Statistics.LogGrid(0.1, 10, G22Constants.Levels), seed: SeedOffset.Apply(0L), dimension: G22Constants.Dimension);
        TestContext.Out.WriteLine($"data: {problem}; σ_c² = {F(r.Fit.SigmaC2)}, σ_e² = {F(r.Fit.SigmaE2)}");
        return r;
    });

    [Test]
    [Claim("G22")]
    public void Eq8TracksTheTrueGTermAcrossConfidence()
    {
        var r = Eq8.Value;
        foreach (var p in r.Points) TestContext.Out.WriteLine($"α {F(p.Alpha)} entropy {F(p.MeanEntropy)} true {F(p.TrueGTermPC ?? double.NaN)} Eq. 8 {F(p.PredictedPC ?? double.NaN)}");
        ClaimAssert.Holds(DeconstructingVerdicts.G22(r));
    }

    /// <summary>G22 null model: Eq. 8 does not track the true G-term PC, i.e. the predictions are permuted across the
    /// confidence levels that have both PCs; the criterion must fail on one fixed permutation.</summary>
    [Test]
    [Claim("G22")]
    [Category(Categories.NegativeControl)]
    public void Eq8PermutedAcrossConfidenceDoesNotTrackTheTrueGTerm() =>
        ClaimAssert.FailsOnNull(DeconstructingVerdicts.G22(G22Permuted(Eq8.Value, new Random(G22Constants.NullDraw))), $"Eq. 8 permuted across the levels, draw {G22Constants.NullDraw}");

    /// <summary>G22 null model: the Eq. 8 predictions of the levels with both PCs defined, permuted among those levels.</summary>
    internal static Eq8Result G22Permuted(Eq8Result r, Random rng)
    {
        var defined = r.Points.Select((p, i) => (p, i)).Where(x => x.p.TrueGTermPC is not null && x.p.PredictedPC is not null).ToArray();
        var permuted = NullModel.Permuted(defined.Select(x => x.p.PredictedPC!.Value).ToArray(), rng);
        var points = r.Points.ToArray();
        for (int k = 0; k < defined.Length; k++) points[defined[k].i] = points[defined[k].i] with { PredictedPC = permuted[k] };
        return r with { Points = points };
    }
}
