namespace Goldilocks.Tests.Foundation;

/// <summary>
/// <see cref="FreshHessianProduct"/> (reverse over the R-operator, first layer split as W₁x + εV₁x) against routes that
/// share none of its code: a plain reverse-over-reverse product on one graph of the full loss (∂(∇L·v)/∂θ), the
/// row-by-row autograd Hessian times v (small models), and the shared linearisation's <see cref="HessianOperator"/>.
/// Float64, relative error ≤ 1e-12.
/// </summary>
public sealed class FreshHessianProductTests
{
    private static Tensor Probe(long size, long seed) =>
        torch.randn(new[] { size }, dtype: ScalarType.Float64, generator: new torch.Generator((ulong)seed));

    /// <summary>∂(∇L · v)/∂θ on one graph of the whole loss: torch's textbook Hessian-vector product.</summary>
    private static Tensor PlainDoubleBackward(Objective objective, Tensor theta, Tensor v)
    {
        using var scope = torch.NewDisposeScope();
        var leaf = theta.detach().clone().requires_grad_(true);
        var (x, y) = objective.Batch(0, objective.Count);
        var g = SafeAutograd.Grad(objective.Loss.Sum(objective.Model.Forward(leaf, x), y) / objective.Count, leaf, createGraph: true);
        return SafeAutograd.Grad(g.dot(v), leaf).MoveToOuterDisposeScope();
    }

    [TestCaseSource(typeof(EngineCases), nameof(EngineCases.DenseArchitectures))]
    public void Fresh_product_matches_the_row_by_row_Hessian_times_v(string architecture)
    {
        using var c = EngineCases.Create(architecture);
        using var scope = torch.NewDisposeScope();
        var objective = c.Objective(temperature: 1.3, batchSize: 4);
        var v = Probe(c.Model.ParameterCount, 14);
        var oracle = torch.mv(HessianOracleTests.RowByRowHessian(objective.WithBatchSize(0), c.Theta), v);
        ClaimAssert.Close(EngineCases.Engine, $"{architecture}: fresh Hv vs row-by-row Hessian times v", FreshHessianProduct.Compute(objective, c.Theta, v), oracle, 1e-12);
    }

    [TestCaseSource(typeof(EngineCases), nameof(EngineCases.Architectures))]
    public void Fresh_product_matches_a_plain_double_backward_and_the_shared_operator(string architecture)
    {
        using var c = EngineCases.Create(architecture);
        using var scope = torch.NewDisposeScope();
        var objective = c.Objective(temperature: 0.7, batchSize: 5); // 3 batches of 5, 5, 2 (or 5, 1 for LeNet-5)
        var v = Probe(c.Model.ParameterCount, 11);
        var fresh = FreshHessianProduct.Compute(objective, c.Theta, v);
        using var point = new LinearizationPoint(objective, c.Theta);
        var shared = new HessianOperator(point).Apply(v);
        var oracle = PlainDoubleBackward(objective, c.Theta, v);
        TestContext.Out.WriteLine($"{architecture}: rel. error vs oracle {ClaimAssert.RelativeError(fresh, oracle):E2}, vs shared operator {ClaimAssert.RelativeError(fresh, shared):E2}");
        ClaimAssert.Close(EngineCases.Engine, $"{architecture}: fresh Hv vs plain double backward", fresh, oracle, 1e-12);
        ClaimAssert.Close(EngineCases.Engine, $"{architecture}: fresh Hv vs HessianOperator", fresh, shared, 1e-12);
    }

