using Goldilocks.Papers.WangRoberts;

namespace Goldilocks.Tests.Theory;

/// <summary>
/// The closed forms of the diagonal linear network L(θ) = z(Π θ_k) (Wang &amp; Roberts App. C) where the claim tests
/// (W5-W8, which compare them with autograd) leave the contract open: every eigenvector of App. C Eq. 8 is returned
/// with unit norm and u·∇Θ ≥ 0 and solves Hu = λu for every eigenvalue of the dense Hessian (torch's eigh, not the
/// secular equation); one-parameter networks; and the argument checks.
/// </summary>
public sealed class DiagonalLinearNetworkTheoryTests
{
    private static readonly EvenPolynomialLoss Z = new((2, 1.0), (4, 0.3));
    // Distinct |θ_k|, so no eigenvalue sits on a pole −z'Θ/θ_k² of the secular equation.
    private static readonly double[] Theta = [0.7, -1.3, 2.1, 0.45];

    // Θ = 0.7·(−1.3)·2.1·0.45 < 0 and its mirror with θ₂ = +1.3, Θ > 0. The unnormalised u_k = 1/(λθ_k + z'Θ/θ_k)
    // of Eq. 8 has u·∇Θ = Θ Σ_k 1/(λθ_k² + z'Θ) = Θ/D at every eigenvalue (the secular equation), so for Θ < 0 the
    // sign convention flips all n eigenvectors and for Θ > 0 none; for the negative eigenvalues some terms of u·∇Θ
    // have the other sign, so only their sum decides.
    [TestCase(-1.3)]
    [TestCase(1.3)]
    public void Every_eigenvector_of_Eq_8_has_unit_norm_points_along_the_output_gradient_and_solves_H_u_equals_lambda_u(double second)
    {
        using var scope = torch.NewDisposeScope();
        double[] theta = [Theta[0], second, Theta[2], Theta[3]];
        var h = DiagonalLinearNetworkTheory.Hessian(Z, theta);
        int n = theta.Length;
        var eigenvalues = torch.linalg.eigvalsh(torch.tensor(h, dtype: ScalarType.Float64)).data<double>().ToArray();
        Assert.That(eigenvalues.Count(l => l < 0), Is.EqualTo(n - 1), $"H = D wwᵀ − z'Θ diag(w²) with z'Θ > 0, a negative-definite diagonal plus a rank-one term: one positive and n − 1 negative eigenvalues ({string.Join(", ", eigenvalues)})");
        var gradient = DiagonalLinearNetworkTheory.PartialProducts(theta);
        double scale = eigenvalues.Max(Math.Abs);
        foreach (double lambda in eigenvalues)
        {
            var u = DiagonalLinearNetworkTheory.EigenvectorFor(Z, theta, lambda);
            double norm = Math.Sqrt(u.Sum(x => x * x));
            Assert.That(norm, Is.EqualTo(1).Within(1e-15), $"‖u‖ for λ = {lambda:R}");
            double along = u.Zip(gradient, (a, b) => a * b).Sum();
            Assert.That(along, Is.GreaterThan(0), $"u·∇Θ = {along:R} for λ = {lambda:R}");
            // Residual ‖Hu − λu‖: eigvalsh's λ carries a round-off of ~n·ε·‖H‖, so 1e-13 relative.
            double residual = Math.Sqrt(Enumerable.Range(0, n).Sum(j =>
            {
                double r = Enumerable.Range(0, n).Sum(k => h[j, k] * u[k]) - lambda * u[j];
                return r * r;
            }));
            Assert.That(residual, Is.LessThan(1e-13 * scale), $"‖Hu − λu‖ = {residual:E3} for λ = {lambda:R} (‖H‖₂ = {scale:R})");
        }
    }

    // Θ = −0.86 and Θ = −0.03 (|Θ| < 1, where the bracket's lower end z''Θ² max w_k² is far below z'' max w_k²).
    [TestCase(0.7, -1.3, 2.1, 0.45)]
    [TestCase(0.2, -0.5, 0.3, 1.0)]
    public void Top_eigenvalue_of_the_secular_equation_is_the_largest_eigenvalue_of_the_dense_Hessian(double a, double b, double c, double d)
    {
        using var scope = torch.NewDisposeScope();
        double[] theta = [a, b, c, d];
        var h = DiagonalLinearNetworkTheory.Hessian(Z, theta);
        double top = torch.linalg.eigvalsh(torch.tensor(h, dtype: ScalarType.Float64)).max().item<double>();
        double secular = DiagonalLinearNetworkTheory.TopEigenvalue(Z, theta);
        Assert.That(secular, Is.EqualTo(top).Within(1e-13 * top), $"bisection λ₁ {secular:R} vs eigvalsh {top:R}");
    }

