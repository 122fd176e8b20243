namespace Goldilocks.Papers.Deconstructing;

/// <summary>G23 margins and sizes (specs/G23; calibration: StatisticalCalibration, seeds 0-19).</summary>
internal static class G23Constants
{
    /// <summary>Kaiming initializations per study (at 60 the permutation null passed the sign margins in 21 % of draws)</summary>
    public const int Inits = 240;

    /// <summary>Dimension of the random subspace</summary>
    public const int Dimension = 10;

    /// <summary>Smallest Spearman(PC, mean entropy); with the two below the PC-permutation null passes all three in 0.44 % of 10,000 draws</summary>
    public const double MinPcVsEntropy = 0.13;

    /// <summary>Largest Spearman(PC, initial loss)</summary>
    public const double MaxPcVsLoss = -0.13;

    /// <summary>Largest Spearman(PC, gradient norm)</summary>
    public const double MaxPcVsGradientNorm = -0.13;

    /// <summary>Largest Spearman(mean entropy, initial loss)</summary>
    public const double MaxEntropyVsLoss = -0.2;

    /// <summary>Seed of the one permutation draw of the negative control (PC permuted across the initializations)</summary>
    public const int NullDraw = 1;
}
