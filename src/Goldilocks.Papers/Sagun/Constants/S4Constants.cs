namespace Goldilocks.Papers.Sagun;

/// <summary>S4 margins and sizes (specs/S4; calibration: SagunCalibration, seeds 0..19).</summary>
internal static class S4Constants
{
    /// <summary>Consecutive seeds (data, init, training) whose median spectrum statistics S4 and S5 check</summary>
    public const int SpectrumWindow = 5;

    /// <summary>An eigenvalue is near zero when |λ| &lt; NearZeroRelative · max|λ|</summary>
    public const double NearZeroRelative = 1e-3;

    /// <summary>The claim's "most": median near-zero fraction at K = 2 must exceed this; calibrated min 0.600</summary>
    public const double MinZeroFractionK2 = 0.5;

    /// <summary>Median near-zero fraction at K = 5 ("most" does not hold there: median 0.413, min 0.327), a bulk only</summary>
    public const double MinZeroFractionK5 = 0.25;

    /// <summary>Cluster separation of the random-label null: the clusters collapse, so the labels carry no information about the inputs</summary>
    public const double NullSeparation = 1e-6;
}
