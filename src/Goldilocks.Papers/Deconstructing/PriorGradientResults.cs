namespace Goldilocks.Papers.Deconstructing;

/// <summary>What the <c>prior-gradient</c> command writes: ‖∇L‖ over the prior mismatch (Fig. 5b) and the gradient
/// cosine between the data and Gaussian-noise images over α (Fig. 5a).</summary>
public sealed record PriorGradientResults(PriorGradientResult Prior, IReadOnlyList<GradientCosinePoint> Cosine);
