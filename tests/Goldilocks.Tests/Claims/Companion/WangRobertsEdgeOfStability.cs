using Goldilocks.Objectives;
using Goldilocks.Training;

namespace Goldilocks.Tests.Claims.Companion;

/// <summary>The calibrated settings of W9-W12 (shared by the claim tests and the calibration).</summary>
public static class WangRobertsEdgeOfStability
{
    public const double Eta = 0.3, LargeEta0 = 0.45, SmallEta = 0.1;
    public const int Steps = 160, RecordEvery = 5, RotationWindow = 40, SwitchEarly = 60, SwitchLate = 120, AfterSwitch = 80;

    public static SharpnessTrackingResult Track(Objective objective, Tensor theta0) =>
        SharpnessTracking.Run(objective, theta0, Eta, Steps,
            new SharpnessTrackingOptions(TopK: 3, RecordEvery: RecordEvery, Block: 4, Iterations: 2, SharpeningFactor: true, KeepEigenvectors: true));

    public static SharpnessTrackingResult Suppressed(Objective objective, Tensor theta0) =>
        SharpnessTracking.Run(objective, theta0, Eta, Steps, new SharpnessTrackingOptions(RecordEvery: 1, Block: 4, Iterations: 1, Suppress: true));

    /// <summary>Peak sharpness after switching to η = 0.1: (η₀ = 0.3, early), (η₀ = 0.45, early), (η₀ = 0.3, late).</summary>
    public static (double Base, double LargerEta0, double LaterSwitch) SwitchPeaks(Objective objective, Tensor theta0)
    {
        var o = new SharpnessTrackingOptions(RecordEvery: 10, Block: 2, Iterations: 2);
        return (EdgeOfStabilityStatistics.PeakSharpnessAfterSwitch(objective, theta0, Eta, SwitchEarly, SmallEta, AfterSwitch, o),
            EdgeOfStabilityStatistics.PeakSharpnessAfterSwitch(objective, theta0, LargeEta0, SwitchEarly, SmallEta, AfterSwitch, o),
            EdgeOfStabilityStatistics.PeakSharpnessAfterSwitch(objective, theta0, Eta, SwitchLate, SmallEta, AfterSwitch, o));
    }
}
