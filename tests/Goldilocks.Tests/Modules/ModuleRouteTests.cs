using Goldilocks.Tests.Foundation;

namespace Goldilocks.Tests.Modules;

/// <summary>
/// The same weights through the flat route (a built-in model, θ the autograd leaf) and the module route (an equivalent
/// nn.Sequential adapted by <see cref="ModuleModel"/>, differentiated with respect to its parameter tensors) give the
/// same loss, gradient, curvature products and projected matrices.
/// </summary>
public sealed class ModuleRouteTests
{
    private const double Tight = 1e-12;

    private static IEnumerable<string> Names => ModuleCases.Names;

    [TestCaseSource(nameof(Names))]
    public void Module_route_matches_flat_route(string name)
    {
        using var c = ModuleCases.Create(name);
        using var scope = torch.NewDisposeScope();
        // The adapter's θ is the module's parameters in parameters() order: the flat model's block layout.
        EngineCases.BitwiseEqual(c.Adapted.CurrentParameters(), c.Theta).Should().BeTrue("the module's parameters flatten to the flat θ");
        c.Adapted.ParameterCount.Should().Be(c.Flat.ParameterCount);
        c.Adapted.Outputs.Should().Be(c.Flat.Outputs);

        var flat = c.FlatObjective();
        var module = c.ModuleObjective();
        var (flatLoss, flatGrad) = flat.ValueAndGradient(c.Theta);
        var (moduleLoss, moduleGrad) = module.ValueAndGradient(c.Theta);
        ClaimAssert.Close(EngineCases.Engine, $"{name}: loss", moduleLoss, flatLoss, Tight);
        ClaimAssert.Close(EngineCases.Engine, $"{name}: value", module.Value(c.Theta), flat.Value(c.Theta), Tight);
        ClaimAssert.Close(EngineCases.Engine, $"{name}: gradient", moduleGrad, flatGrad, Tight);
        ClaimAssert.Close(EngineCases.Engine, $"{name}: logits", module.Logits(c.Theta), flat.Logits(c.Theta), Tight);

        using var fp = new LinearizationPoint(flat, c.Theta);
        using var mp = new LinearizationPoint(module, c.Theta);
        var v = EngineCases.Gaussian(c.Flat.ParameterCount, 7);
        ClaimAssert.Close(EngineCases.Engine, $"{name}: Hv", new HessianOperator(mp).Apply(v), new HessianOperator(fp).Apply(v), Tight);
        ClaimAssert.Close(EngineCases.Engine, $"{name}: Gv", new GTermOperator(mp).Apply(v), new GTermOperator(fp).Apply(v), Tight);
        ClaimAssert.Close(EngineCases.Engine, $"{name}: H-term v", new HTermOperator(mp).Apply(v), new HTermOperator(fp).Apply(v), Tight);

        var basis = SubspaceBasis.Create(c.Flat.ParameterCount, 20, seed: 5);
        using var pf = ProjectedCurvature.Compute(fp, basis);
        using var pm = ProjectedCurvature.Compute(mp, basis);
        ClaimAssert.Close(EngineCases.Engine, $"{name}: projected H (d = 20)", pm.Hessian, pf.Hessian, Tight);
        ClaimAssert.Close(EngineCases.Engine, $"{name}: projected G-term (d = 20)", pm.GTerm, pf.GTerm, Tight);
        ClaimAssert.Close(EngineCases.Engine, $"{name}: projected H-term (d = 20)", pm.HTerm, pf.HTerm, Tight);
    }

