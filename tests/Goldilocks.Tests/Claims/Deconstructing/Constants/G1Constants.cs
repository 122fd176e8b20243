namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G1 tolerances and sizes (specs/G1).</summary>
internal static class G1Constants
{
    /// <summary>Relative tolerance of f(αθ) = α^L f(θ): each layer's rescaling costs ≈ ε relative</summary>
    public const double Rtol = 1e-12;

    /// <summary>FsCheck cases of the MLP property</summary>
    public const int PropertyCases = 50;

    /// <summary>FsCheck cases of the random-architecture property</summary>
    public const int ArchitectureCases = 25;

    /// <summary>With biases or tanh, the best-fitting degree must still violate homogeneity by more than this</summary>
    public const double MinViolation = 1e-2;

    /// <summary>Without its premise (biases or tanh) the degree-L identity must miss by more than this</summary>
    public const double MinControlDeviation = 0.05;
}
