namespace Goldilocks.Tests.Foundation;

/// <summary>
/// Eigenvector similarity (cosines, principal angles, Grassmann similarity and distance) against closed forms on
/// hand-built subspaces, and the sharpness gradient ∇S = ∇³L[v₁, v₁] against central differences of v₁ᵀH(θ)v₁ with the
/// Hessian from dense autograd.
/// </summary>
public sealed class EigenvectorGeometryTests
{
    private static Tensor Vector(params double[] x) => torch.tensor(x, dtype: ScalarType.Float64);

    /// <summary>Columns as a [P, k] basis.</summary>
    private static Tensor Basis(params double[][] columns) => torch.stack(columns.Select(c => Vector(c)).ToArray(), 1);

    [Test]
    public void Cosines_are_the_closed_forms()
    {
        using var scope = torch.NewDisposeScope();
        EigenvectorSimilarity.Cosine(Vector(1, 0), Vector(1, 1)).Should().BeApproximately(Math.Sqrt(0.5), 1e-15);
        EigenvectorSimilarity.Cosine(Vector(-3, -3), Vector(2, 0)).Should().BeApproximately(-Math.Sqrt(0.5), 1e-15, "the cosine is signed");
        EigenvectorSimilarity.AbsCosine(Vector(-3, -3), Vector(2, 0)).Should().BeApproximately(Math.Sqrt(0.5), 1e-15);
        EigenvectorSimilarity.AbsCosine(Vector(1, 2), Vector(-2, 1)).Should().Be(0, "orthogonal vectors");
        EigenvectorSimilarity.AbsCosine(Vector(0.1, 0.7, 0.3), Vector(0.1, 0.7, 0.3) * -3).Should().BeLessOrEqualTo(1.0).And.BeApproximately(1.0, 1e-15);
        var matrix = torch.tensor(new[] { 1.0, 2, 3, 4 }, dtype: ScalarType.Float64).view(2, 2);
        EigenvectorSimilarity.Cosine(matrix, Vector(1, 2, 3, 4).to(ScalarType.Float32)).Should().BeApproximately(1.0, 1e-15, "tensors are flattened and read in float64");
    }

