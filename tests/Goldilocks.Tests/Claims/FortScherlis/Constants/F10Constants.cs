namespace Goldilocks.Tests.Claims.FortScherlis;

/// <summary>F10 margins (specs/F10).</summary>
internal static class F10Constants
{
    /// <summary>GD starts at this multiple of r_init</summary>
    public const double StartRadius = 0.1;

    /// <summary>‖θ_T‖/r_init must exceed this (3.5× StartRadius); calibrated min 0.355 (seeds 0..19), 0.536 (sweep offsets 0..49); the random-radial-sign null exceeds it in 1 of 3,000 draws</summary>
    public const double MinRatio = 0.35;

    /// <summary>Seed of the radial signs of the negative control's null run</summary>
    public const int NullDraw = 1;
}
