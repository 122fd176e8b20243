
namespace Goldilocks.Papers.WangRoberts;

/// <summary>W9 (Wang &amp; Roberts Sec. 2.1; Cohen et al. 2021): ηS/2 at the start, its peak, the median and the
/// fraction inside [0.8, 1.3] over the late window, loss increases between records, final/initial loss.</summary>
/// <param name="InitialRatio">ηS/2 at the first record.</param>
/// <param name="PeakRatio">max ηS/2 over the run.</param>
/// <param name="LateMedianRatio">Median ηS/2 over the late window.</param>
/// <param name="LateFractionNearLimit">Fraction of late records with ηS/2 in [0.8, 1.3].</param>
/// <param name="LossIncreases">Records whose loss exceeds the previous record's.</param>
/// <param name="FinalLossFraction">Final loss / initial loss.</param>
public sealed record SharpeningSummary(double InitialRatio, double PeakRatio, double LateMedianRatio, double LateFractionNearLimit,
    int LossIncreases, double FinalLossFraction);

/// <summary>W11 (Sec. 3.2, Fig. 2): from the onset record (first ηS/2 ≥ onset) over the following window, the mean
/// |cos(v₁(t), v₁(t₀))| and the mean Grassmann similarity of the top-k subspaces (mean cos² of principal angles).</summary>
/// <param name="OnsetStep">Step of the onset record.</param>
/// <param name="MeanTopCosine">Mean |cos(v₁(t), v₁(t₀))| over the window.</param>
/// <param name="MinTopCosine">Smallest |cos(v₁(t), v₁(t₀))| over the window.</param>
/// <param name="MeanSubspaceSimilarity">Mean Grassmann similarity of the top-k subspaces to the onset's.</param>
public sealed record RotationSummary(int OnsetStep, double MeanTopCosine, double MinTopCosine, double MeanSubspaceSimilarity);

/// <summary>W12 (App. G, Fig. 9-10): loss increases step to step, the peak and final ηS/2, the sharpness rise.</summary>
/// <param name="LossIncreases">Steps whose loss exceeds the previous step's.</param>
/// <param name="PeakRatio">max ηS/2 over the run.</param>
/// <param name="FinalRatio">ηS/2 at the last record.</param>
/// <param name="SharpnessRise">S at the last record minus S at the first.</param>
/// <param name="MaxSuppressed">Most directions removed in one step; on a run without suppression (the W12 null model,
/// <see cref="EdgeOfStabilityRuns.Unsuppressed"/>) the most recorded eigenvalues above 2/η in one step, i.e. the
/// directions the suppression would have removed.</param>
public sealed record SuppressionSummary(int LossIncreases, double PeakRatio, double FinalRatio, double SharpnessRise, int MaxSuppressed);

/// <summary>The statistics of tracked runs that the W9-W12 claims assert on.</summary>
public static class EdgeOfStabilityStatistics
{
    /// <summary>W9: progressive sharpening to ηS/2 ≈ 1 and non-monotone loss; the late window is the last <paramref name="lateFraction"/> of the records.</summary>
    public static SharpeningSummary Sharpening(EigenTrackingResult run, double lateFraction = 0.4)
    {
        var ratio = Check(run).StabilityRatio;
        var late = ratio.Skip((int)(ratio.Length * (1 - lateFraction))).OrderBy(x => x).ToArray();
        var losses = run.Losses;
        return new SharpeningSummary(ratio[0], ratio.Max(), late[late.Length / 2], late.Count(r => r >= 0.8 && r <= 1.3) / (double)late.Length,
            Increases(losses), losses[^1] / losses[0]);
    }

