namespace Goldilocks.Tests.Claims.FortScherlis;

/// <summary>F4 margins and sizes (specs/F4; calibration: FortScherlisCalibration, seeds 0..19).</summary>
internal static class F4Constants
{
    /// <summary>Seeds with PC(H) ≥ MinResolvablePc that the growth/plateau checks need; 9/20 calibrated seeds qualify, P(fewer than 3 of 20) ≈ 1e-3 (binomial)</summary>
    public const int Admitted = 3;

    /// <summary>Seeds tried, in order, to find the admitted ones</summary>
    public const int MaxSeeds = 20;

    /// <summary>PC(H) from which PC(H_2) and PC(H_32) differ by ≥ 50% in theory (9/9 calibrated seeds with PC ≥ 1.5 grow)</summary>
    public const double MinResolvablePc = 1.5;

    /// <summary>Random bases averaged per dimension d</summary>
    public const int Bases = 6;

    /// <summary>Lower bound of PC(H_32)/PC(H) on admitted seeds; calibrated min 0.918 (theory ≥ 0.9)</summary>
    public const double MinPlateau = 0.8;

    /// <summary>The positive fraction must fall from d = 2 to d = 32 by more than this (the claim's direction; calibrated min 0.010, 20/20 > 0)</summary>
    public const double MinPositiveDrop = 0.0;

    /// <summary>Relative tolerance of PC(H_D) = PC(H) (an orthonormal basis is a similarity transform)</summary>
    public const double FullDimensionRtol = 1e-10;

    /// <summary>Seed of the one relabelling the negative control draws (d = 2 / d = 32 labels of the bases permuted); the relabelling null passes the test in 0.68 % of 10,000 draws</summary>
    public const int NullDraw = 1;
}
