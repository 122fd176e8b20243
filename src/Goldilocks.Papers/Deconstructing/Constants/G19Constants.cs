namespace Goldilocks.Papers.Deconstructing;

/// <summary>G19 margins (specs/G19).</summary>
internal static class G19Constants
{
    /// <summary>Share of samples with one-hot softmax at α = 100</summary>
    public const double MinCollapsedFraction = 0.9;

    /// <summary>‖G‖₂/‖H-term‖₂ at α = 100</summary>
    public const double MaxDominanceRatio = 1e-3;

    /// <summary>PC(H) at α = 100 relative to the peak of the sweep</summary>
    public const double MaxPcShare = 0.35;
}
