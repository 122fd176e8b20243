namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G2 tolerances and sizes (specs/G2).</summary>
internal static class G2Constants
{
    /// <summary>FsCheck cases</summary>
    public const int PropertyCases = 40;

    /// <summary>Relative tolerance of ∇L(αθ, T = α^L) = α⁻¹∇L(θ, 1)</summary>
    public const double Rtol = 1e-10;

    /// <summary>With T = 1 instead of α^L the gradient identity must miss by more than this</summary>
    public const double MinControlDeviation = 0.1;
}
