namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>W5 tolerances and case counts (specs/W5).</summary>
internal static class W5Constants
{
    /// <summary>FsCheck cases of each property</summary>
    public const int PropertyCases = 60;

    /// <summary>Relative tolerance of the App. C Hessian against autograd</summary>
    public const double PaperHessianRtol = 1e-11;

    /// <summary>Relative tolerance of the library Hessian against autograd</summary>
    public const double HessianRtol = 1e-12;

    /// <summary>Relative tolerance of the secular-equation λ₁ against eigh</summary>
    public const double EigenvalueRtol = 1e-11;

    /// <summary>1 − |cos(u_closed, v₁)|</summary>
    public const double EigenvectorTolerance = 1e-10;

    /// <summary>Spread of the Eq. 8 constants relative to their size</summary>
    public const double ConstantsRtol = 1e-9;

    /// <summary>Relative tolerance of the uniform bound 2√κ/(1+κ)</summary>
    public const double BoundRtol = 1e-14;

    /// <summary>Absolute slack of |cos(v₁, ∇Θ)| ≥ Kantorovich bound ≥ uniform bound</summary>
    public const double RoundOff = 1e-12;

    /// <summary>The tilt control's |cos| must fall below this</summary>
    public const double MaxTiltCosine = 0.999;
}