    [Test]
    public void Gradient_step_and_uniform_bound_of_hand_computed_cases()
    {
        // θ = (2, 0.5): Θ = 1, z'(1) = 2 + 1.2 = 3.2, ∇L = z'·(θ₂, θ₁) = (1.6, 6.4); a step of η = 0.25 gives
        // (2 − 0.4, 0.5 − 1.6) = (1.6, −1.1).
        double[] theta = [2, 0.5];
        Assert.That(DiagonalLinearNetworkTheory.Gradient(Z, theta), Is.EqualTo(new[] { 1.6, 6.4 }).Within(1e-14), "∇L = z'(Θ) P");
        Assert.That(DiagonalLinearNetworkTheory.Step(Z, theta, 0.25), Is.EqualTo(new[] { 1.6, -1.1 }).Within(1e-14), "θ − η∇L");
        // D = z''Θ² + z'Θ at Θ = 1: z'' = 2 + 3.6 = 5.6, so D = 5.6 + 3.2 = 8.8.
        Assert.That(DiagonalLinearNetworkTheory.D(Z, theta), Is.EqualTo(8.8).Within(1e-14), "D of App. C");
        // z = Θ^q: κ = 1 + qΘ^{q−1}/(q(q−1)Θ^{q−1}) = q/(q−1); q = 2: κ = 2, bound 2√2/3; q = 4: κ = 4/3, bound 4√3/7.
        Assert.That(DiagonalLinearNetworkTheory.GradientAlignmentUniformBound(EvenPolynomialLoss.Monomial(2), 0.3), Is.EqualTo(2 * Math.Sqrt(2) / 3).Within(1e-15), "q = 2");
        Assert.That(DiagonalLinearNetworkTheory.GradientAlignmentUniformBound(EvenPolynomialLoss.Monomial(4), -1.7), Is.EqualTo(4 * Math.Sqrt(3) / 7).Within(1e-15), "q = 4");
    }

    [Test]
    public void A_one_parameter_network_is_the_polynomial_itself()
    {
        // n = 1: Θ = θ, L = z(θ), ∇L = z'(θ), H = z''(θ) with the hand values of z = θ² + 0.3θ⁴ at θ = 2:
        // z = 4 + 4.8 = 8.8, z' = 2·2 + 1.2·8 = 13.6, z'' = 2 + 3.6·4 = 16.4.
        double[] theta = [2];
        Assert.That(DiagonalLinearNetworkTheory.Product(theta), Is.EqualTo(2), "Θ");
        Assert.That(DiagonalLinearNetworkTheory.PartialProducts(theta), Is.EqualTo(new[] { 1.0 }), "P₁ is the empty product");
        Assert.That(DiagonalLinearNetworkTheory.Loss(Z, theta), Is.EqualTo(8.8).Within(1e-14), "z(2)");
        Assert.That(DiagonalLinearNetworkTheory.Gradient(Z, theta)[0], Is.EqualTo(13.6).Within(1e-14), "z'(2)");
        Assert.That(DiagonalLinearNetworkTheory.Hessian(Z, theta)[0, 0], Is.EqualTo(16.4).Within(1e-14), "z''(2)");
        Assert.That(DiagonalLinearNetworkTheory.TopEigenvalue(Z, theta), Is.EqualTo(16.4).Within(1e-13), "λ₁ of a 1×1 Hessian");
        Assert.That(DiagonalLinearNetworkTheory.TopEigenvector(Z, [-2]), Is.EqualTo(new[] { 1.0 }).Within(1e-15), "u = +1: ∇Θ = 1 for any θ");
    }

    [Test]
    public void Bad_parameters_and_eigenvalues_are_refused_with_a_message_naming_the_problem()
    {
        double big = Theta.Aggregate(1.0, (a, t) => a * t), pole = -Z.First(big) * big / (Theta[2] * Theta[2]);
        Assert.Multiple(() =>
        {
            Assert.That(() => DiagonalLinearNetworkTheory.Product(null!), Throws.ArgumentNullException);
            Assert.That(() => DiagonalLinearNetworkTheory.Product([]), Throws.ArgumentException.With.Message.Contains("at least one parameter"));
            Assert.That(() => DiagonalLinearNetworkTheory.Product([1, double.NaN]), Throws.ArgumentException.With.Message.Contains("NaN or infinite"));
            Assert.That(() => DiagonalLinearNetworkTheory.PartialProducts([double.PositiveInfinity, 1]), Throws.ArgumentException.With.Message.Contains("NaN or infinite"));
            Assert.That(() => DiagonalLinearNetworkTheory.TopEigenvalue(Z, [1, 0, 2]), Throws.ArgumentException.With.Message.Contains("every θ_k must be non-zero"));
            Assert.That(() => DiagonalLinearNetworkTheory.GradientAlignmentLowerBound(Z, [0, 1]), Throws.ArgumentException.With.Message.Contains("non-zero"));
            Assert.That(() => DiagonalLinearNetworkTheory.EigenvectorFor(Z, Theta, pole), Throws.ArgumentException.With.Message.Contains("pole"));
            Assert.That(() => DiagonalLinearNetworkTheory.EigenvectorFor(Z, Theta, double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("λ must be finite"));
            Assert.That(() => DiagonalLinearNetworkTheory.GradientAlignmentUniformBound(Z, 0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("non-zero output"));
            Assert.That(() => DiagonalLinearNetworkTheory.Loss(null!, Theta), Throws.ArgumentNullException);
            Assert.That(() => DiagonalLinearNetworkTheory.Gradient(null!, Theta), Throws.ArgumentNullException);
            Assert.That(() => DiagonalLinearNetworkTheory.Hessian(null!, Theta), Throws.ArgumentNullException);
            Assert.That(() => DiagonalLinearNetworkTheory.TopEigenvalue(null!, Theta), Throws.ArgumentNullException);
            Assert.That(() => DiagonalLinearNetworkTheory.D(null!, Theta), Throws.ArgumentNullException);
            Assert.That(() => DiagonalLinearNetworkTheory.EigenvectorFor(null!, Theta, 1), Throws.ArgumentNullException);
            Assert.That(() => DiagonalLinearNetworkTheory.GradientAlignmentLowerBound(null!, Theta), Throws.ArgumentNullException);
            Assert.That(() => DiagonalLinearNetworkTheory.GradientAlignmentUniformBound(null!, 1), Throws.ArgumentNullException);
            Assert.That(() => DiagonalLinearNetworkTheory.GradientAlignmentUniformBound(Z, double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("finite non-zero output"));
        });
    }
}
