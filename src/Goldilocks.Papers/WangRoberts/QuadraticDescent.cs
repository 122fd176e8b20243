namespace Goldilocks.Papers.WangRoberts;

/// <summary>
/// Gradient descent on a quadratic L(θ) = ½ θᵀAθ (Wang &amp; Roberts Sec. 2.1, the descent lemma). In the eigenbasis of
/// A every component is multiplied by 1 − ηλ per step: it flips sign iff η &gt; 1/λ and grows in magnitude iff
/// η &gt; 2/λ; so η &lt; 2/λ_max makes every component, and the loss, shrink.
/// </summary>
public static class QuadraticDescent
{
    /// <summary>The per-step factor 1 − ηλ of the component along an eigenvector with eigenvalue λ.</summary>
    public static double ComponentFactor(double eigenvalue, double learningRate) => 1 - learningRate * eigenvalue;

    /// <summary>True iff the component changes sign in one step: η &gt; 1/λ (for λ &gt; 0).</summary>
    public static bool Flips(double eigenvalue, double learningRate) => learningRate * eigenvalue > 1;

    /// <summary>True iff the component grows in magnitude: η &gt; 2/λ (for λ &gt; 0).</summary>
    public static bool Grows(double eigenvalue, double learningRate) => learningRate * eigenvalue > 2;

    /// <summary>
    /// The descent lemma's guaranteed decrease for an l-smooth function: L(θ − η∇L) ≤ L(θ) − η(1 − lη/2)‖∇L‖².
    /// Returns the bound on L(θ') − L(θ).
    /// </summary>
    public static double DescentLemmaBound(double smoothness, double learningRate, double gradientNormSquared) =>
        -learningRate * (1 - smoothness * learningRate / 2) * gradientNormSquared;

    /// <summary>The exact one-step loss change Σ_i ½λ_i c_i²((1 − ηλ_i)² − 1) from eigen-coordinates c_i of θ.</summary>
    public static double LossChange(IReadOnlyList<double> eigenvalues, IReadOnlyList<double> coordinates, double learningRate) =>
        eigenvalues.Select((l, i) => 0.5 * l * coordinates[i] * coordinates[i] * (Math.Pow(ComponentFactor(l, learningRate), 2) - 1)).Sum();
}
