
namespace Goldilocks.Tests.Foundation;

/// <summary>
/// Curvature operators against closed forms computed in plain C# arithmetic (no tensor op, no autograd): softmax
/// regression with temperature and linear least squares. For a linear model ∇²z = 0, so the H-term vanishes and G = H.
/// </summary>
public sealed class ClosedFormOracleTests
{
    private const int Features = 4, Classes = 3, Samples = 10;

    /// <summary>
    /// Softmax regression z = Wx, W ∈ R^{K×D} flattened row-major (θ[k·D + d] = W[k, d]), loss mean CE with temperature T:
    /// H[(k,d),(k',d')] = (1/N) Σ_μ M^μ_{kk'} x^μ_d x^μ_{d'}, M = [diag(p) - ppᵀ]/T², p = softmax(z/T), i.e. H = (1/N) Σ M ⊗ xxᵀ
    /// with M as the outer Kronecker factor. Exact up to round-off (≈1e-16), so 1e-12.
    /// </summary>
    [TestCase(0.5)]
    [TestCase(1.0)]
    [TestCase(3.0)]
    public void Softmax_regression_Hessian_and_GTerm_equal_the_Kronecker_closed_form_and_HTerm_is_zero(double temperature)
    {
        using var scope = torch.NewDisposeScope();
        using var data = SyntheticClusters.Generate(Samples, Features, Classes, seed: 5);
        var model = new Mlp(Features, Array.Empty<int>(), Classes, Activation.Identity);
        var theta = model.InitialParameters(6) * 1.7; // confident enough that p is far from uniform
        var objective = new Objective(model, data, new CrossEntropy(temperature), batchSize: 3);
        using var point = new LinearizationPoint(objective, theta);

        var x = Rows(data.Inputs);
        var w = theta.data<double>().ToArray();
        var expected = SoftmaxRegressionHessian(x, w, temperature, outerIsClass: true);
        var h = DenseMaterializer.Materialize(new HessianOperator(point));
        var g = DenseMaterializer.Materialize(new GTermOperator(point));
        var hterm = DenseMaterializer.Materialize(new HTermOperator(point));

        ClaimAssert.Close("G3", $"softmax regression T = {temperature}: H vs (1/N)Σ M ⊗ xxᵀ", h, expected, 1e-12);
        ClaimAssert.Close("G3", $"softmax regression T = {temperature}: G vs (1/N)Σ M ⊗ xxᵀ", g, expected, 1e-12);
        double htermNorm = hterm.norm().item<double>();
        ClaimAssert.That("G3", htermNorm <= 1e-14 * expected.norm().item<double>(), $"softmax regression: ‖H-term‖_F = {htermNorm:E3}, expected 0 (∇²z = 0)");

        // The oracle discriminates: the other Kronecker ordering (xxᵀ ⊗ M) is a different matrix.
        var swapped = SoftmaxRegressionHessian(x, w, temperature, outerIsClass: false);
        ClaimAssert.RelativeError(h, swapped).Should().BeGreaterThan(0.1, "the ordering of the flattened W[K, D] is row-major");
    }

    /// <summary>
    /// Linear least squares z = wᵀx (K = 1) with MeanSquaredError ℓ = ½(z - y)²: L = (1/2N)‖Xw - y‖², so H = XᵀX/N
    /// (the ½ cancels the 2 of the square), G = H and H-term = 0. A missing ½ would give 2XᵀX/N.
    /// </summary>
    [Test]
    public void Least_squares_Hessian_equals_XtX_over_N()
    {
        using var scope = torch.NewDisposeScope();
        using var clusters = SyntheticClusters.Generate(Samples, Features, 2, seed: 7);
        var targets = torch.randn(new long[] { Samples, 1 }, dtype: ScalarType.Float64, generator: new torch.Generator(8));
        using var data = new Dataset(clusters.Inputs.clone(), targets, 1, "least-squares");
        var model = new Mlp(Features, Array.Empty<int>(), 1, Activation.Identity);
        var theta = model.InitialParameters(9);
        var objective = new Objective(model, data, new MeanSquaredError(), batchSize: 4);
        using var point = new LinearizationPoint(objective, theta);

        var x = Rows(data.Inputs);
        var expected = new double[Features, Features];
        foreach (var row in x)
            for (int a = 0; a < Features; a++)
                for (int b = 0; b < Features; b++)
                    expected[a, b] += row[a] * row[b] / Samples;
        var oracle = torch.tensor(expected);
        ClaimAssert.Close(EngineCases.Engine, "least squares: H vs XᵀX/N", DenseMaterializer.Materialize(new HessianOperator(point)), oracle, 1e-12);
        ClaimAssert.Close(EngineCases.Engine, "least squares: G vs XᵀX/N", DenseMaterializer.Materialize(new GTermOperator(point)), oracle, 1e-12);
        double hterm = DenseMaterializer.Materialize(new HTermOperator(point)).norm().item<double>();
        ClaimAssert.That(EngineCases.Engine, hterm <= 1e-14 * oracle.norm().item<double>(), $"least squares: ‖H-term‖_F = {hterm:E3}, expected 0");
    }

    private static double[][] Rows(Tensor inputs)
    {
        var flat = inputs.contiguous().data<double>().ToArray();
        int d = (int)inputs.shape[1];
        return Enumerable.Range(0, (int)inputs.shape[0]).Select(i => flat.AsSpan(i * d, d).ToArray()).ToArray();
    }

    /// <summary>(1/N) Σ_μ M^μ ⊗ x^μ x^μᵀ (outerIsClass) or x^μ x^μᵀ ⊗ M^μ, in plain double arithmetic.</summary>
    private static Tensor SoftmaxRegressionHessian(double[][] x, double[] w, double temperature, bool outerIsClass)
    {
        int n = x.Length, p = Classes * Features;
        var h = new double[p, p];
        foreach (var xi in x)
        {
            var z = new double[Classes];
            for (int k = 0; k < Classes; k++)
                for (int d = 0; d < Features; d++)
                    z[k] += w[k * Features + d] * xi[d];
            double zmax = z.Max();
            var e = z.Select(zk => Math.Exp((zk - zmax) / temperature)).ToArray();
            var prob = e.Select(ek => ek / e.Sum()).ToArray();
            for (int k = 0; k < Classes; k++)
                for (int k2 = 0; k2 < Classes; k2++)
                {
                    double m = ((k == k2 ? prob[k] : 0) - prob[k] * prob[k2]) / (temperature * temperature);
                    for (int d = 0; d < Features; d++)
                        for (int d2 = 0; d2 < Features; d2++)
                        {
                            int r = outerIsClass ? k * Features + d : d * Classes + k;
                            int c = outerIsClass ? k2 * Features + d2 : d2 * Classes + k2;
                            h[r, c] += m * xi[d] * xi[d2] / n;
                        }
                }
        }
        return torch.tensor(h);
    }
}
