namespace Goldilocks.Papers.WangRoberts;

/// <summary>
/// Full-batch GD on the two-parameter DLN L = z(θ₁θ₂) at η = c·2/λ_max(θ₀) (Wang &amp; Roberts Fig. 1, exact 2×2 Hessian,
/// Eq. 4): per step the loss, η·λ_max/2 and the angle of the top Hessian eigenvector to the θ₁ axis. The run stops
/// early when the output θ₁θ₂ leaves [−1e6, 1e6] (divergence).
/// </summary>
public sealed record DlnDescentRun(double Factor, double LearningRate, int Steps, double FinalLoss,
    double[] Loss, double[] SharpnessRatio, double[] TopEigenvectorAngleDegrees);

/// <summary>
/// One full-batch GD run of the squared-error tanh MLP of <see cref="SquaredErrorSetup"/> (Sec. 2.1 / Cohen et al. 2021;
/// specs/W9) with the top Hessian eigenpair tracked every few steps: the recorded steps, losses, η·S/2, and |cos|
/// between consecutive recorded top eigenvectors (undefined, null, at the first record); the sharpening summary when
/// the run did not diverge and has at least two records.
/// </summary>
public sealed record SharpeningRun(double LearningRate, bool Diverged, int Records, double InitialSharpness,
    double? InitialRatio, double? PeakRatio, double? LateMedianRatio, double? LateFractionNearLimit, int? LossIncreases, double? FinalLossFraction,
    long[] Steps, double[] SharpnessRatio, double[] EigenvectorOverlap, double[] Loss);

/// <summary>What the <c>instability</c> command writes: the DLN runs, S(θ₀) of the MLP and its runs.</summary>
public sealed record InstabilityResults(IReadOnlyList<DlnDescentRun> Dln, double MlpInitialSharpness, IReadOnlyList<SharpeningRun> Mlp);

/// <summary>Wang &amp; Roberts Fig. 1 and Sec. 2.1: sharpness and top-eigenvector rotation along GD near 2/λ_max.</summary>
public static class InstabilityStudy
{
    /// <summary>The DLN loss of Fig. 1: z(Θ) = Θ⁴/4 + Θ²/2.</summary>
    public static EvenPolynomialLoss FigureOneLoss => new((2, 0.5), (4, 0.25));

    /// <summary>Both parts of the study: the DLN from (θ₁, θ₂) at each factor c, and the MLP of seed <paramref name="seed"/> at each η.</summary>
    public static InstabilityResults Run(double theta1, double theta2, IReadOnlyList<double> factors, int dlnSteps,
        IReadOnlyList<double> rates, int steps, int recordEvery, long seed)
    {
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(rates);
        var dln0 = new TwoParameterDln(FigureOneLoss, theta1, theta2);
        var dln = factors.Select(c => Descend(dln0, c, dlnSteps)).ToArray();
        var (objective, initial) = SquaredErrorSetup.Default.Create(seed);
        using var _ = objective.Data;
        using var __ = initial;
        var mlp = rates.Select(eta => Sharpening(objective, initial, eta, steps, recordEvery, seed)).ToArray();
        double s0 = mlp.Select(r => r.InitialSharpness).FirstOrDefault(double.IsFinite, double.NaN);
        return new InstabilityResults(dln, s0, mlp);
    }

    /// <summary>GD on the DLN at η = <paramref name="factor"/>·2/λ_max(start).</summary>
    public static DlnDescentRun Descend(TwoParameterDln start, double factor, int steps)
    {
        ArgumentNullException.ThrowIfNull(start);
        double eta = factor * start.StabilityLimit;
        var state = start;
        var rows = new List<(double Loss, double Ratio, double Angle)>();
        for (int t = 0; t <= steps && double.IsFinite(state.Output) && Math.Abs(state.Output) < 1e6; t++)
        {
            var h = state.Hessian();
            double angle = 0.5 * Math.Atan2(2 * h[0, 1], h[0, 0] - h[1, 1]) * 180 / Math.PI;
            rows.Add((start.Z.Value(state.Output), eta * state.Eigenvalues().Top / 2, angle));
            state = state.Step(eta);
        }
        return new DlnDescentRun(factor, eta, rows.Count - 1, rows[^1].Loss, rows.Select(r => r.Loss).ToArray(),
            rows.Select(r => r.Ratio).ToArray(), rows.Select(r => r.Angle).ToArray());
    }

    /// <summary>GD on <paramref name="objective"/> from <paramref name="initial"/> at η, top eigenpair by warm-started subspace
    /// iteration every <paramref name="recordEvery"/> steps (seed <paramref name="seed"/>).</summary>
    public static SharpeningRun Sharpening(Objective objective, Tensor initial, double eta, int steps, int recordEvery, long seed)
    {
        EigenTrackingResult run;
        using (var solver = new WarmStartedSubspaceIteration(blockSize: 4, iterations: 2, seed: seed))
            run = EigenTracking.Run(objective, initial, eta, steps, new EigenTrackingOptions(TopK: 1, RecordEvery: recordEvery, KeepEigenvectors: true), solver);
        run.FinalParameters?.Dispose();
        var records = run.Records;
        try
        {
            var overlap = records.Select((r, i) => i == 0 ? double.NaN
                : EigenvectorSimilarity.AbsCosine(r.Eigenvectors![.., 0], records[i - 1].Eigenvectors![.., 0])).ToArray();
            var summary = !run.Diverged && records.Count >= 2 ? EdgeOfStabilityStatistics.Sharpening(run) : null;
            return new SharpeningRun(eta, run.Diverged, records.Count, records.Count > 0 ? records[0].Sharpness : double.NaN,
                summary?.InitialRatio, summary?.PeakRatio, summary?.LateMedianRatio, summary?.LateFractionNearLimit, summary?.LossIncreases,
                summary?.FinalLossFraction, records.Select(r => (long)r.Step).ToArray(), run.StabilityRatio, overlap, run.Losses);
        }
        finally
        {
            foreach (var r in records) r.Eigenvectors?.Dispose();
        }
    }
}
