namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G6 tolerances (specs/G6): round-off bounds of the exact rank, PSD and PC statements.</summary>
internal static class G6Constants
{
    /// <summary>Eigenvalues below this fraction of the largest count as zero when counting the rank</summary>
    public const double RankCut = 1e-9;

    /// <summary>Round-off slack of PC(G) ∈ [1, √rank]</summary>
    public const double PcSlack = 1e-10;

    /// <summary>Relative slack of |PC(A)| ≤ √d</summary>
    public const double SqrtDRtol = 1e-12;

    /// <summary>Relative tolerance of PC(I_9) = 3 and PC(vvᵀ) = 1</summary>
    public const double AttainedRtol = 1e-14;

    /// <summary>‖G − Gᵀ‖/‖G‖ and −λ_min/λ_max of the dense G-term (eigvalsh backward error ≈ ε‖G‖₂)</summary>
    public const double PsdRtol = 1e-12;

    /// <summary>FsCheck cases of the rank property</summary>
    public const int PropertyCases = 15;

    /// <summary>FsCheck cases of |PC(A)| ≤ √d</summary>
    public const int SymmetricCases = 50;
}
