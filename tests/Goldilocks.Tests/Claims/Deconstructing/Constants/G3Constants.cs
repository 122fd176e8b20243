namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G3 tolerances and sizes (specs/G3).</summary>
internal static class G3Constants
{
    /// <summary>FsCheck cases of the operator-vs-explicit property</summary>
    public const int PropertyCases = 6;

    /// <summary>Relative tolerance of the operators against the explicit Jᵀ[diag(p) − ppᵀ]J/T² and Σ(p − y)/T ∇²z</summary>
    public const double Rtol = 1e-9;

    /// <summary>Relative tolerance of H = G + H-term (round-off of sums of O(P·N) products)</summary>
    public const double SplitRtol = 1e-10;

    /// <summary>Temperature of the 1/T negative control (the wrong form is off by |1 − T|)</summary>
    public const double ControlTemperature = 2.0;
}
