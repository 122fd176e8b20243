namespace Goldilocks.Papers.WangRoberts;

/// <summary>W4 tolerances, case counts and discard limits (specs/W4).</summary>
internal static class W4Constants
{
    /// <summary>FsCheck cases of the rotation-side property</summary>
    public const int PropertyCases = 100;

    /// <summary>Largest number of discarded cases (η = η* exactly, or a vanishing output factor) per run</summary>
    public const int MaxDiscards = 100;

    /// <summary>Cases with |γ_Θ| below this are discarded</summary>
    public const double MinOutputFactor = 1e-6;

    /// <summary>FsCheck cases of the threshold property</summary>
    public const int ThresholdCases = 50;

    /// <summary>Relative tolerance of |u₁/u₂| unchanged at η = η*</summary>
    public const double AlignmentRtol = 1e-8;

    /// <summary>Relative tolerance of η* = 2(q−1)/tr H</summary>
    public const double ThresholdRtol = 1e-13;

    /// <summary>Relative tolerance of the Fig. 1 closed forms η* and η_eos</summary>
    public const double Figure1Rtol = 1e-14;

    /// <summary>Relative tolerance of the library R₂ after the step against eigh</summary>
    public const double RatioRtol = 1e-9;
}
