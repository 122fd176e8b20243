namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>X2 tolerances (specs/X2).</summary>
internal static class X2Constants
{
    /// <summary>Relative tolerance of L_T(αθ) = L_(T/α^L)(θ)</summary>
    public const double LossRtol = 1e-11;

    /// <summary>Floor of the relative tolerance of H_1(αθ) = α⁻²H_(α^−L)(θ)</summary>
    public const double HessianRtolFloor = 1e-8;

    /// <summary>Round-off of H relative to min_μ(1 − max_k p_μk): the tolerance is HessianRtolFloor + HessianRoundOff/margin</summary>
    public const double HessianRoundOff = 1e-13;

    /// <summary>Cap of that tolerance</summary>
    public const double HessianRtolCap = 1e-3;

    /// <summary>Cases with min_μ(1 − max_k p_μk) below this hold no digit of H in float64 and are discarded</summary>
    public const double MinMargin = 1e-10;

    /// <summary>FsCheck cases of the loss identity</summary>
    public const int LossCases = 40;

    /// <summary>FsCheck cases of the Hessian identity</summary>
    public const int HessianCases = 6;
}