    [Test]
    public void Default_path_of_a_model_without_a_split_first_layer_and_a_squared_error_loss_are_exact()
    {
        using var scope = torch.NewDisposeScope();
        // The diagonal linear network uses FlatModel's default θ + εv path; MSE exercises another loss.
        var dln = new DiagonalLinearNetwork(3);
        var x = torch.linspace(-1, 1, 8, dtype: ScalarType.Float64).view(8, 1);
        var data = new Dataset(x, (0.5 * x).clone(), 1, "line");
        var objective = new Objective(dln, data, new MeanSquaredError(), batchSize: 3);
        var theta = torch.tensor(new[] { 0.7, -1.2, 0.9 }, dtype: ScalarType.Float64);
        var v = torch.tensor(new[] { 0.3, 0.5, -0.8 }, dtype: ScalarType.Float64);
        var oracle = torch.mv(HessianOracleTests.RowByRowHessian(objective.WithBatchSize(0), theta), v);
        ClaimAssert.Close(EngineCases.Engine, "DLN-3 with MSE: fresh Hv vs row-by-row Hessian", FreshHessianProduct.Compute(objective, theta, v), oracle, 1e-12);
    }

    [TestCase("MLP-Tanh-bias")]
    [TestCase("LeNet5-Max-1x16x16")]
    public void ForwardAlong_is_the_model_at_epsilon_zero_and_its_epsilon_derivative_is_J_v(string architecture)
    {
        using var c = EngineCases.Create(architecture);
        using var scope = torch.NewDisposeScope();
        var v = Probe(c.Model.ParameterCount, 12);
        var epsilon = torch.zeros(Array.Empty<long>(), dtype: ScalarType.Float64).requires_grad_(true);
        var along = c.Model.ForwardAlong(c.Theta, v, epsilon, c.Data.Inputs);
        var plain = c.Model.Forward(c.Theta, c.Data.Inputs);
        ClaimAssert.Close(EngineCases.Engine, $"{architecture}: ForwardAlong at ε = 0 vs Forward", along.detach(), plain, 1e-15);
        // ∂f/∂ε as a Jacobian column: one vector-Jacobian product per logit is too many; the cotangent trick gives
        // Σ_{n,k} u_{nk} (Jv)_{nk} for a random u, compared with the linearisation's J v contracted with the same u.
        var u = torch.randn(plain.shape, dtype: ScalarType.Float64, generator: new torch.Generator(13));
        var viaEpsilon = SafeAutograd.Grad(along, epsilon, u).ToDouble();
        using var point = new LinearizationPoint(c.Objective(), c.Theta);
        var jv = LinearizationPoint.JacobianProduct(point.Graphs().Single(), v);
        ClaimAssert.Close(EngineCases.Engine, $"{architecture}: uᵀ ∂f/∂ε vs uᵀ J v", viaEpsilon, (u * jv).sum().ToDouble(), 1e-12);
    }

    [Test]
    public void Bad_vectors_and_epsilons_are_named()
    {
        using var c = EngineCases.Create("MLP-ReLU");
        using var scope = torch.NewDisposeScope();
        var objective = c.Objective();
        long p = c.Model.ParameterCount;
        Action wrongShape = () => FreshHessianProduct.Compute(objective, c.Theta, torch.zeros(p + 1, dtype: ScalarType.Float64));
        wrongShape.Should().Throw<ArgumentException>().WithMessage("*v*");
        var nan = torch.zeros(p, dtype: ScalarType.Float64);
        nan[0] = double.NaN;
        Action notFinite = () => FreshHessianProduct.Compute(objective, c.Theta, nan);
        notFinite.Should().Throw<ArgumentException>().WithMessage("*v*");
        Action float32 = () => FreshHessianProduct.Compute(objective, c.Theta, torch.zeros(p, dtype: ScalarType.Float32));
        float32.Should().Throw<ArgumentException>().WithMessage("*v*");
        Action vectorEpsilon = () => c.Model.ForwardAlong(c.Theta, torch.zeros(p, dtype: ScalarType.Float64), torch.zeros(1, dtype: ScalarType.Float64), c.Data.Inputs);
        vectorEpsilon.Should().Throw<ArgumentException>().WithMessage("*epsilon*scalar*");
    }
}
