namespace Goldilocks.Tests.Theory;

/// <summary>
/// The pieces of Fort &amp; Scherlis Eq. 4 (<see cref="SphericalMean"/>) with hand-worked oracles: the radial Laplacian
/// ∂²M + (D−1)/r ∂M on chosen numbers, the direction averages of a quadratic over three hand-picked unit vectors
/// (gradient Aθ + b and Hessian A, so every average is a few products of small numbers), the cross-polytope's
/// structure (±q_i of an orthonormal frame) checked with plain loops, and every argument check.
/// </summary>
public sealed class SphericalMeanTheoryTests
{
    [Test]
    public void Radial_laplacian_is_second_plus_D_minus_1_over_r_times_first()
    {
        // 3 + (5 − 1)/4 · 2 = 5; 3 + 0·2 = 3 for D = 1 (the line has no curvature term); −1 + (3 − 1)/0.5 · 0.25 = 0.
        // Sums and products of small binary fractions: exact in float64.
        Assert.That(SphericalMean.RadialLaplacian(2, 3, 4, 5), Is.EqualTo(5.0), "first 2, second 3, r = 4, D = 5: 3 + 4/4·2");
        Assert.That(SphericalMean.RadialLaplacian(2, 3, 4, 1), Is.EqualTo(3.0), "D = 1: just the second derivative");
        Assert.That(SphericalMean.RadialLaplacian(0.25, -1, 0.5, 3), Is.EqualTo(0.0), "−1 + 2/0.5·0.25 = 0");
        var sides = new SphericalMeanSides(0, 2, 3, 4, 5);
        Assert.That(sides.RadialLaplacian, Is.EqualTo(5.0), "the record's RadialLaplacian is Eq. 4's right-hand side of its own fields");
    }

