namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>W12 margins and tolerances (specs/W12; calibration: WangRobertsEdgeOfStabilityCalibration, windows starting at seeds 0..19).</summary>
internal static class W12Constants
{
    /// <summary>Seeds whose plain run oscillates on which the suppressed run is judged</summary>
    public const int Window = 7;

    /// <summary>Seeds tried, in order, to find Window whose plain run oscillates</summary>
    public const int MaxSeeds = 40;

    /// <summary>Step-to-step loss increases of plain GD at η = 0.3 that make a seed's run oscillate (the premise)</summary>
    public const int MinPlainIncreases = 2;

    /// <summary>Seeds on which at least one direction was suppressed</summary>
    public const int MinSeedsSuppressed = 2;

    /// <summary>Relative tolerance of the suppressed update against the dense-eigh projection</summary>
    public const double SuppressionRtol = 1e-8;

    /// <summary>Step h of the central difference of λ₁</summary>
    public const double FiniteDifferenceStep = 1e-5;

    /// <summary>Relative tolerance of ∇S·d against the O(h²) central difference</summary>
    public const double SharpnessGradientRtol = 1e-5;
}
