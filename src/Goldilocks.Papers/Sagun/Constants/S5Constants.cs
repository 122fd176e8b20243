namespace Goldilocks.Papers.Sagun;

/// <summary>S5 margins (specs/S5; calibration: SagunCalibration, seeds 0..19).</summary>
internal static class S5Constants
{
    /// <summary>Median λ_2/λ_3 of trained ReLU nets at K = 2 must exceed this; window medians at sweep offsets 0..49 at least 2.449; random-label null: 1 of 250 nets above it (max 1.663)</summary>
    public const double MinKthRatioK2 = 1.6;

    /// <summary>Median λ_5/λ_6 of trained ReLU nets at K = 5 must exceed this; window medians at sweep offsets 0..49 at least 1.482; random-label null: 8 of 250 nets above it (max 1.488)</summary>
    public const double MinKthRatioK5 = 1.3;

    /// <summary>The tanh contrast's λ_K/λ_(K+1) must stay below this; calibrated tanh K = 5 max 1.334 (ReLU median 2.11)</summary>
    public const double MaxTanhKthRatio = 1.5;
}
