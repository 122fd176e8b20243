using Goldilocks.Tests.Foundation;

namespace Goldilocks.Tests.Modules;

/// <summary>
/// A module has one set of parameter tensors: binding other values overwrites them in place, after which graphs built
/// earlier hold outdated saved tensors (differentiating them would abort the process inside native autograd). The
/// generation counter makes a linearization point rebuild, and refuses a stale graph with a .NET exception.
/// </summary>
public sealed class RebindingSafetyTests
{
    [Test]
    public void Two_points_on_one_module_rebuild_and_give_their_own_products()
    {
        using var c = ModuleCases.Create("LeakyReLU-MLP-bias");
        using var scope = torch.NewDisposeScope();
        var objective = c.ModuleObjective();
        var other = c.Theta * 0.8 + 0.01;
        using var a = new LinearizationPoint(objective, c.Theta);
        using var b = new LinearizationPoint(objective, other);
        var v = EngineCases.Gaussian(c.Flat.ParameterCount, 9);
        var ha1 = new HessianOperator(a).Apply(v);
        long afterA = c.Adapted.Generation;
        var hb = new HessianOperator(b).Apply(v);
        c.Adapted.Generation.Should().BeGreaterThan(afterA, "b bound its own θ");
        a.Binding.IsCurrent.Should().BeFalse();
        var ha2 = new HessianOperator(a).Apply(v);
        a.Binding.IsCurrent.Should().BeTrue("a rebuilt its graphs");
        EngineCases.BitwiseEqual(ha2, ha1).Should().BeTrue("a rebuilt at its own θ gives the same product");

        // Oracle: the flat route at each θ.
        using var fa = new LinearizationPoint(c.FlatObjective(), c.Theta);
        using var fb = new LinearizationPoint(c.FlatObjective(), other);
        ClaimAssert.Close(EngineCases.Engine, "Hv at θ_a", ha1, new HessianOperator(fa).Apply(v), 1e-12);
        ClaimAssert.Close(EngineCases.Engine, "Hv at θ_b", hb, new HessianOperator(fb).Apply(v), 1e-12);
    }

    [Test]
    public void A_stale_graph_is_refused_with_a_clear_exception()
    {
        using var c = ModuleCases.Create("LeakyReLU-MLP-bias");
        using var scope = torch.NewDisposeScope();
        var objective = c.ModuleObjective();
        using var point = new LinearizationPoint(objective, c.Theta);
        var batch = point.Graphs()[0];
        _ = batch.Gradient;
        var v = EngineCases.Gaussian(c.Flat.ParameterCount, 10);
        objective.Value(c.Theta * 2);  // overwrites the parameters the graphs saved
        batch.Binding.IsCurrent.Should().BeFalse();
        FluentActions.Invoking(() => point.SecondOrderProduct(batch.Gradient, v)).Should().Throw<InvalidOperationException>().WithMessage("*were overwritten*");
        FluentActions.Invoking(() => LinearizationPoint.JacobianProduct(batch, v)).Should().Throw<InvalidOperationException>().WithMessage("*were overwritten*");
        FluentActions.Invoking(() => point.JacobianTransposeProduct(batch, torch.ones_like(batch.Logits))).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => point.HessianAndJacobianProduct(batch, v)).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => batch.JacobianTransposeResidual).Should().Throw<InvalidOperationException>("an unbuilt graph is not built on stale tensors");
    }

    [Test]
    public void Rebinding_in_the_middle_of_a_product_is_refused()
    {
        using var c = ModuleCases.Create("DeepLinear");
        using var scope = torch.NewDisposeScope();
        var objective = c.ModuleObjective(batchSize: 8);
        using var point = new LinearizationPoint(objective, c.Theta);
        var v = EngineCases.Gaussian(c.Flat.ParameterCount, 11);
        int calls = 0;
        FluentActions.Invoking(() => point.MeanOverBatches(b =>
        {
            if (calls++ == 1) objective.Value(c.Theta * 3);
            return point.SecondOrderProduct(b.Gradient, v);
        })).Should().Throw<InvalidOperationException>().WithMessage("*were overwritten*");
        calls.Should().Be(2, "the second batch's product was refused before autograd ran");
        // The point recovers on its next product.
        using var flat = new LinearizationPoint(c.FlatObjective(batchSize: 8), c.Theta);
        ClaimAssert.Close(EngineCases.Engine, "Hv after the refused product", new HessianOperator(point).Apply(v), new HessianOperator(flat).Apply(v), 1e-12);
    }

    [Test]
    public void Binding_the_values_already_held_copies_nothing_and_keeps_bindings_current()
    {
        using var c = ModuleCases.Create("DeepLinear");
        using var scope = torch.NewDisposeScope();
        var objective = c.ModuleObjective();
        using var point = new LinearizationPoint(objective, c.Theta);
        var v = EngineCases.Gaussian(c.Flat.ParameterCount, 12);
        var before = new GTermOperator(point).Apply(v);
        long generation = c.Adapted.Generation;
        objective.Value(c.Theta);
        objective.ValueAndGradient(c.Theta.clone());
        GradientDescent.Direction(objective, c.Theta, LogitCoefficients.LossGradient(objective.Loss));
        c.Adapted.Generation.Should().Be(generation);
        point.Binding.IsCurrent.Should().BeTrue();
        EngineCases.BitwiseEqual(new GTermOperator(point).Apply(v), before).Should().BeTrue();
        objective.Value(c.Theta + 1e-3);
        c.Adapted.Generation.Should().Be(generation + 1);
        point.Binding.IsCurrent.Should().BeFalse();
    }

    [Test]
    public void A_disposed_model_turns_its_bindings_stale()
    {
        var c = ModuleCases.Create("DeepLinear");
        using var scope = torch.NewDisposeScope();
        var binding = c.Adapted.Bind(c.Theta);
        c.Dispose();
        binding.IsCurrent.Should().BeFalse();
        FluentActions.Invoking(() => binding.Forward(torch.zeros(2, 20, dtype: ScalarType.Float64))).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => c.Adapted.CurrentParameters()).Should().Throw<ObjectDisposedException>();
    }
}
