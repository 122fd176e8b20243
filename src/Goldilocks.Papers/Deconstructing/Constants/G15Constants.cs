namespace Goldilocks.Papers.Deconstructing;

/// <summary>G15 margins and sizes (specs/G15; calibration: StatisticalCalibration.PriorGradientLine, seeds 0-19).</summary>
internal static class G15Constants
{
    /// <summary>FashionMNIST images per class in the pool</summary>
    public const int PerClass = 50;

    /// <summary>Class priors Q ~ Dirichlet(1)</summary>
    public const int Priors = 60;

    /// <summary>Images drawn (with replacement) per prior</summary>
    public const int SubsetSize = 300;

    /// <summary>Smallest Pearson r between ‖∇L‖ and ‖Q̂ − Q‖; calibrated minimum 0.136</summary>
    public const double MinPearson = 0.1;
}
