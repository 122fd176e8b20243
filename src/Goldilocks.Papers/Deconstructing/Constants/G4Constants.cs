namespace Goldilocks.Papers.Deconstructing;

/// <summary>G4 tolerances and sizes (specs/G4).</summary>
internal static class G4Constants
{
    /// <summary>FsCheck cases of each property</summary>
    public const int PropertyCases = 6;

    /// <summary>Relative tolerance of the scaled decomposition and its curvature summaries</summary>
    public const double Rtol = 1e-8;

    /// <summary>The top eigenvectors are compared when λ₁ − λ₂ exceeds this share of |λ₁|</summary>
    public const double MinRelativeGap = 1e-6;

    /// <summary>1 − |cos| of the two top eigenvectors</summary>
    public const double EigenvectorTolerance = 1e-8;

    /// <summary>A broken premise must make H' = α⁻²H miss by more than this</summary>
    public const double MinControlDeviation = 0.1;
}
