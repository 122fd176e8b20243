namespace Goldilocks.Papers.Deconstructing;

/// <summary>G22 margins (specs/G22; calibration: StatisticalCalibration.Eq8, seeds 0-19).</summary>
internal static class G22Constants
{
    /// <summary>Confidence levels α on a log grid over [0.1, 10]</summary>
    public const int Levels = 17;

    /// <summary>Dimension of the random subspace</summary>
    public const int Dimension = 50;

    /// <summary>Levels with a defined G-term PC needed</summary>
    public const int MinDefinedLevels = 13;

    /// <summary>Smallest Spearman(true G-term PC, Eq. 8 PC) over the levels</summary>
    public const double MinSpearman = 0.8;

    /// <summary>Smallest Eq. 8 / true PC at the hottest level (Eq. 8 overestimates at this scale)</summary>
    public const double MinHotRatio = 1.0;

    /// <summary>Largest Eq. 8 / true PC at the hottest level</summary>
    public const double MaxHotRatio = 2.5;

    /// <summary>Seed of the one permutation draw of the negative control (Eq. 8 permuted across the levels)</summary>
    public const int NullDraw = 1;
}
