namespace Goldilocks.Tests.Claims.Sagun;

/// <summary>S2 tolerances and case counts (specs/S2).</summary>
internal static class S2Constants
{
    /// <summary>FsCheck cases of the rank property</summary>
    public const int RankCases = 5;

    /// <summary>FsCheck cases of the least-squares property</summary>
    public const int LeastSquaresCases = 15;

    /// <summary>Eigenvalues above this share of the largest |λ| count towards the rank</summary>
    public const double RankCut = 1e-10;

    /// <summary>Relative tolerance of H = I_K ⊗ XᵀX/N</summary>
    public const double LeastSquaresRtol = 1e-13;
}