    /// <summary>L = ½θᵀAθ + bᵀθ, A = [[2, 1], [1, 3]], b = (1, −1), r = 2, directions e₁, e₂ and (0.6, 0.8):
    /// Tr A = 5 for each; uᵀAu = 2, 3 and 2·0.36 + 2·0.48 + 3·0.64 = 3.6; u·∇L(ru) = r·uᵀAu + u·b = 4 + 1, 6 − 1 and
    /// 7.2 − 0.2 = 7. Means: ⟨Tr H⟩ = 5, ∂⟨L⟩ = 17/3, ∂²⟨L⟩ = 8.6/3, and ∂² + (D−1)/r ∂ = 8.6/3 + 8.5/3 = 5.7.</summary>
    [Test]
    public void Estimate_averages_trace_radial_slope_and_curvature_over_the_directions()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.tensor(new double[] { 2, 1, 1, 3 }, new long[] { 2, 2 }, ScalarType.Float64);
        var b = torch.tensor(new double[] { 1, -1 }, ScalarType.Float64);
        var directions = torch.tensor(new double[] { 1, 0, 0.6, 0, 1, 0.8 }, new long[] { 2, 3 }, ScalarType.Float64);
        var points = new List<double[]>();
        var sides = SphericalMean.Estimate(theta => { points.Add(theta.data<double>().ToArray()); return (a.matmul(theta) + b, a); }, 2, 2.0, directions);
        // 0.6 and 0.8 are not binary fractions: each average carries a few roundings of numbers ≤ 8, so 1e-14.
        Assert.That(sides.MeanTrace, Is.EqualTo(5.0).Within(1e-14), "⟨Tr A⟩ = 5");
        Assert.That(sides.FirstRadialDerivative, Is.EqualTo(17.0 / 3).Within(1e-14), "(5 + 5 + 7)/3");
        Assert.That(sides.SecondRadialDerivative, Is.EqualTo(8.6 / 3).Within(1e-14), "(2 + 3 + 3.6)/3");
        Assert.That(sides.RadialLaplacian, Is.EqualTo(5.7).Within(1e-14), "8.6/3 + (1/2)(17/3)");
        Assert.That((sides.Radius, sides.Dimension), Is.EqualTo((2.0, 2L)), "radius and dimension are passed through");
        Assert.That(points, Has.Count.EqualTo(3), "one evaluation per direction");
        Assert.That(points[2], Is.EqualTo(new[] { 1.2, 1.6 }).Within(1e-15), "derivatives are evaluated at r·u = 2·(0.6, 0.8)");
        Assert.That(points[0], Is.EqualTo(new[] { 2.0, 0.0 }), "and at 2·e₁");
        // One direction is enough: u = (0.6, 0.8) alone gives Tr A = 5, 7 and 3.6.
        var one = SphericalMean.Estimate(theta => (a.matmul(theta) + b, a), 2, 2.0, directions.narrow(1, 2, 1));
        Assert.That((one.MeanTrace, one.FirstRadialDerivative, one.SecondRadialDerivative), Is.EqualTo((5.0, 7.0, 3.6)).Within(1e-14), "a single direction (m = 1)");
    }

    [Test]
    public void Cross_polytope_holds_an_orthonormal_frame_and_its_negatives()
    {
        using var scope = torch.NewDisposeScope();
        const int dim = 4;
        var q = SphericalMean.CrossPolytope(dim, seed: 7);
        Assert.That(q.shape, Is.EqualTo(new long[] { dim, 2 * dim }), "[D, 2D]");
        Assert.That(q.dtype, Is.EqualTo(ScalarType.Float64), "float64 by default");
        double[] v = q.data<double>().ToArray();
        double At(int row, int col) => v[row * 2 * dim + col];
        for (int i = 0; i < dim; i++)
        {
            for (int j = 0; j < dim; j++)
            {
                double dot = 0;
                for (int k = 0; k < dim; k++) dot += At(k, i) * At(k, j);
                // A QR factor is orthonormal to a few units in the last place: 1e-14.
                Assert.That(dot, Is.EqualTo(i == j ? 1.0 : 0.0).Within(1e-14), $"q_{i}·q_{j}");
            }
            for (int k = 0; k < dim; k++)
                Assert.That(At(k, dim + i), Is.EqualTo(-At(k, i)), $"column {dim + i} is −q_{i} (row {k})");
        }
        Assert.That(SphericalMean.CrossPolytope(dim, seed: 7).data<double>().ToArray(), Is.EqualTo(v), "same seed, same frame");
        Assert.That(SphericalMean.CrossPolytope(dim, 1, ScalarType.Float32).dtype, Is.EqualTo(ScalarType.Float32), "dtype is honoured");
    }

    [Test]
    public void Bad_input_is_refused_with_a_message_naming_the_problem()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.eye(2, dtype: ScalarType.Float64);
        Func<Tensor, (Tensor, Tensor)> quadratic = theta => (a.matmul(theta), a);
        var good = torch.eye(2, dtype: ScalarType.Float64);
        Assert.Multiple(() =>
        {
            foreach (double r in new[] { 0, -1, double.NaN, double.PositiveInfinity })
            {
                Assert.That(() => SphericalMean.RadialLaplacian(1, 1, r, 3), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("radius must be a positive finite number"), $"RadialLaplacian r = {r}");
                Assert.That(() => SphericalMean.Estimate(quadratic, 2, r, good), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("radius must be a positive finite number"), $"Estimate r = {r}");
            }
            foreach (long d in new[] { 0L, -2L })
                Assert.That(() => SphericalMean.RadialLaplacian(1, 1, 1, d), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("dimension D must be ≥ 1"), $"D = {d}");
            Assert.That(() => SphericalMean.Estimate((Func<Tensor, (Tensor, Tensor)>)null!, 2, 1, good), Throws.ArgumentNullException, "null derivatives");
            Assert.That(() => SphericalMean.Estimate(quadratic, 2, 1, null!), Throws.ArgumentNullException, "null directions");
            Assert.That(() => SphericalMean.Estimate((Objective)null!, 1, good), Throws.ArgumentNullException, "null objective");
            Assert.That(() => SphericalMean.Estimate(quadratic, 2, 1, torch.ones(2, dtype: ScalarType.Float64)),
                Throws.ArgumentException.With.Message.Contains("directions must have shape [2, m] with m ≥ 1, got [2]"), "a vector, not a matrix");
            Assert.That(() => SphericalMean.Estimate(quadratic, 2, 1, torch.ones(3, 2, dtype: ScalarType.Float64)),
                Throws.ArgumentException.With.Message.Contains("directions must have shape [2, m] with m ≥ 1, got [3, 2]"), "three rows for D = 2");
            // No directions would average over nothing (0/0 = NaN).
            Assert.That(() => SphericalMean.Estimate(quadratic, 2, 1, torch.ones(2, 0, dtype: ScalarType.Float64)),
                Throws.ArgumentException.With.Message.Contains("directions must have shape [2, m] with m ≥ 1, got [2, 0]"), "no columns");
        });
    }
}
