
namespace Goldilocks.Tests.Foundation;

/// <summary>The curvature operators against oracles that share no code path with them.</summary>
public sealed class HessianOracleTests
{
    /// <summary>Dense Hessian built row by row: row i = ∂(∂L/∂θ_i)/∂θ, from one plain first-order graph of the full loss.</summary>
    internal static Tensor RowByRowHessian(Goldilocks.Objectives.Objective objective, Tensor theta)
    {
        using var scope = torch.NewDisposeScope();
        var leaf = theta.detach().clone().requires_grad_(true);
        var (x, y) = objective.Batch(0, objective.Count);
        var loss = objective.Loss.Sum(objective.Model.Forward(leaf, x), y) / objective.Count;
        var g = SafeAutograd.Grad(loss, leaf, createGraph: true);
        var rows = new List<Tensor>();
        for (int i = 0; i < g.shape[0]; i++) rows.Add(SafeAutograd.Grad(g[i], leaf));
        return torch.stack(rows, 0).MoveToOuterDisposeScope();
    }

    [Test]
    public void Hessian_operator_matches_row_by_row_autograd_Hessian()
    {
        using var scope = torch.NewDisposeScope();
        var (model, data) = Fixtures.TinyReluNet();
        var objective = Fixtures.CrossEntropyObjective(model, data, batchSize: 5);
        var theta = model.InitialParameters(3);
        using var point = new LinearizationPoint(objective, theta);
        var dense = DenseMaterializer.Materialize(new HessianOperator(point));
        var oracle = RowByRowHessian(objective.WithBatchSize(0), theta);
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