    /// <summary>W11: the rotation of the top eigenvectors over <paramref name="windowSteps"/> steps after the first record with ηS/2 ≥ <paramref name="onset"/> (the run must keep eigenvectors).</summary>
    public static RotationSummary Rotation(EigenTrackingResult run, int windowSteps, double onset = 0.95)
    {
        var records = Check(run).Records;
        if (records.Any(r => r.Eigenvectors is null)) throw new ArgumentException("the run must keep eigenvectors (KeepEigenvectors)", nameof(run));
        var ratio = run.StabilityRatio;
        int i0 = Array.FindIndex(ratio, r => r >= onset);
        if (i0 < 0) throw new InvalidOperationException($"ηS/2 never reached {onset} (peak {ratio.Max():F3}): no instability to track");
        var baseline = records[i0];
        var window = records.Skip(i0 + 1).Where(r => r.Step - baseline.Step <= windowSteps).ToList();
        if (window.Count == 0) throw new InvalidOperationException($"no records within {windowSteps} steps after the onset at step {baseline.Step}");
        var cos = window.Select(r => EigenvectorSimilarity.AbsCosine(r.Eigenvectors![.., 0], baseline.Eigenvectors![.., 0])).ToArray();
        var sub = window.Select(r => EigenvectorSimilarity.GrassmannSimilarity(r.Eigenvectors!, baseline.Eigenvectors!)).ToArray();
        return new RotationSummary(baseline.Step, cos.Average(), cos.Min(), sub.Average());
    }

    /// <summary>Fraction of records with a negative sharpening factor −∇L·∇S (App. G: "predominantly negative").</summary>
    public static double NegativeSharpeningFraction(EigenTrackingResult run)
    {
        var f = Check(run).Records.Select(r => r.SharpeningFactor ?? throw new ArgumentException("the run must record SharpeningFactor", nameof(run))).ToArray();
        return f.Count(x => x < 0) / (double)f.Length;
    }

    /// <summary>W12: the run with unstable directions suppressed (App. G), or its null model without suppression
    /// (<see cref="EdgeOfStabilityRuns.Unsuppressed"/>).</summary>
    public static SuppressionSummary Suppression(EigenTrackingResult run)
    {
        var ratio = Check(run).StabilityRatio;
        var s = run.Sharpness;
        return new SuppressionSummary(Increases(run.Losses), ratio.Max(), ratio[^1], s[^1] - s[0], run.Records.Max(r => Math.Max(r.Suppressed, r.Eigenvalues.Count(l => l > 2 / run.LearningRate))));
    }

    /// <summary>W10 (Sec. 3.3, Fig. 4): train at η₀ from θ for t₀ steps, switch to η for the given steps and return the
    /// peak sharpness after the switch (the diverged flag of either phase makes it throw). Each phase gets its own
    /// solver from <paramref name="solver"/> (disposed after the phase when it is disposable).</summary>
    public static double PeakSharpnessAfterSwitch(Objective objective, Tensor theta, double eta0, int switchStep, double eta, int steps,
        EigenTrackingOptions options, Func<IEigenSolver> solver)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(solver);
        var first = Track(objective, theta, eta0, switchStep, options with { RecordEvery = Math.Max(1, switchStep) }, solver);
        if (first.Diverged) throw new InvalidOperationException($"the run at η₀ = {eta0} diverged before the switch at step {switchStep}");
        using var switched = first.FinalParameters!;
        var second = Track(objective, switched, eta, steps, options, solver);
        second.FinalParameters?.Dispose();
        if (second.Diverged) throw new InvalidOperationException($"the run at η = {eta} after the switch diverged");
        return second.Sharpness.Max();
    }

    private static EigenTrackingResult Track(Objective objective, Tensor theta, double eta, int steps, EigenTrackingOptions options, Func<IEigenSolver> solver)
    {
        var s = solver();
        try { return EigenTracking.Run(objective, theta, eta, steps, options, s); }
        finally { (s as IDisposable)?.Dispose(); }
    }

    private static int Increases(double[] losses) => Enumerable.Range(1, losses.Length - 1).Count(i => losses[i] > losses[i - 1]);

    private static EigenTrackingResult Check(EigenTrackingResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Records.Count < 2) throw new ArgumentException("a summary needs at least two records", nameof(run));
        return run;
    }
}