    [Test]
    public void Cosine_checks_its_arguments_one_by_one()
    {
        using var scope = torch.NewDisposeScope();
        FluentActions.Invoking(() => EigenvectorSimilarity.Cosine(null!, Vector(1))).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => EigenvectorSimilarity.Cosine(Vector(1), null!)).Should().Throw<ArgumentNullException>();
        var disposed = Vector(1, 2);
        disposed.Dispose();
        FluentActions.Invoking(() => EigenvectorSimilarity.Cosine(disposed, Vector(1, 2))).Should().Throw<ObjectDisposedException>();
        FluentActions.Invoking(() => EigenvectorSimilarity.Cosine(Vector(1, 2), disposed)).Should().Throw<ObjectDisposedException>();
        FluentActions.Invoking(() => EigenvectorSimilarity.Cosine(Vector(1, 2), Vector(1, 2, 3))).Should().Throw<ArgumentException>()
            .WithMessage("cosine needs vectors of equal length, got 2 and 3");
        FluentActions.Invoking(() => EigenvectorSimilarity.Cosine(Vector(0, 0), Vector(1, 2))).Should().Throw<ArgumentException>()
            .WithMessage("cosine of a zero vector is undefined");
        FluentActions.Invoking(() => EigenvectorSimilarity.Cosine(Vector(1, 2), Vector(0, 0))).Should().Throw<ArgumentException>()
            .WithMessage("cosine of a zero vector is undefined");
    }

    [Test]
    public void Principal_angles_of_hand_built_subspaces()
    {
        using var scope = torch.NewDisposeScope();
        const double phi = 0.7;
        // span(e1, e2) and span(e1, cos φ e2 + sin φ e3), given by non-orthonormal bases: angles 0 and φ.
        var u = Basis(new[] { 2.0, 0, 0, 0 }, new[] { 1.0, 3, 0, 0 });
        var v = Basis(new[] { -1.0, 0, 0, 0 }, new[] { 0, Math.Cos(phi), Math.Sin(phi), 0 });
        var cosines = EigenvectorSimilarity.PrincipalCosines(u, v);
        cosines.Should().HaveCount(2);
        cosines[0].Should().BeApproximately(1.0, 1e-15).And.BeLessOrEqualTo(1.0, "cosines are clamped to [0, 1]");
        cosines[1].Should().BeApproximately(Math.Cos(phi), 1e-15);
        var angles = EigenvectorSimilarity.PrincipalAngles(u, v);
        angles[0].Should().BeApproximately(0, 1e-7);
        angles[1].Should().BeApproximately(phi, 1e-14);
        EigenvectorSimilarity.GrassmannSimilarity(u, v).Should().BeApproximately((1 + Math.Cos(phi) * Math.Cos(phi)) / 2, 1e-15);
        EigenvectorSimilarity.GrassmannDistance(u, v).Should().BeApproximately(phi, 1e-7);

        var w = Basis(new[] { 0, 0, 1.0, 0 }, new[] { 0, 0, 1.0, 1 });
        EigenvectorSimilarity.PrincipalCosines(u, w).Should().OnlyContain(c => c == 0, "orthogonal subspaces (cosines clamped at 0)");
        EigenvectorSimilarity.GrassmannSimilarity(u, w).Should().Be(0);
        EigenvectorSimilarity.GrassmannDistance(u, w).Should().BeApproximately(Math.PI / Math.Sqrt(2), 1e-15, "√(2 (π/2)²)");
        var line = Basis(new[] { 1.0, 1, 0, 0 });
        EigenvectorSimilarity.PrincipalCosines(line, u).Should().HaveCount(1, "min(k, m) angles");
        EigenvectorSimilarity.GrassmannSimilarity(line, u).Should().BeApproximately(1.0, 1e-15, "span(u) contains the line");
        EigenvectorSimilarity.GrassmannSimilarity(u, line).Should().BeApproximately(1.0, 1e-15);
    }

    [Test]
    public void Principal_angles_check_the_bases()
    {
        using var scope = torch.NewDisposeScope();
        var u = Basis(new[] { 1.0, 0, 0 }, new[] { 0, 1.0, 0 });
        FluentActions.Invoking(() => EigenvectorSimilarity.PrincipalCosines(null!, u)).Should().Throw<ArgumentNullException>();
        foreach (var (a, b, shapes) in new[] { (Vector(1, 0, 0), u, "[3] and [3, 2]"), (u, Vector(1, 0, 0), "[3, 2] and [3]"), (u, torch.ones(4, 1, dtype: ScalarType.Float64), "[3, 2] and [4, 1]") })
            FluentActions.Invoking(() => EigenvectorSimilarity.PrincipalCosines(a, b)).Should().Throw<ArgumentException>()
                .WithMessage($"subspaces need bases [P, k] and [P, m] with equal P, got {shapes}");
        var dependent = Basis(new[] { 1.0, 2, 3 }, new[] { 2.0, 4, 6 });
        FluentActions.Invoking(() => EigenvectorSimilarity.PrincipalCosines(dependent, u)).Should().Throw<ArgumentException>()
            .WithMessage("u: the basis columns are linearly dependent*");
        FluentActions.Invoking(() => EigenvectorSimilarity.PrincipalCosines(u, dependent)).Should().Throw<ArgumentException>()
            .WithMessage("v: the basis columns are linearly dependent*");
        FluentActions.Invoking(() => EigenvectorSimilarity.PrincipalCosines(torch.zeros(3, 1, dtype: ScalarType.Float64), u)).Should().Throw<ArgumentException>()
            .WithMessage("u: *linearly dependent*", "a zero basis");
        // The dependence threshold is relative to the largest |R_ii|: at scale 10⁶ a column 10⁻⁷ off the other is dependent.
        FluentActions.Invoking(() => EigenvectorSimilarity.PrincipalCosines(Basis(new[] { 1e6, 0, 0 }, new[] { 1e6, 1e-7, 0 }), u)).Should().Throw<ArgumentException>()
            .WithMessage("u: *linearly dependent*", "1e-7 ≤ 1e-12 × 1e6");
        var nearlyDependent = Basis(new[] { 1.0, 0, 0 }, new[] { 1.0, 1e-11, 0 });
        EigenvectorSimilarity.PrincipalCosines(nearlyDependent, u).Should().HaveCount(2, "a column 1e-11 off the other is still independent (threshold 1e-12)");
    }

    [Test]
    public void Sharpness_gradient_matches_central_differences_of_the_dense_Hessian()
    {
        using var c = EngineCases.Create("MLP-Tanh-bias");
        var objective = c.Objective(1.0);
        using var scope = torch.NewDisposeScope();
        var v = EngineCases.Gaussian(c.Model.ParameterCount, 5);
        var unit = v / v.norm();
        var gradient = SharpnessGradient.Compute(objective, c.Theta, 3 * v);
        gradient.shape.Should().Equal(c.Model.ParameterCount);
        const double h = 1e-4;
        for (int k = 0; k < 3; k++)
        {
            var d = EngineCases.Gaussian(c.Model.ParameterCount, 10 + k);
            double S(Tensor theta) => unit.dot(AutogradHessian.OfLoss(objective, theta).matmul(unit)).ToDouble();
            double fd = (S(c.Theta + h * d) - S(c.Theta - h * d)) / (2 * h);
            double exact = gradient.dot(d).ToDouble();
            Math.Abs(exact - fd).Should().BeLessThan(1e-6 * Math.Max(1, Math.Abs(fd)), $"direction {k}: ∇S·d = {exact:R}, central difference {fd:R}");
        }
        var batched = c.Objective(1.0, batchSize: 5);
        double batchDiff = (SharpnessGradient.Compute(batched, c.Theta, v) - gradient).abs().max().ToDouble();
        batchDiff.Should().BeLessThan(1e-13, $"mini-batches of 5 sum to the full-batch mean: max |Δ| = {batchDiff:E2}");
        var (_, g) = objective.ValueAndGradient(c.Theta);
        double factor = SharpnessGradient.ProgressiveSharpeningFactor(objective, c.Theta, v);
        factor.Should().BeApproximately(-g.dot(gradient).ToDouble(), 1e-14 * Math.Max(1, Math.Abs(factor)));
        factor.Should().NotBe(0);
    }

    [Test]
    public void Sharpness_gradient_checks_its_arguments()
    {
        using var c = EngineCases.Create("MLP-Tanh-bias");
        var objective = c.Objective(1.0);
        using var scope = torch.NewDisposeScope();
        var v = EngineCases.Gaussian(c.Model.ParameterCount, 5);
        FluentActions.Invoking(() => SharpnessGradient.Compute(null!, c.Theta, v)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => SharpnessGradient.Compute(objective, c.Theta[..5], v)).Should().Throw<ArgumentException>().WithMessage("*theta*");
        var nan = c.Theta.clone();
        nan[0] = torch.tensor(double.NaN, dtype: ScalarType.Float64);
        FluentActions.Invoking(() => SharpnessGradient.Compute(objective, nan, v)).Should().Throw<ArgumentException>().WithMessage("theta contains NaN*");
        FluentActions.Invoking(() => SharpnessGradient.Compute(objective, c.Theta, v[..5])).Should().Throw<ArgumentException>().WithMessage("topEigenvector must have shape*");
        FluentActions.Invoking(() => SharpnessGradient.Compute(objective, c.Theta, v.to(ScalarType.Float32))).Should().Throw<ArgumentException>().WithMessage("topEigenvector has dtype Float32*");
    }
}
