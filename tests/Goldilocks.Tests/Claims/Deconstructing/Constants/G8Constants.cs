namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G8 tolerances, case counts and discard limits (specs/G8).</summary>
internal static class G8Constants
{
    /// <summary>FsCheck cases of the single-p property</summary>
    public const int PropertyCases = 200;

    /// <summary>Largest number of discarded one-hot p per run of the single-p property (FsCheck gives up and the test fails beyond it)</summary>
    public const int MaxDiscards = 200;

    /// <summary>FsCheck cases of the batch property</summary>
    public const int BatchCases = 100;

    /// <summary>Largest number of discarded all-one-hot batches per run</summary>
    public const int MaxBatchDiscards = 100;

    /// <summary>Relative round-off slack of Γ ∈ [1, √(K−1)]</summary>
    public const double BoundRtol = 1e-12;

    /// <summary>The Eq. 10 cross-check runs where 1 − max p is at least this ((p − p²) cancels beyond)</summary>
    public const double Eq10MinMargin = 1e-3;

    /// <summary>Relative tolerance of Γ² by Eq. 10 against Tr/‖·‖_F</summary>
    public const double Eq10Rtol = 1e-10;

    /// <summary>Relative tolerance of Γ(uniform) = √(K−1)</summary>
    public const double UniformRtol = 1e-14;

    /// <summary>Shift of p₁ away from uniform in the uniqueness check</summary>
    public const double Tilt = 1e-3;

    /// <summary>Γ of the tilted p must fall below √(K−1) by more than this (K > 2)</summary>
    public const double MinDrop = 1e-9;
}
