using static Goldilocks.Tests.Claims.Deconstructing.StatisticalProblems;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G12 (Fig. 4 right) and G22 (Fig. 3): Γ_p along logit-scaling paths and the Eq. 8 prediction on a real network.
/// Margins: specs/G12, specs/G22 (StatisticalCalibration.GammaMonotonicity / Eq8, seeds 0-19).</summary>
[TestFixture]
[Category(Categories.Statistical)]
public sealed class StatisticalSoftmaxTests
{
    /// <summary>Largest Spearman(entropy, Γ⁻²) allowed along a path (spec G12).</summary>
    public const double MaxRankCorrelation = -0.98;

    /// <summary>Largest relative dip of Γ⁻² allowed along a path: round-off only (spec G12).</summary>
    public const double MaxViolation = 1e-12;

    [Test]
    [Claim("G12")]
    public void InverseGammaSquaredIsMonotoneInEntropy()
    {
        var r = GammaCurves.Run(paths: 30, seed: SeedOffset.Apply(0L));
        foreach (var p in r.Paths)
        {
            ClaimAssert.That("G12", p.EntropyRankCorrelation <= MaxRankCorrelation,
                $"Spearman(entropy, Γ⁻²) = {F(p.EntropyRankCorrelation)} > {MaxRankCorrelation} along the path with top-gap ratio {F(p.TopGapRatio)}");
            ClaimAssert.That("G12", p.MonotonicityViolation <= MaxViolation,
                $"Γ⁻² falls by {F(p.MonotonicityViolation)} of its range along the path with top-gap ratio {F(p.TopGapRatio)} (> {MaxViolation})");
            ClaimAssert.Close("G12", "Γ⁻² at the hottest point (≈ uniform p) vs 1/(K−1)", p.Points[0].InverseGammaSquared, 1.0 / (r.Classes - 1), 0.05);
            ClaimAssert.That("G12", p.Points[^1].InverseGammaSquared <= 1 + 1e-9, $"Γ⁻² = {F(p.Points[^1].InverseGammaSquared)} > 1 at the coldest point");
        }
        var avg = new GammaPath(Array.Empty<double>(), 0, r.AveragePath);
        ClaimAssert.That("G12", avg.MonotonicityViolation <= 1e-9, $"the average-matrix path (red curve) is not monotone: violation {F(avg.MonotonicityViolation)}");
    }

    /// <summary>G12 null model: along each path Γ⁻² is permuted across the β points, so it is unrelated to the entropy.</summary>
    internal static GammaPath G12Permuted(GammaPath path, Random rng)
    {
        var g = NullModel.Permuted(path.Points.Select(p => p.InverseGammaSquared).ToArray(), rng);
        return path with { Points = path.Points.Select((p, i) => p with { InverseGammaSquared = g[i] }).ToArray() };
    }

    /// <summary>The G12 per-path verdict on the rank correlation and the monotonicity.</summary>
    internal static bool G12PathPasses(GammaPath path) => path.EntropyRankCorrelation <= MaxRankCorrelation && path.MonotonicityViolation <= MaxViolation;

    /// <summary>Seed of the one permutation draw of the G12 negative control.</summary>
    private const int G12NullDraw = 1;

    [Test]
    [Claim("G12")]
    [Category(Categories.NegativeControl)]
    public void InverseGammaSquaredPermutedAlongEachPathIsNotMonotoneInEntropy()
    {
        var r = GammaCurves.Run(paths: 30, seed: SeedOffset.Apply(0L));
        var rng = new Random(G12NullDraw);
        var permuted = r.Paths.Select(p => G12Permuted(p, rng)).ToArray();
        TestContext.Out.WriteLine($"Γ⁻² permuted along each of {permuted.Length} paths (draw {G12NullDraw}): Spearman(entropy, Γ⁻²) min {F(permuted.Min(p => p.EntropyRankCorrelation))}, "
            + $"max {F(permuted.Max(p => p.EntropyRankCorrelation))}; monotonicity violation min {F(permuted.Min(p => p.MonotonicityViolation))}; margins {MaxRankCorrelation}, {MaxViolation}");
        int passing = permuted.Count(G12PathPasses);
        ClaimAssert.That("G12", passing == 0, $"negative control: {passing} of {permuted.Length} paths with Γ⁻² permuted still pass the Spearman ≤ {MaxRankCorrelation} and monotonicity checks");
    }

