namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G11 tolerances (specs/G11).</summary>
internal static class G11Constants
{
    /// <summary>FsCheck cases</summary>
    public const int PropertyCases = 200;

    /// <summary>Absolute round-off slack of the interlacing, the null eigenvalue and M·1 = 0</summary>
    public const double Tolerance = 1e-14;

    /// <summary>Relative tolerance of the K − 1 eigenvalues 1/K at uniform p</summary>
    public const double UniformRtol = 1e-13;

    /// <summary>|λ_K| at uniform p</summary>
    public const double UniformNull = 1e-15;
}
