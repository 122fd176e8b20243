using Goldilocks.Papers.WangRoberts;

namespace Goldilocks.Tests.Theory;

/// <summary>
/// Gradient descent on a quadratic (Wang &amp; Roberts Sec. 2.1): the flip and growth conditions at their exact
/// boundaries ηλ = 1 and 2, and the descent lemma, which a one-dimensional quadratic meets with equality.
/// </summary>
public sealed class QuadraticDescentTests
{
    [Test]
    public void At_eta_lambda_exactly_one_the_component_vanishes_and_at_two_it_keeps_its_magnitude()
    {
        // ηλ = 0.5·2 = 1: factor 0, the component is zeroed, not flipped. ηλ = 0.5·4 = 2: factor −1, it flips but
        // does not grow. Both products are exact in binary.
        Assert.That(QuadraticDescent.ComponentFactor(2, 0.5), Is.EqualTo(0), "1 − ηλ at ηλ = 1");
        Assert.That(QuadraticDescent.Flips(2, 0.5), Is.False, "ηλ = 1: factor 0 does not flip");
        Assert.That(QuadraticDescent.Flips(2.5, 0.5), Is.True, "ηλ = 1.25: factor −0.25 flips");
        Assert.That(QuadraticDescent.Flips(1.5, 0.5), Is.False, "ηλ = 0.75: factor 0.25");
        Assert.That(QuadraticDescent.ComponentFactor(4, 0.5), Is.EqualTo(-1), "1 − ηλ at ηλ = 2");
        Assert.That(QuadraticDescent.Grows(4, 0.5), Is.False, "ηλ = 2: |factor| = 1 does not grow");
        Assert.That(QuadraticDescent.Grows(4.5, 0.5), Is.True, "ηλ = 2.25: |factor| = 1.25 grows");
        Assert.That(QuadraticDescent.Grows(3, 0.5), Is.False, "ηλ = 1.5: |factor| = 0.5");
    }

    [TestCase(2.0, 0.25, 3.0)]   // ηl = 0.5: descent
    [TestCase(2.0, 1.0, -1.5)]   // ηl = 2: the bound is 0, the loss is unchanged (θ → −θ)
    [TestCase(0.5, 3.0, 2.0)]    // ηl = 1.5
    public void Descent_lemma_bound_is_the_exact_loss_change_of_a_one_dimensional_quadratic(double l, double eta, double theta)
    {
        // L = ½lθ²: ∇L = lθ, θ' = (1 − ηl)θ, L(θ') − L(θ) = ½lθ²((1 − ηl)² − 1) = −η(1 − lη/2)(lθ)². Computed
        // directly from the definition here.
        double step = theta - eta * l * theta;
        double change = 0.5 * l * step * step - 0.5 * l * theta * theta;
        double gradientSquared = l * theta * l * theta;
        double bound = QuadraticDescent.DescentLemmaBound(l, eta, gradientSquared);
        Assert.That(bound, Is.EqualTo(change).Within(1e-15 * (1 + Math.Abs(change))), $"bound {bound:R} vs exact change {change:R} (l = {l}, η = {eta}, θ = {theta})");
        Assert.That(QuadraticDescent.LossChange([l], [theta], eta), Is.EqualTo(change).Within(1e-15 * (1 + Math.Abs(change))), "LossChange in one dimension");
    }

    [Test]
    public void Descent_lemma_bound_of_a_hand_computed_case()
    {
        // −η(1 − lη/2)‖g‖² with l = 2, η = 0.25, ‖g‖² = 8: −0.25·0.75·8 = −1.5 (exact in binary).
        Assert.That(QuadraticDescent.DescentLemmaBound(2, 0.25, 8), Is.EqualTo(-1.5), "−0.25·(1 − 0.25)·8");
        // Two eigen-directions: ½·1·4·((1 − 0.5)² − 1) + ½·3·1·((1 − 1.5)² − 1) = −1.5 − 1.125 = −2.625.
        Assert.That(QuadraticDescent.LossChange([1, 3], [2, 1], 0.5), Is.EqualTo(-2.625), "Σ ½λc²((1 − ηλ)² − 1)");
    }
}