    // G22 (spec G22): confidence levels α ∈ [0.1, 10], how many must have a defined G-term PC, the Spearman margin, the hot ratio range.
    public const int G22Levels = 17;
    private const int G22MinDefined = 13;
    private const double G22MinSpearman = 0.8, G22MinHotRatio = 1.0, G22MaxHotRatio = 2.5;

    /// <summary>Seed of the one permutation draw of the G22 negative control.</summary>
    private const int G22NullDraw = 1;

    private static readonly Lazy<Eq8Point[]> Eq8Points = new(() =>
    {
        using var problem = Synthetic(seed: SeedOffset.Apply(0L));
        var r = RandomLogitFit.Run(problem.Model, problem.Data, Statistics.LogGrid(0.1, 10, G22Levels), seed: SeedOffset.Apply(0L), dimension: 50);
        TestContext.Out.WriteLine($"data: {problem}; σ_c² = {F(r.Fit.SigmaC2)}, σ_e² = {F(r.Fit.SigmaE2)}");
        return r.Points.Where(p => p.TrueGTermPC is not null && p.PredictedPC is not null).ToArray();
    });

    [Test]
    [Claim("G22")]
    public void Eq8TracksTheTrueGTermAcrossConfidence()
    {
        var ok = Eq8Points.Value;
        foreach (var p in ok) TestContext.Out.WriteLine($"α {F(p.Alpha)} entropy {F(p.MeanEntropy)} true {F(p.TrueGTermPC!.Value)} Eq. 8 {F(p.PredictedPC!.Value)}");
        ClaimAssert.That("G22", ok.Length >= G22MinDefined, $"only {ok.Length} of {G22Levels} confidence levels have a defined G-term PC (< {G22MinDefined})");
        double rho = Statistics.Spearman(ok.Select(p => p.TrueGTermPC!.Value).ToArray(), ok.Select(p => p.PredictedPC!.Value).ToArray());
        ClaimAssert.That("G22", rho >= G22MinSpearman, $"Spearman(true PC, Eq. 8) over {ok.Length} levels = {F(rho)} < {F(G22MinSpearman)}: Eq. 8 does not follow the trend over confidence");
        double hot = ok[0].PredictedPC!.Value / ok[0].TrueGTermPC!.Value;
        ClaimAssert.That("G22", hot >= G22MinHotRatio && hot <= G22MaxHotRatio, $"at α = {F(ok[0].Alpha)} (near-uniform p) Eq. 8 / true PC = {F(hot)}, outside the calibrated [{F(G22MinHotRatio)}, {F(G22MaxHotRatio)}] (spec G22: Eq. 8 overestimates at this scale)");
    }

    /// <summary>G22 null model: Eq. 8 does not track the true G-term PC, i.e. the predictions are permuted across the
    /// confidence levels; one fixed permutation must fail the Spearman or the hot-ratio margin.</summary>
    [Test]
    [Claim("G22")]
    [Category(Categories.NegativeControl)]
    public void Eq8PermutedAcrossConfidenceDoesNotTrackTheTrueGTerm()
    {
        var ok = Eq8Points.Value;
        var t = ok.Select(p => p.TrueGTermPC!.Value).ToArray();
        var e = NullModel.Permuted(ok.Select(p => p.PredictedPC!.Value).ToArray(), new Random(G22NullDraw));
        double rho = Statistics.Spearman(t, e);
        double hot = e[0] / t[0];
        TestContext.Out.WriteLine($"Eq. 8 permuted across {ok.Length} levels (draw {G22NullDraw}): Spearman {F(rho)} (margin {F(G22MinSpearman)}), hot ratio {F(hot)}");
        ClaimAssert.That("G22", rho < G22MinSpearman || hot < G22MinHotRatio || hot > G22MaxHotRatio,
            $"negative control: permuted Eq. 8 still passes (Spearman {F(rho)} ≥ {F(G22MinSpearman)}, hot ratio {F(hot)} in range)");
    }
}
