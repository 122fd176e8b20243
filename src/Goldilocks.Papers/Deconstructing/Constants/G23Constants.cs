namespace Goldilocks.Papers.Deconstructing;

/// <summary>G23 margins and sizes (specs/G23; calibration: StatisticalCalibration, seeds 0-19).</summary>
internal static class G23Constants
{
    /// <summary>Kaiming initializations per study (25 left a Spearman noise of ~0.2)</summary>
    public const int Inits = 60;

    /// <summary>Dimension of the random subspace</summary>
    public const int Dimension = 10;

    /// <summary>Smallest Spearman(PC, mean entropy)</summary>
    public const double MinPcVsEntropy = 0.05;

    /// <summary>Largest Spearman(PC, initial loss)</summary>
    public const double MaxPcVsLoss = -0.05;

    /// <summary>Largest Spearman(PC, gradient norm)</summary>
    public const double MaxPcVsGradientNorm = -0.05;

    /// <summary>Largest Spearman(mean entropy, initial loss)</summary>
    public const double MaxEntropyVsLoss = -0.2;
}
