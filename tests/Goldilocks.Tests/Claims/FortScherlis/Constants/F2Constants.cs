namespace Goldilocks.Tests.Claims.FortScherlis;

/// <summary>F2 tolerances and sizes (specs/F2).</summary>
internal static class F2Constants
{
    /// <summary>FsCheck cases</summary>
    public const int PropertyCases = 20;

    /// <summary>Relative tolerance of the sparse unit column norms</summary>
    public const double NormRtol = 1e-14;

    /// <summary>Relative tolerance of QᵀQ = I</summary>
    public const double OrthonormalRtol = 1e-13;

    /// <summary>D of the Gram statistics</summary>
    public const int Dimension = 200;

    /// <summary>D of the Gram statistics</summary>
    public const int Columns = 60;

    /// <summary>Bases pooled for the Gram statistics</summary>
    public const int Bases = 8;

    /// <summary>Off-diagonal mean and mean square within this many standard errors of 0 and 1/D</summary>
    public const double MaxStandardErrors = 5;
}
