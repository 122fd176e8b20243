namespace Goldilocks.Papers.Deconstructing;

/// <summary>What the <c>gamma</c> command writes: the logit paths of Fig. 4 right and the Eq. 8 comparison of Fig. 3.</summary>
public sealed record GammaResults(GammaCurvesResult Curves, Eq8Result Eq8)
{
    /// <summary>Paths along which Γ_p⁻² never falls as the entropy falls.</summary>
    public int MonotonePaths => Curves.Paths.Count(p => p.MonotonicityViolation == 0);
}
