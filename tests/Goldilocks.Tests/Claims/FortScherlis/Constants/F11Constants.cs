namespace Goldilocks.Tests.Claims.FortScherlis;

/// <summary>F11 margins (specs/F11).</summary>
internal static class F11Constants
{
    /// <summary>The mean over Seeds of Spearman(PC, initial loss) on the shell must be below this; calibrated max −0.400, median −0.606, mean + 3 SD −0.325 (sweep offsets 0..49); null 1 % quantile −0.275</summary>
    public const double MaxCorrelation = -0.3;

    /// <summary>Seeds (datasets) whose correlations are averaged</summary>
    public const int Seeds = 3;

    /// <summary>Kaiming draws on the shell per seed</summary>
    public const int Draws = 24;

    /// <summary>Seed of the one PC/loss permutation the negative control draws</summary>
    public const int NullDraw = 1;
}
