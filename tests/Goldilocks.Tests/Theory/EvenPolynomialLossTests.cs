using Goldilocks.Papers.WangRoberts;

namespace Goldilocks.Tests.Theory;

/// <summary>
/// The even-polynomial loss z(Θ) of the diagonal linear networks (Wang &amp; Roberts Sec. 3.1): values and derivatives
/// of a two-term polynomial worked out by hand at points where every power is exact in binary, and its tensor form.
/// </summary>
public sealed class EvenPolynomialLossTests
{
    // z = 2Θ² + 0.5Θ⁴, z' = 4Θ + 2Θ³, z'' = 4 + 6Θ².
    private static readonly EvenPolynomialLoss TwoTerms = new((2, 2.0), (4, 0.5));

    [TestCase(1.5, 7.03125, 12.75, 17.5)]     // 2·2.25 + 0.5·5.0625; 4·1.5 + 2·3.375; 4 + 6·2.25
    [TestCase(-2.0, 16.0, -24.0, 28.0)]       // 2·4 + 0.5·16; −8 − 16; 4 + 24
    [TestCase(0.0, 0.0, 0.0, 4.0)]            // the minimum: z = z' = 0, z'' = 2·2
    public void Two_term_polynomial_has_the_hand_computed_value_and_derivatives(double theta, double value, double first, double second)
    {
        // Every term is a product of powers of 1.5 or 2 and coefficients 2, 0.5, 4, 6: exact in binary, so equality.
        Assert.That(TwoTerms.Value(theta), Is.EqualTo(value), $"z({theta})");
        Assert.That(TwoTerms.First(theta), Is.EqualTo(first), $"z'({theta})");
        Assert.That(TwoTerms.Second(theta), Is.EqualTo(second), $"z''({theta})");
    }

    [Test]
    public void Tensor_form_agrees_with_the_closed_form_and_the_description_lists_every_term()
    {
        using var scope = torch.NewDisposeScope();
        var values = TwoTerms.Apply(torch.tensor(new[] { 1.5, -2.0, 0.0 })).data<double>().ToArray();
        Assert.That(values, Is.EqualTo(new[] { 7.03125, 16.0, 0.0 }), "Apply(Θ) elementwise: 2Θ² + 0.5Θ⁴");
        Assert.That(TwoTerms.ToString(), Is.EqualTo("z(Θ) = 2Θ^2 + 0.5Θ^4"), "description");
        Assert.That(TwoTerms.Degree, Is.EqualTo(4), "degree is the largest power");
        Assert.That(new EvenPolynomialLoss((6, 1.0), (2, 3.0)).Degree, Is.EqualTo(6), "degree when the largest power comes first");
        Assert.That(TwoTerms.IsMonomial, Is.False, "two terms");
        var monomial = EvenPolynomialLoss.Monomial(6);
        Assert.That((monomial.IsMonomial, monomial.Degree, monomial.Value(-2), monomial.ToString()), Is.EqualTo((true, 6, 64.0, "z(Θ) = 1Θ^6")), "Θ⁶");
    }

    [Test]
    public void Bad_terms_are_refused_with_a_message_naming_the_problem()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new EvenPolynomialLoss(null!), Throws.ArgumentNullException);
            Assert.That(() => new EvenPolynomialLoss(), Throws.ArgumentException.With.Message.Contains("at least one term"));
            Assert.That(() => new EvenPolynomialLoss((3, 1.0)), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("every power must be even and ≥ 2, got 3"));
            Assert.That(() => new EvenPolynomialLoss((0, 1.0)), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("every power must be even and ≥ 2, got 0"));
            Assert.That(() => new EvenPolynomialLoss((2, 1.0), (-2, 1.0)), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("got -2"));
            Assert.That(() => new EvenPolynomialLoss((2, 0.0)), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("coefficient must be a positive finite number"));
            Assert.That(() => new EvenPolynomialLoss((2, -1.0)), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("coefficient"));
            Assert.That(() => new EvenPolynomialLoss((2, double.NaN)), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("coefficient"));
            Assert.That(() => TwoTerms.Apply(null!), Throws.ArgumentNullException);
        });
    }
}
