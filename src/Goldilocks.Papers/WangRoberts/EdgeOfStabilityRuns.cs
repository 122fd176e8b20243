namespace Goldilocks.Papers.WangRoberts;

/// <summary>W10: peak sharpness after switching to the small η: (η₀ = 0.3, early switch), (η₀ = 0.45, early), (η₀ = 0.3, late switch).</summary>
public sealed record SwitchPeaks(double Base, double LargerEta0, double LaterSwitch);

/// <summary>
/// The runs of Wang &amp; Roberts Sec. 2.1, 3.2-3.3 and App. G (claims W9-W12) on <see cref="SquaredErrorSetup"/>, with
/// their calibrated settings: full-batch GD at η = <see cref="Eta"/> for <see cref="Steps"/> steps, the top Hessian
/// eigenvalues tracked by warm-started subspace iteration.
/// </summary>
public static class EdgeOfStabilityRuns
{
    /// <summary>The learning rate of the tracked runs (2/η = 6.7).</summary>
    public const double Eta = 0.3;

    /// <summary>The larger initial learning rate of the W10 switch comparison.</summary>
    public const double LargeEta0 = 0.45;

    /// <summary>The learning rate switched to in W10.</summary>
    public const double SmallEta = 0.1;

    /// <summary>The larger initial learning rate of W10's null model, which compares η₀ = <see cref="SmallEta"/> with this
    /// one: both stable (2/η₀ = 20 and 13.3; the η₀ = 0.15 phase stays below 2/η₀ on 99 of seeds 0..99, spec W10), so
    /// neither run has an edge of stability to flatten the landscape; the ratio 1.5 is that of <see cref="LargeEta0"/> to <see cref="Eta"/>.</summary>
    public const double StableLargeEta0 = 0.15;

    /// <summary>GD steps of the tracked runs.</summary>
    public const int Steps = 160;

    /// <summary>Steps between tracked records.</summary>
    public const int RecordEvery = 5;

    /// <summary>Records after the edge-of-stability onset over which W11's eigenvector rotation is measured.</summary>
    public const int RotationWindow = 40;

    /// <summary>Early and late switch steps of W10.</summary>
    public const int SwitchEarly = 60, SwitchLate = 120;

    /// <summary>Steps run at the small η after a W10 switch.</summary>
    public const int AfterSwitch = 80;

    /// <summary>The η = 0.3 run; <paramref name="extras"/> adds the top-3 eigenvectors and −∇L·∇S to the records (the
    /// trajectory and the sharpness estimates are the same either way). <paramref name="eta"/> replaces η = 0.3 (the
    /// W9 null model runs the same setup at a stable η).</summary>
    public static EigenTrackingResult Track(Objective objective, Tensor theta0, bool extras = true, double eta = Eta)
    {
        using var solver = new WarmStartedSubspaceIteration(blockSize: 4, iterations: 2);
        return EigenTracking.Run(objective, theta0, eta, Steps,
            new EigenTrackingOptions(TopK: extras ? 3 : 1, RecordEvery: RecordEvery, SharpeningFactor: extras, KeepEigenvectors: extras), solver);
    }

    /// <summary>The η = 0.3 run with the update along eigen-directions above 2/η removed (App. G). Block 8: with the
    /// directions frozen, up to 5 eigenvalues climb past 2/η on some seeds (3, 9 with block 4), and the suppression needs
    /// one computed eigenvalue below 2/η to know it has them all.</summary>
    public static EigenTrackingResult Suppressed(Objective objective, Tensor theta0)
    {
        using var solver = new WarmStartedSubspaceIteration(blockSize: 8, iterations: 1);
        return EigenTracking.Run(objective, theta0, Eta, Steps, new EigenTrackingOptions(RecordEvery: 1), solver, new EigenDirectionSuppression(8));
    }

    /// <summary>W12's null model: <see cref="Suppressed"/> with the suppression switched off (plain GD at η = 0.3 with the
    /// same solver and a record at every step), keeping all 8 computed eigenvalues so that the directions the
    /// suppression would remove are still counted (<see cref="EdgeOfStabilityStatistics.Suppression"/>).</summary>
    public static EigenTrackingResult Unsuppressed(Objective objective, Tensor theta0)
    {
        using var solver = new WarmStartedSubspaceIteration(blockSize: 8, iterations: 1);
        return EigenTracking.Run(objective, theta0, Eta, Steps, new EigenTrackingOptions(TopK: 8, RecordEvery: 1), solver);
    }

    /// <summary>Loss increases step to step of plain full-batch GD at η = 0.3 (the W9 trajectory, every step recorded:
    /// the edge-of-stability oscillation has period 2 and a coarser record spacing under-samples it); <paramref name="eta"/> replaces η = 0.3.</summary>
    public static int PerStepLossIncreases(Objective objective, Tensor theta0, double eta = Eta)
    {
        var run = GradientDescent.Run(objective, theta0, eta, Steps);
        run.FinalParameters.Dispose();
        return run.Records.Zip(run.Records.Skip(1)).Count(p => p.Second.Loss > p.First.Loss);
    }

    private static readonly EigenTrackingOptions SwitchOptions = new(RecordEvery: 10);

    private static IEigenSolver SwitchSolver() => new WarmStartedSubspaceIteration(blockSize: 2, iterations: 2);

    /// <summary>Peak sharpness after switching to η = 0.1 at step t₀ from a run at η₀ (Sec. 3.3).</summary>
    public static double SwitchPeak(Objective objective, Tensor theta0, double eta0, int switchStep) =>
        EdgeOfStabilityStatistics.PeakSharpnessAfterSwitch(objective, theta0, eta0, switchStep, SmallEta, AfterSwitch, SwitchOptions, SwitchSolver);

    /// <summary>The three switch runs W10 compares.</summary>
    public static SwitchPeaks SwitchPeaks(Objective objective, Tensor theta0) =>
        new(SwitchPeak(objective, theta0, Eta, SwitchEarly), SwitchPeak(objective, theta0, LargeEta0, SwitchEarly), SwitchPeak(objective, theta0, Eta, SwitchLate));
}
