namespace Goldilocks.Papers.Deconstructing;

/// <summary>G18 margins (specs/G18).</summary>
internal static class G18Constants
{
    /// <summary>Log-log slope deviation from 2L − 2 and L − 2 over α ∈ [1e-3, 1e-2]: O(α^L · spread(z)) ≈ 1e-6 · spread; measured 2.1e-7 and 1.8e-7</summary>
    public const double SlopeTolerance = 1e-5;

    /// <summary>‖G‖₂/‖H-term‖₂ at α = 1e-3 (H-term dominates)</summary>
    public const double MaxDominanceRatio = 0.1;

    /// <summary>PC(H) at α = 1e-3 relative to the peak of the sweep</summary>
    public const double MaxPcShare = 0.35;
}
