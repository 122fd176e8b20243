namespace Goldilocks.Papers.Deconstructing;

/// <summary>G15 margins and sizes (specs/G15; calibration: StatisticalCalibration.PriorGradientLine, seeds 0-19).</summary>
internal static class G15Constants
{
    /// <summary>FashionMNIST images per class in the pool</summary>
    public const int PerClass = 50;

    /// <summary>Class priors Q ~ Dirichlet(1) (60 left the permutation null passing r ≥ 0.2 in 6 % of draws)</summary>
    public const int Priors = 240;

    /// <summary>Images drawn (with replacement) per prior</summary>
    public const int SubsetSize = 300;

    /// <summary>Smallest Pearson r between ‖∇L‖ and ‖Q̂ − Q‖; the permutation null passes it in 0.14 % of 10,000 draws at 240 priors</summary>
    public const double MinPearson = 0.2;

    /// <summary>Seed of the one permutation draw of the negative control (‖∇L‖ permuted across the priors)</summary>
    public const int NullDraw = 1;
}
