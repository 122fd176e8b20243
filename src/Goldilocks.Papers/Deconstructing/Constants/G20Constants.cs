namespace Goldilocks.Papers.Deconstructing;

/// <summary>G20 margins (specs/G20).</summary>
internal static class G20Constants
{
    /// <summary>Smallest α at which PC(H) may peak</summary>
    public const double MinPeakAlpha = 0.1;

    /// <summary>Largest α at which PC(H) may peak</summary>
    public const double MaxPeakAlpha = 10;

    /// <summary>PC(H) at α = 1 relative to the peak</summary>
    public const double MinShareAtOne = 0.6;

    /// <summary>"in the zone": PC(H) at least this share of the peak</summary>
    public const double HalfPeak = 0.5;

    /// <summary>Grid points (of the 7 with α ≥ 1e-2) where "in the zone" and ‖G‖₂ ≥ ‖H-term‖₂ may disagree</summary>
    public const int MaxDisagreements = 2;
}
