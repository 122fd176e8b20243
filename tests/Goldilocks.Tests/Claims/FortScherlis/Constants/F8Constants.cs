namespace Goldilocks.Tests.Claims.FortScherlis;

/// <summary>F8 margins (specs/F8; calibration seeds 0..19).</summary>
internal static class F8Constants
{
    /// <summary>PC(r_init)/PC(0.3 r_init) must exceed this; calibrated min 2.45, median 14.6</summary>
    public const double MinPeakRatio = 1.5;

    /// <summary>PC at 0.05 r_init must stay below this; calibrated max 8.7e-4 (theory PC ∝ r³)</summary>
    public const double MaxInsidePc = 0.01;

    /// <summary>Seeds scanned; the zone shape must hold on each</summary>
    public const int Seeds = 3;

    /// <summary>Seed of the one radius relabelling the negative control draws</summary>
    public const int NullDraw = 1;
}
