namespace Goldilocks.Papers.Sagun;

/// <summary>S5 margins (specs/S5; calibration: SagunCalibration, seeds 0..19).</summary>
internal static class S5Constants
{
    /// <summary>Median λ_K/λ_(K+1) of trained ReLU nets must exceed this; calibrated ReLU minimum 1.307 (K = 5) and 1.49 (K = 2)</summary>
    public const double MinKthRatio = 1.2;

    /// <summary>The tanh contrast's λ_K/λ_(K+1) must stay below this; calibrated tanh K = 5 max 1.334 (ReLU median 2.11)</summary>
    public const double MaxTanhKthRatio = 1.5;
}
