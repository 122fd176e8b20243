
namespace Goldilocks.Tests.Foundation;

/// <summary>The curvature operators against oracles that share no code path with them.</summary>
public sealed class HessianOracleTests
{
    [Test]
    public void Hessian_operator_matches_row_by_row_autograd_Hessian()
    {
        using var scope = torch.NewDisposeScope();
        var (model, data) = Fixtures.TinyReluNet();
        var objective = Fixtures.CrossEntropyObjective(model, data, batchSize: 5);
        var theta = model.InitialParameters(3);
        using var point = new LinearizationPoint(objective, theta);
        var dense = DenseMaterializer.Materialize(new HessianOperator(point));
        var oracle = AutogradHessian.OfLoss(objective, theta);
        ClaimAssert.Close("G3", "Hessian operator vs row-by-row autograd", dense, oracle, 1e-10);
    }

    [Test]
    public void Hessian_equals_GTerm_plus_HTerm()
    {
        using var scope = torch.NewDisposeScope();
        var (model, data) = Fixtures.TinyReluNet();
        var objective = Fixtures.CrossEntropyObjective(model, data, temperature: 0.7);
        var theta = model.InitialParameters(4);
        using var point = new LinearizationPoint(objective, theta);
        var h = DenseMaterializer.Materialize(new HessianOperator(point));
        var g = DenseMaterializer.Materialize(new GTermOperator(point));
        var ht = DenseMaterializer.Materialize(new HTermOperator(point));
        ClaimAssert.Close("G3", "H = G + H-term", g + ht, h, 1e-10);
        TestContext.Out.WriteLine($"tr H-term = {torch.trace(ht).item<double>():E3}, tr G = {torch.trace(g).item<double>():E3}");
    }
}
