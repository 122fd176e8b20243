namespace Goldilocks.Tests.Claims.Bridges;

/// <summary>X1 tolerances and sizes (specs/X1).</summary>
internal static class X1Constants
{
    /// <summary>GD steps of each tracked run</summary>
    public const int Steps = 12;

    /// <summary>Relative tolerance for α = 2 and 0.5 (scaling by a power of two is exact in float64)</summary>
    public const double PowerOfTwoRtol = 1e-12;

    /// <summary>Relative tolerance for α = 1.3</summary>
    public const double GeneralRtol = 1e-8;

    /// <summary>The raw sharpness must change by more than this share</summary>
    public const double MinSharpnessChange = 0.1;
}
