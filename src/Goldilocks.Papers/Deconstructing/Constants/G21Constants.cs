namespace Goldilocks.Papers.Deconstructing;

/// <summary>G21 margins (specs/G21).</summary>
internal static class G21Constants
{
    /// <summary>Relative tolerance of PC at T = α^L vs α = 1 (and T = α^(−L) vs the α sweep); measured ≤ 9.5e-15</summary>
    public const double Rtol = 1e-12;

    /// <summary>PC(H) at T = 1 relative to the peak of the T sweep</summary>
    public const double MinShareAtOne = 0.6;

    /// <summary>PC(H) at the hottest and coldest T relative to the peak</summary>
    public const double MaxEdgeShare = 0.35;
}
