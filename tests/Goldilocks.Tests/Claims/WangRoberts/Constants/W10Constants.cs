namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>W10 margins (specs/W10; calibration: WangRobertsEdgeOfStabilityCalibration, windows starting at seeds 0..19).</summary>
internal static class W10Constants
{
    /// <summary>Consecutive seeds per median</summary>
    public const int Window = 5;

    /// <summary>Median peak S after the switch, η₀ = 0.45 over η₀ = 0.3</summary>
    public const double MaxRatio = 0.95;
}
