
namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>W7 (depth and rotation), W8 (SoM form and ReLU-mask linearisation).</summary>
public sealed class WangRobertsDepthTests
{
    private static Objective Regression(FlatModel model, long seed)
    {
        var data = SyntheticClusters.Generate(20, 4, 2, seed);
        var gen = new torch.Generator((ulong)seed + 7);
        var targets = torch.randn(new long[] { 20, 1 }, generator: gen);
        return new Objective(model, new Dataset(data.Inputs, targets, 1, "regression"), new MeanSquaredError());
    }

    [TestCase(1L)]
    [TestCase(2L)]
    [Claim("W7")]
    public void Depth_one_linear_regression_has_a_constant_Hessian_and_no_rotation_at_any_learning_rate(long seed)
    {
        using var scope = torch.NewDisposeScope();
        var model = new Mlp(4, Array.Empty<int>(), 1, Activation.Identity);
        var objective = Regression(model, seed);
        var x = objective.Data.Inputs;
        var expected = x.t().matmul(x) / objective.Count; // XᵀX/N, independent of θ
        double lambdaMax = SymmetricEigen.Eigenvalues(expected).Max();
        var run = EigenTracking.Run(objective, model.InitialParameters(seed), 3.0 / lambdaMax, 6, new EigenTrackingOptions(TopK: 1, KeepEigenvectors: true, KeepParameters: true));
        foreach (var s in run.Records)
        {
            ClaimAssert.Close("W7", $"depth-1 Hessian at step {s.Step}", DenseMaterializer.Hessian(objective, s.Parameters!), expected, W7Constants.HessianRtol);
            double cos = EigenvectorSimilarity.AbsCosine(s.Eigenvectors!, run.Records[0].Eigenvectors!);
            ClaimAssert.That("W7", 1 - cos <= W7Constants.DepthOneTolerance, $"depth 1: |cos(v₁(t), v₁(0))| = {cos:R} at step {s.Step} (η = 3/λ_max): 1 − |cos| = {1 - cos:E3} > {W7Constants.DepthOneTolerance}");
        }
        ClaimAssert.That("W7", run.Records[^1].Loss > run.Records[0].Loss, $"η = 3/λ_max must be unstable (the loss grows): loss {run.Records[0].Loss:R} at step 0, {run.Records[^1].Loss:R} at step {run.Records[^1].Step}");
    }

    [Test]
    [Claim("W7")]
    public void Depth_two_rotates_under_an_unstable_step_but_not_at_depth_one()
    {
        // Depth 2 (the two-parameter DLN z = Θ²/2 · 2 = Θ²): one step past η* turns v₁ away from θ₁ by a visible angle.
        var dln = new TwoParameterDln(EvenPolynomialLoss.Monomial(2), 0.4, 2.0);
        var next = dln.Step(1.5 * dln.RotationThreshold);
        double cos = WangRobertsOracle.Cosine(WangRobertsOracle.Top(dln.Z, dln.Parameters).Vector, WangRobertsOracle.Top(dln.Z, next.Parameters).Vector);
        TestContext.Out.WriteLine($"depth 2: |cos(v₁(θ), v₁(θ'))| = {cos:R}");
        ClaimAssert.That("W7", cos < W7Constants.MaxDepthTwoCosine, $"depth 2 must rotate: |cos| = {cos:R} ≥ {W7Constants.MaxDepthTwoCosine}");
        // A deep linear MLP (depth 3) under MSE: an unstable run changes its top eigenvector too.
        using var scope = torch.NewDisposeScope();
        var deep = Mlp.DeepLinear(4, new[] { 3, 3 }, 1);
        var objective = Regression(deep, 3);
        var theta0 = deep.InitialParameters(3);
        double s0 = EigenTracking.TopEigenpairs(objective, theta0, 1).Top;
        var run = EigenTracking.Run(objective, theta0, 2.2 / s0, 4, new EigenTrackingOptions(TopK: 1, KeepEigenvectors: true));
        double minCos = run.Records.Skip(1).Min(s => EigenvectorSimilarity.AbsCosine(s.Eigenvectors!, run.Records[0].Eigenvectors!));
        TestContext.Out.WriteLine($"depth 3 linear, η = 2.2/S₀: min |cos(v₁(t), v₁(0))| = {minCos:R}");
        ClaimAssert.That("W7", minCos < W7Constants.MaxDeepCosine, $"deep linear net must rotate under unstable steps: min |cos| = {minCos:R} ≥ {W7Constants.MaxDeepCosine}");
    }

    [TestCase(Activation.Identity, false)]
    [TestCase(Activation.Identity, true)]
    [TestCase(Activation.ReLU, false)]
    [TestCase(Activation.ReLU, true)]
    [Claim("W8")]
    public void Sum_of_multiplications_with_ReLU_masks_reproduces_the_network_output(Activation activation, bool bias)
    {
        using var scope = torch.NewDisposeScope();
        var model = new Mlp(4, new[] { 3, 5 }, 2, activation, bias);
        for (long seed = 0; seed < 5; seed++)
        {
            var theta = model.InitialParameters(seed);
            if (bias) theta = theta + 0.3 * torch.randn(theta.shape, generator: new torch.Generator((ulong)seed + 100));
            var parameters = theta.data<double>().ToArray();
            var inputs = SyntheticClusters.Generate(6, 4, 2, seed).Inputs;
            var forward = model.Forward(theta, inputs);
            for (int i = 0; i < 6; i++)
            {
                var x = inputs[i].data<double>().ToArray();
                var masks = activation == Activation.ReLU ? SumOfMultiplications.ReluMasks(model, parameters, x) : null;
                var som = SumOfMultiplications.Evaluate(model, parameters, x, masks);
                ClaimAssert.Close("W8", $"SoM vs forward ({activation}, bias {bias}, seed {seed}, sample {i})", torch.tensor(som), forward[i], W8Constants.Rtol);
            }
        }
    }

    [Test]
    [Claim("W8")]
    [Category(Categories.NegativeControl)]
    public void Without_the_masks_the_SoM_form_does_not_describe_a_ReLU_network()
    {
        using var scope = torch.NewDisposeScope();
        var model = new Mlp(4, new[] { 3, 5 }, 2, Activation.ReLU);
        var theta = model.InitialParameters(1);
        var x = SyntheticClusters.Generate(6, 4, 2, 1).Inputs;
        var som = SumOfMultiplications.Evaluate(model, theta.data<double>().ToArray(), x[0].data<double>().ToArray());
        double err = ClaimAssert.RelativeError(torch.tensor(som), model.Forward(theta, x)[0]);
        ClaimAssert.That("W8", err > W8Constants.MinControlError, $"σ = I paths must not reproduce a ReLU net with inactive units (relative error {err:E3} ≤ {W8Constants.MinControlError})");
    }
}
