namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>W2 tolerances and discard limit (specs/W2).</summary>
internal static class W2Constants
{
    /// <summary>FsCheck cases of each W2 property</summary>
    public const int PropertyCases = 60;

    /// <summary>Largest number of discarded cases (|θ₁| = |θ₂|, probability 1/23 per case: about 2.7 expected per run) per run of the R₂ property; FsCheck gives up and the test fails beyond it</summary>
    public const int MaxDiscards = 12;

    /// <summary>Relative tolerance of R₂ and |u₁/u₂| against eigh</summary>
    public const double RatioRtol = 1e-9;

    /// <summary>Relative tolerance of the Eq. 4 Hessian and Eq. 5 eigenvalues against autograd/eigh</summary>
    public const double HessianRtol = 1e-12;

    /// <summary>With θ₁² &gt; θ₂² the paper's literal R₂ = |u₁/u₂| must miss the measured ratio by more than this share</summary>
    public const double MinLiteralGap = 1e-3;

    /// <summary>Relative tolerance of r₂ = 2qΘ/(q−1) for monomials</summary>
    public const double CouplingRtol = 1e-14;
}
