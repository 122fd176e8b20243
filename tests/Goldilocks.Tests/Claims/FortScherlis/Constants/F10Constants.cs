namespace Goldilocks.Tests.Claims.FortScherlis;

/// <summary>F10 margins (specs/F10).</summary>
internal static class F10Constants
{
    /// <summary>GD starts at this multiple of r_init</summary>
    public const double StartRadius = 0.1;

    /// <summary>‖θ_T‖/r_init must exceed this (at least doubled from StartRadius)</summary>
    public const double MinRatio = 0.2;
}
