namespace Goldilocks.Tests.Claims.FortScherlis;

/// <summary>F6 tolerances and case counts (specs/F6).</summary>
internal static class F6Constants
{
    /// <summary>FsCheck cases</summary>
    public const int PropertyCases = 15;

    /// <summary>Relative tolerance of θ·∇z = L·z</summary>
    public const double EulerRtol = 1e-12;

    /// <summary>A non-homogeneous model must miss θ·∇z = 3z by more than this</summary>
    public const double MinControlError = 1e-2;

    /// <summary>R/r_init of the small-radius check</summary>
    public const double SmallRadius = 1e-4;

    /// <summary>Relative tolerance of the mean loss at small radius (log K) and of the large-radius slope (L)</summary>
    public const double Rtol = 1e-9;
}
