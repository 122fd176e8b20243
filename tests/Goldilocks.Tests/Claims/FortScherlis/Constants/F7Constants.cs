namespace Goldilocks.Tests.Claims.FortScherlis;

/// <summary>F7 network check (specs/F7).</summary>
internal static class F7Constants
{
    /// <summary>The Monte Carlo mean of Tr H − [∂²⟨L⟩ + (D−1)/r ∂⟨L⟩] must lie within this many standard errors of 0</summary>
    public const double MaxStandardErrors = 4;

    /// <summary>Random cross-polytope frames of directions</summary>
    public const int Frames = 2;

    /// <summary>Cross-polytope frames of the quartic Monte Carlo checks</summary>
    public const int QuarticFrames = 1200;

    /// <summary>Largest |z| of the quartic Monte Carlo means against their closed forms (the D/r control must reach it)</summary>
    public const double QuarticMaxZ = 5;

    /// <summary>Relative tolerance of the per-frame ⟨Tr H⟩ and of the quadratic identities</summary>
    public const double Rtol = 1e-12;

    /// <summary>FsCheck cases of the quadratic property</summary>
    public const int PropertyCases = 20;
}
