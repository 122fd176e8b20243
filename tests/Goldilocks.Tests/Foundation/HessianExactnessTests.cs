
namespace Goldilocks.Tests.Foundation;

/// <summary>
/// The Hessian operator (batched, shared linearisation, double backward) against two oracles on several
/// architectures: rows of a dense Hessian built by plain autograd on the whole dataset, and central finite
/// differences of the first-order gradient.
/// </summary>
public sealed class HessianExactnessTests
{
    /// <summary>
    /// H e_i from the operator (batch size 5, so the data is split 5+5+2 or 5+1) against row i of the Hessian from
    /// one unbatched graph. Both are exact up to round-off: float64 sums of O(P) terms give ~1e-15 relative, so 1e-10
    /// leaves five orders of magnitude and still catches any wrong batch weight (≥ 1e-1) or a dropped term.
    /// </summary>
    [TestCaseSource(typeof(EngineCases), nameof(EngineCases.Architectures))]
    public void Hessian_operator_matches_dense_autograd_rows(string architecture)
    {
        using var scope = torch.NewDisposeScope();
        using var c = EngineCases.Create(architecture);
        var objective = c.Objective(temperature: 0.8, batchSize: 5);
        using var point = new LinearizationPoint(objective, c.Theta);
        var hessian = new HessianOperator(point);
        var indices = EngineCases.RowIndices(c.Model);
        var columns = torch.stack(indices.Select(i => hessian.Apply(torch.zeros(c.Model.ParameterCount).index_fill_(0, torch.tensor(new[] { i }), 1.0))).ToList(), 0);
        var oracle = AutogradHessian.OfLoss(objective, c.Theta, indices);
        double err = ClaimAssert.RelativeError(columns, oracle);
        TestContext.Out.WriteLine($"{architecture}: P = {c.Model.ParameterCount}, {indices.Length} rows, relative error {err:E3}");
        ClaimAssert.Close(EngineCases.Engine, $"{architecture}: Hessian operator vs row-by-row autograd ({indices.Length} rows)", columns, oracle, 1e-10);
    }

    /// <summary>
    /// Hv against (∇L(θ+hv) - ∇L(θ-hv))/2h for three seeded unit directions v. Step h = 1e-5: the central
    /// difference's truncation error is h²/6·‖∇³L[v,v]‖ ≈ 1e-11 relative for O(1) third derivatives and its rounding
    /// error ≈ ε‖∇L‖/h ≈ 1e-11 (h ≈ ε^{1/3} ≈ 6e-6 balances the two), far below the 1e-6 bound. A step this small
    /// also keeps ReLU/max-pool kinks (where the gradient jumps) out of [θ-hv, θ+hv] at these fixed seeds.
    /// </summary>
    [TestCaseSource(typeof(EngineCases), nameof(EngineCases.Architectures))]
    public void Hessian_operator_matches_central_finite_differences_of_the_gradient(string architecture)
    {
        const double step = 1e-5;
        using var scope = torch.NewDisposeScope();
        using var c = EngineCases.Create(architecture);
        var objective = c.Objective(temperature: 1.3, batchSize: 4);
        using var point = new LinearizationPoint(objective, c.Theta);
        var hessian = new HessianOperator(point);
        double worst = 0;
        for (int k = 0; k < 3; k++)
        {
            var v = EngineCases.Gaussian(c.Model.ParameterCount, 10 + k);
            v /= v.norm();
            var fd = EngineCases.FiniteDifferenceHessianProduct(objective, c.Theta, v, step);
            var hv = hessian.Apply(v);
            worst = Math.Max(worst, ClaimAssert.RelativeError(hv, fd));
            ClaimAssert.Close(EngineCases.Engine, $"{architecture}: Hv vs central difference of ∇L (h = {step}, direction {k})", hv, fd, 1e-6);
        }
        TestContext.Out.WriteLine($"{architecture}: worst relative error vs finite differences {worst:E3}");
    }
}
