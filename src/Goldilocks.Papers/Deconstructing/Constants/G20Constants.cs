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

    /// <summary>Zone points where ‖G‖₂ &lt; ‖H-term‖₂ (Eq. 6: the G-term dominates inside the zone)</summary>
    public const int MaxZonePointsWithoutDominance = 1;

    /// <summary>Decades between the zone's lower edge and the smallest α where ‖G‖₂ ≥ ‖H-term‖₂</summary>
    public const double MaxLowerEdgeGapDecades = 0.3;

    /// <summary>Grid points of the test's sweep, quarter decades over α ∈ [1e-3, 1e2]</summary>
    public const int GridPoints = 21;
}
