using static Goldilocks.Papers.Common.CheckList;

namespace Goldilocks.Papers.WangRoberts;

/// <summary>The criteria of Wang &amp; Roberts' claims (W4, W9), one per claim test, on the records the tests compute;
/// margins and calibration in the specs named by <see cref="Statements"/>. W11 has no claim test of the phenomenon
/// (spec: analogue only, not reproduced), so it has a statement and no criterion.</summary>
public static class WangRobertsVerdicts
{
    /// <summary>The verdict table's text of each claim.</summary>
    public static IReadOnlyDictionary<string, ClaimStatement> Statements { get; } = new[]
    {
        new ClaimStatement("W4", "Below a threshold η* GD turns the top eigenvector toward the sharper parameter, above it away (Sec. 3.1, Fig. 1)", "η_eos = 2/λ_max (Fig. 1)", "specs/W4-rotation-threshold.md", true),
        new ClaimStatement("W9", "Progressive sharpening until ηλ_max/2 ≈ 1, then the edge of stability with a non-monotone falling loss (Sec. 2.1)", "λ_max → 2/η", "specs/W9-progressive-sharpening-eos.md", true),
        new ClaimStatement("W11", "Top eigenvectors rotate during instabilities while the top subspace stays stable (Sec. 3.2, Fig. 2)", null, "specs/W11-eigenvector-rotation.md", true),
    }.ToDictionary(s => s.Claim);

    /// <summary>W4 on single GD steps of the two-parameter DLN (WangRobertsDlnUpdateTests.Figure1_learning_rates_fall_on_the_predicted_sides_of_the_threshold):
    /// the exact threshold η* lies above 2/λ_max, and each step's alignment |u₁/u₂| of the top eigenvector with θ₁ grows
    /// when η &lt; η* and shrinks when η &gt; η*. Premises (spec W4): z = Θ^q and |θ₁| &lt; |θ₂| (θ₁ the sharper parameter);
    /// the exact threshold does not hold for other z.</summary>
    /// <param name="start">The DLN before the step.</param>
    /// <param name="steps">Per learning rate η the alignment |u₁/u₂| before and after one step.</param>
    public static ClaimEvaluation W4(TwoParameterDln start, IReadOnlyList<(double Eta, double Before, double After)> steps)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0) return ClaimEvaluation.Inapplicable("W4", "no GD step to judge");
        double threshold = start.RotationThreshold, limit = start.StabilityLimit;
        string measured = $"η* = {F(threshold)} vs 2/λ_max = {F(limit)}; " + string.Join(", ", steps.Select(s => $"η = {F(s.Eta)} ({F(s.Eta / limit)}·2/λ_max): |u₁/u₂| {F(s.Before)} → {F(s.After)}"));
        if (!start.Z.IsMonomial || !(Math.Abs(start.Theta1) < Math.Abs(start.Theta2)))
            return ClaimEvaluation.Inapplicable("W4", $"the exact threshold needs z = Θ^q and |θ₁| < |θ₂| (spec W4); this DLN has {start.Z} at θ = ({F(start.Theta1)}, {F(start.Theta2)})", measured);
        var checks = new CheckList("W4")
            .Measure(measured)
            .That(threshold > limit, $"η* = {threshold:R} must exceed 2/λ_max = {limit:R}");
        foreach (var (eta, before, after) in steps)
        {
            bool toward = eta < threshold;
            checks.That((after > before) == toward, $"η = {eta}: |u₁/u₂| {before:R} → {after:R}, expected {(toward ? "toward" : "away from")} θ₁");
        }
        return checks.Done();
    }



    /// <summary>W9 (WangRobertsEdgeOfStabilityTests.Sharpness_rises_to_2_over_eta_and_hovers_there_while_the_loss_falls_non_monotonically):
    /// the window of runs that start below the edge is full; their median rise of ηS/2 ≥ 0.05; over every tracked run the
    /// median late fraction near the limit ≥ 0.8 and the median final/initial loss ≤ 0.05; the plain-GD runs show ≥ 1 loss increase.</summary>
    /// <param name="tracked">Every tracked run's summary (those starting above the edge included).</param>
    /// <param name="stable">The runs admitted to the window (ηS/2 &lt; 1 at step 0).</param>
    /// <param name="window">The number of stable runs the window needs.</param>
    /// <param name="lossIncreases">Step-to-step loss increases of each plain-GD run.</param>
    public static ClaimEvaluation W9(IReadOnlyList<SharpeningSummary> tracked, IReadOnlyList<SharpeningSummary> stable, int window, IReadOnlyList<int> lossIncreases)
    {
        ArgumentNullException.ThrowIfNull(tracked);
        ArgumentNullException.ThrowIfNull(stable);
        ArgumentNullException.ThrowIfNull(lossIncreases);
        if (tracked.Count == 0) return ClaimEvaluation.Inapplicable("W9", "no tracked run (diverged or fewer than 2 records)");
        double rise = stable.Count > 0 ? Statistics.WindowMedian(stable.Select(x => x.LateMedianRatio - x.InitialRatio)) : double.NaN;
        double near = Statistics.WindowMedian(tracked.Select(x => x.LateFractionNearLimit));
        double loss = Statistics.WindowMedian(tracked.Select(x => x.FinalLossFraction));
        return new CheckList("W9")
            .Measure($"{stable.Count} of {tracked.Count} run(s) start below the edge; median rise of ηS/2 {F(rise)}, late fraction near 2/η {near:P0}, final/initial loss {F(loss)}, {lossIncreases.Sum()} loss increase(s)")
            .That(stable.Count == window, $"only {stable.Count} of {tracked.Count} seeds start below the edge (ηS/2 < 1): η = 0.3 is too large for this setup to show progressive sharpening")
            .That(rise >= W9Constants.MinRise, $"median rise of ηS/2 from step 0 to the late window over the {window} runs that start stable {rise:F3} (< {W9Constants.MinRise}): no progressive sharpening")
            .That(near >= W9Constants.MinFractionNear, $"median fraction of late records with ηS/2 in [0.8, 1.3] {near:P0} (< {W9Constants.MinFractionNear:P0}): S does not hover at 2/η")
            .That(lossIncreases.Sum() >= W9Constants.MinLossIncreases, $"{lossIncreases.Sum()} step-to-step loss increases over {lossIncreases.Count} runs (< {W9Constants.MinLossIncreases}): training was monotone")
            .That(loss <= W9Constants.MaxLossFraction, $"median final/initial loss {loss:F4} > {W9Constants.MaxLossFraction}: the loss did not keep falling")
            .Done();
    }
}