    [TestCaseSource(nameof(Names))]
    public void Measured_degree_of_the_module_equals_the_declared_degree_of_the_flat_model(string name)
    {
        using var c = ModuleCases.Create(name);
        using var scope = torch.NewDisposeScope();
        var measured = c.Adapted.Homogeneity;
        measured.Degree.Should().Be(c.Flat.HomogeneityDegree, measured.Reason);
        if (measured.Degree is null)
        {
            measured.Reason.Should().Contain("biases or a non-homogeneous activation");
            measured.RelativeError.Should().BeGreaterThan(1e-6);
        }
        else measured.RelativeError.Should().BeLessThan(1e-13);
        // The same measurement on the flat model, through its own forward pass.
        var probe = c.Data.Inputs.narrow(0, 0, 8);
        Homogeneity.Measure(c.Flat, c.Theta, probe).Degree.Should().Be(c.Flat.HomogeneityDegree);
    }

    [TestCaseSource(nameof(Names))]
    public void Scaled_and_tempered_products_match(string name)
    {
        using var c = ModuleCases.Create(name);
        using var scope = torch.NewDisposeScope();
        var scaled = c.Theta * 1.7;
        using var fp = new LinearizationPoint(c.FlatObjective(temperature: 0.6), scaled);
        using var mp = new LinearizationPoint(c.ModuleObjective(temperature: 0.6), scaled);
        var v = EngineCases.Gaussian(c.Flat.ParameterCount, 8);
        ClaimAssert.Close(EngineCases.Engine, $"{name}: Hv at 1.7θ, T = 0.6", new HessianOperator(mp).Apply(v), new HessianOperator(fp).Apply(v), Tight);
        ClaimAssert.Close(EngineCases.Engine, $"{name}: H-term v at 1.7θ, T = 0.6", new HTermOperator(mp).Apply(v), new HTermOperator(fp).Apply(v), Tight);
    }

    [TestCaseSource(nameof(Names))]
    public void Gradient_descent_on_a_module_equals_gradient_descent_on_the_flat_model(string name)
    {
        using var c = ModuleCases.Create(name);
        using var scope = torch.NewDisposeScope();
        var flat = GradientDescent.Run(c.FlatObjective(), c.Theta, learningRate: 0.05, steps: 5);
        var module = GradientDescent.Run(c.ModuleObjective(), c.Theta, learningRate: 0.05, steps: 5);
        module.StepsTaken.Should().Be(5);
        flat.Diverged.Should().BeFalse();
        ClaimAssert.Close(EngineCases.Engine, $"{name}: θ after 5 steps", module.FinalParameters, flat.FinalParameters, Tight);
        for (int i = 0; i < flat.Records.Count; i++)
            ClaimAssert.Close(EngineCases.Engine, $"{name}: loss at step {i}", module.Records[i].Loss, flat.Records[i].Loss, Tight);
        (flat.FinalParameters - c.Theta).norm().ToDouble().Should().BeGreaterThan(0, "the run moved");
    }

    [Test]
    public void Full_space_Lanczos_and_Hutchinson_agree_between_routes()
    {
        using var c = ModuleCases.Create("LeakyReLU-MLP-bias");
        using var scope = torch.NewDisposeScope();
        using var fp = new LinearizationPoint(c.FlatObjective(), c.Theta);
        using var mp = new LinearizationPoint(c.ModuleObjective(), c.Theta);
        var lf = Lanczos.Run(new HessianOperator(fp), k: 2, seed: 3);
        var lm = Lanczos.Run(new HessianOperator(mp), k: 2, seed: 3);
        for (int i = 0; i < 2; i++) ClaimAssert.Close(EngineCases.Engine, $"Lanczos eigenvalue {i}", lm.Eigenvalues[i], lf.Eigenvalues[i], 1e-10);
        var hf = Hutchinson.Estimate(new GTermOperator(fp), probes: 10, seed: 4);
        var hm = Hutchinson.Estimate(new GTermOperator(mp), probes: 10, seed: 4);
        ClaimAssert.Close(EngineCases.Engine, "Hutchinson trace of G", hm.Trace.Value, hf.Trace.Value, Tight);
        var dense = DenseMaterializer.Materialize(new HessianOperator(mp));
        ClaimAssert.Close(EngineCases.Engine, "dense H", dense, DenseMaterializer.Materialize(new HessianOperator(fp)), Tight);
    }

}
