using Goldilocks.Curvature;
using Goldilocks.Data;
using Goldilocks.Losses;
using Goldilocks.Models;
using Goldilocks.Objectives;
using Goldilocks.Spectral;

namespace Goldilocks.Experiments;

/// <summary>
/// One α of the pre-collapse scan (paper 000 App. D, Fig. 10): PC of the first-layer G-term block, the least confident
/// sample μ₀ (largest softmax entropy), the relative Frobenius distance between that block and μ₀'s own contribution
/// G^{μ₀}/N, and |cos| between x_{μ₀} and the top eigenvector of the first layer's Hessian block averaged over hidden units.
/// </summary>
public sealed record PreCollapsePoint(double Alpha, double? GTermPC, int LeastConfident, double LeastConfidentEntropy,
    double? DominanceError, double? InputAlignment, double CollapsedFraction);

/// <summary>
/// Appendix D: as α grows (T = 1) per-sample G-terms vanish at different rates until only the least confident sample's
/// remains, so G ≈ G^{μ₀}/N, PC(G) → 1 and the first layer's principal curvature direction is x_{μ₀}. The first-layer
/// block of H equals that of G for bias-free ReLU nets (the H-term has zero diagonal blocks, App. A), so the Hessian block is
/// used for the eigenvector, as in the paper, and the G-term block for PC and dominance.
/// </summary>
public static class PreCollapse
{
    public static IReadOnlyList<PreCollapsePoint> Run(Mlp model, Dataset data, IReadOnlyList<double> alphas, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var first = model.Blocks[0];
        if (first.IsBias) throw new ArgumentException("the first block must be the first layer's weight", nameof(model));
        long hidden = first.Shape[0], inputs = first.Shape[1];
        using var scope = torch.NewDisposeScope();
        var theta0 = model.InitialParameters(seed, data.DType, data.Device);
        var selector = torch.zeros(model.ParameterCount, first.Count, dtype: data.DType, device: data.Device);
        selector.narrow(0, first.Offset, first.Count).copy_(torch.eye(first.Count, dtype: data.DType, device: data.Device));
        var ce = new CrossEntropy();
        var objective = new Objective(model, data, ce);
        var list = new List<PreCollapsePoint>();
        foreach (var alpha in alphas)
        {
            using var inner = torch.NewDisposeScope();
            var theta = theta0 * alpha;
            var logp = torch.nn.functional.log_softmax(objective.Logits(theta), 1);
            var entropy = -(logp.exp() * logp).nan_to_num(0.0).sum(1);
            int mu0 = (int)entropy.argmax().item<long>();
            double collapsed = ((1 - logp.exp().max(1).values) < CurvatureProbe.CollapseTolerance).to(ScalarType.Float64).mean().item<double>();
            using var point = new LinearizationPoint(objective, theta);
            var g = DenseMaterializer.Materialize(new ProjectedOperator(new GTermOperator(point), selector), allowLarge: true);
            double gNorm = g.norm().item<double>();
            if (gNorm == 0)
            {
                list.Add(new PreCollapsePoint(alpha, null, mu0, entropy[mu0].item<double>(), null, null, collapsed));
                continue;
            }
            using var single = data.Slice(mu0, 1);
            using var singlePoint = new LinearizationPoint(new Objective(model, single, ce), theta);
            var gSingle = DenseMaterializer.Materialize(new ProjectedOperator(new GTermOperator(singlePoint), selector), allowLarge: true) / data.Count;
            double dominance = ((g - gSingle).norm() / gNorm).item<double>();
            var h = DenseMaterializer.Materialize(new ProjectedOperator(new HessianOperator(point), selector), allowLarge: true);
            var eig = SymmetricEigen.Decompose(h);
            int top = Array.IndexOf(eig.Eigenvalues, eig.Eigenvalues.MaxBy(Math.Abs));
            var averaged = eig.Eigenvectors.select(1, top).reshape(hidden, inputs).mean(new long[] { 0 });
            var x = data.Inputs[mu0].flatten().to(ScalarType.Float64).cpu();
            double align = Math.Abs((averaged.dot(x) / (averaged.norm() * x.norm())).item<double>());
            list.Add(new PreCollapsePoint(alpha, PositiveCurvature.Of(g), mu0, entropy[mu0].item<double>(), dominance, align, collapsed));
        }
        return list;
    }
}
