namespace Goldilocks.Tests.Claims.FortScherlis;

/// <summary>F7 network check (specs/F7).</summary>
internal static class F7Constants
{
    /// <summary>The Monte Carlo mean of Tr H − [∂²⟨L⟩ + (D−1)/r ∂⟨L⟩] must lie within this many standard errors of 0</summary>
    public const double MaxStandardErrors = 4;

    /// <summary>Random cross-polytope frames of directions</summary>
    public const int Frames = 2;
}
