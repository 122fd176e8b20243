
namespace Goldilocks.Tests.Claims.Companion;

/// <summary>The calibrated settings of W9-W12 (shared by the claim tests and the calibration).</summary>
public static class WangRobertsEdgeOfStability
{
    public const double Eta = 0.3, LargeEta0 = 0.45, SmallEta = 0.1;
    public const int Steps = 160, RecordEvery = 5, RotationWindow = 40, SwitchEarly = 60, SwitchLate = 120, AfterSwitch = 80;

    /// <summary>The η = 0.3 run; <paramref name="extras"/> adds the top-3 eigenvectors and −∇L·∇S to the records (the
    /// trajectory and the sharpness estimates are the same either way).</summary>
    public static SharpnessTrackingResult Track(Objective objective, Tensor theta0, bool extras = true) =>
        SharpnessTracking.Run(objective, theta0, Eta, Steps,
            new SharpnessTrackingOptions(TopK: extras ? 3 : 1, RecordEvery: RecordEvery, Block: 4, Iterations: 2, SharpeningFactor: extras, KeepEigenvectors: extras));

    public static SharpnessTrackingResult Suppressed(Objective objective, Tensor theta0) =>
        SharpnessTracking.Run(objective, theta0, Eta, Steps, new SharpnessTrackingOptions(RecordEvery: 1, Block: 4, Iterations: 1, Suppress: true));

    private static readonly SharpnessTrackingOptions SwitchOptions = new(RecordEvery: 10, Block: 2, Iterations: 2);

    /// <summary>Peak sharpness after switching to η = 0.1 at step t₀ from a run at η₀.</summary>
    public static double SwitchPeak(Objective objective, Tensor theta0, double eta0, int switchStep) =>
        EdgeOfStabilityStatistics.PeakSharpnessAfterSwitch(objective, theta0, eta0, switchStep, SmallEta, AfterSwitch, SwitchOptions);

    /// <summary>(η₀ = 0.3, early), (η₀ = 0.45, early), (η₀ = 0.3, late switch).</summary>
    public static (double Base, double LargerEta0, double LaterSwitch) SwitchPeaks(Objective objective, Tensor theta0) =>
        (SwitchPeak(objective, theta0, Eta, SwitchEarly), SwitchPeak(objective, theta0, LargeEta0, SwitchEarly), SwitchPeak(objective, theta0, Eta, SwitchLate));
}
