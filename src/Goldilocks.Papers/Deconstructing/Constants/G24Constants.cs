namespace Goldilocks.Papers.Deconstructing;

/// <summary>G24 margins and sizes (specs/G24; calibration: StatisticalCalibration, seeds 0-19).</summary>
internal static class G24Constants
{
    /// <summary>Dimension of the projected Hessian</summary>
    public const int Dimension = 20;

    /// <summary>Hutchinson probes per point</summary>
    public const int Probes = 30;

    /// <summary>Smallest Pearson correlation between the projected and Hutchinson PC curves over α</summary>
    public const double MinPearson = 0.9;

    /// <summary>A zone edge is where PC first/last reaches this share of the peak</summary>
    public const double EdgeShare = 0.5;

    /// <summary>Largest shift of the 50 %-of-peak zone edges between the two curves, in decades of α (one step of a half-decade grid, two of a quarter-decade grid)</summary>
    public const double MaxEdgeShiftDecades = 0.5;

    /// <summary>Fewest α points for the curve comparison (the test has 9): two independent curves reach Pearson ≥ 0.9 with probability 1/2 at 2 points, ≈ 14 % at 3 and ≈ 2 % at 5</summary>
    public const int MinPoints = 5;

    /// <summary>α points of the test grid over [1e-2, 1e2] (quarter decades): on 9 half-decade points the permutation null passed 2.1 % of draws, by swapping plateau values</summary>
    public const int Levels = 17;

    /// <summary>Seed of the one permutation draw of the negative control (Hutchinson curve permuted across α)</summary>
    public const int NullDraw = 1;
}
