namespace Goldilocks.Tests.Claims.Bridges;

/// <summary>X3 tolerances and sizes (specs/X3).</summary>
internal static class X3Constants
{
    /// <summary>FsCheck cases</summary>
    public const int PropertyCases = 40;

    /// <summary>Relative tolerance of L(cθ) = c^(nq) L(θ)</summary>
    public const double LossRtol = 1e-12;

    /// <summary>Relative tolerance of θ'_t = cθ_t</summary>
    public const double TrajectoryRtol = 1e-10;

    /// <summary>C of the η' = η negative control</summary>
    public const double ControlScale = 1.7;
}
