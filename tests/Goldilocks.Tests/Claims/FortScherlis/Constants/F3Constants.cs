namespace Goldilocks.Tests.Claims.FortScherlis;

/// <summary>F3 margins and sizes (specs/F3).</summary>
internal static class F3Constants
{
    /// <summary>FsCheck cases of the Gaussian-direction property</summary>
    public const int PropertyCases = 10;

    /// <summary>Random directions per Gaussian-direction case</summary>
    public const int Directions = 20000;

    /// <summary>Largest |z| of a Monte Carlo mean against its closed form</summary>
    public const double MaxZ = 4.5;

    /// <summary>Relative tolerance of a Monte Carlo variance against its closed form</summary>
    public const double VarianceRtol = 0.10;

    /// <summary>D of the unit-direction check</summary>
    public const int UnitDimension = 12;

    /// <summary>Unit directions of that check</summary>
    public const int UnitDirections = 40000;

    /// <summary>|uᵀIu − 1| for unit u</summary>
    public const double IdentityRoundOff = 1e-13;

    /// <summary>Closed-form Gaussian variance for H = I against 2/D</summary>
    public const double ClosedFormRoundOff = 1e-15;

    /// <summary>Haar d-frames of the subspace checks</summary>
    public const int Frames = 4000;

    /// <summary>D of the subspace checks</summary>
    public const int SubspaceDimension = 12;

    /// <summary>D of the subspace checks</summary>
    public const int SubspaceRank = 6;

    /// <summary>Subspace draws of the network Monte Carlo check</summary>
    public const int NetworkDraws = 4000;

    /// <summary>Uniform-direction mean within this many standard errors of Tr/D</summary>
    public const double UnitMeanStandardErrors = 4;

    /// <summary>Relative tolerance of the uniform-direction variance against 2(D‖H‖² − Tr²)/(D²(D+2))</summary>
    public const double UnitVarianceRtol = 0.06;

    /// <summary>The Gaussian variance formula must miss the unit-direction variance by more than this share</summary>
    public const double MinGaussianMisfit = 0.15;
}
