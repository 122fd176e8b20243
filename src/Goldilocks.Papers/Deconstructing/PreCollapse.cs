using Goldilocks.Data;
using Goldilocks.Losses;
using Goldilocks.Models;
using Goldilocks.Runtime;
using Goldilocks.Spectral;

namespace Goldilocks.Papers.Deconstructing;

/// <summary>
/// One α of the pre-collapse scan (paper 000 App. D, Fig. 10): PC of the first-layer G-term block G₁, the least confident
/// sample μ₀ (largest softmax entropy), the relative Frobenius distance between G₁ and μ₀'s own contribution G₁^{μ₀}/N,
/// and |cos| between x_{μ₀} and the top eigenvector of the first-layer block averaged over hidden units.
/// </summary>
/// <param name="Alpha">Scale α.</param>
/// <param name="GTermPC">PC(G₁) of the first-layer G-term block; null when it is zero.</param>
/// <param name="LeastConfident">Index μ₀ of the sample with the largest softmax entropy.</param>
/// <param name="LeastConfidentEntropy">Its entropy.</param>
/// <param name="DominanceError">‖G₁ − G₁^{μ₀}/N‖_F / ‖G₁‖_F; null when G₁ is zero.</param>
/// <param name="InputAlignment">|cos(x_{μ₀}, top eigenvector)| averaged over hidden units; null when G₁ is zero.</param>
/// <param name="CollapsedFraction">Share of samples whose softmax is one-hot.</param>
public sealed record PreCollapsePoint(double Alpha, double? GTermPC, int LeastConfident, double LeastConfidentEntropy,
    double? DominanceError, double? InputAlignment, double CollapsedFraction);

/// <summary>
/// Appendix D: as α grows (T = 1) per-sample G-terms vanish at different rates until only the least confident sample's
/// remains, so G ≈ G^{μ₀}/N, PC(G) → 1 and the first layer's principal curvature direction is x_{μ₀}. For bias-free ReLU
/// nets the H-term has zero diagonal blocks (App. A, claim G7), so the first-layer Hessian block the paper plots is exactly
/// G₁ = (1/N) Σ_μ J₁,μᵀ[diag p_μ − p_μp_μᵀ]J₁,μ, built here from per-sample first-layer logit Jacobians J₁,μ [K, P₁]
/// (K backward passes per sample) instead of P₁ Hessian-vector products.
/// </summary>
public static class PreCollapse
{
    /// <summary>The whole scan: one point per α in <paramref name="alphas"/> at θ = α θ₀ (θ₀ drawn with <paramref name="seed"/>), never stopping early.</summary>
    public static IReadOnlyList<PreCollapsePoint> Run(Mlp model, Dataset data, IReadOnlyList<double> alphas, long seed = 0) =>
        Run(model, data, alphas, seed, stopAfter: _ => false);

    /// <summary>PC(G₁) at or below which a scan point is in the pre-collapse window (App. D: PC(G) → 1).</summary>
    public const double WindowPC = 1.05;

    /// <summary>
    /// Below this PC the computed G₁ has lost its digits: G₁ is positive semi-definite, so PC(G₁) ≥ 1 exactly, and a
    /// value under 1 − 0.05 comes from round-off of a G-term collapsing towards zero (seen: −0.16, 0.61, 0.68 right
    /// after points at 1.1-1.4 on a 13-point grid). Such a point is past the window, not in it.
    /// </summary>
    public const double RoundOffPC = 0.95;

    /// <summary>Bisections in log α between the last point before the window and the first one past it.</summary>
    public const int MaxBisections = 8;

    /// <summary>
    /// Scans α in order up to and including the first point of the pre-collapse window
    /// (<see cref="RoundOffPC"/> ≤ PC(G₁) ≤ <see cref="WindowPC"/>). When the grid jumps from above the window straight
    /// past it (PC below <see cref="RoundOffPC"/>), log α is bisected between the two points until a point lands in the
    /// window; the bisection points are returned in the order computed. Each α costs N·K backward passes.
    /// </summary>
    public static IReadOnlyList<PreCollapsePoint> RunToWindow(Mlp model, Dataset data, IReadOnlyList<double> alphas, long seed = 0)
    {
        var points = Run(model, data, alphas, seed, stopAfter: p => InWindow(p) || PastWindow(p)).ToList();
        if (points.Count < 2 || !PastWindow(points[^1])) return points;
        double below = points[^2].Alpha, above = points[^1].Alpha;
        for (int i = 0; i < MaxBisections; i++)
        {
            double mid = Math.Sqrt(below * above);
            var point = Run(model, data, new[] { mid }, seed)[0];
            points.Add(point);
            if (InWindow(point)) break;
            if (PastWindow(point)) above = mid; else below = mid;
        }
        return points;
    }

    /// <summary>True when the point's first-layer G-term has <see cref="RoundOffPC"/> ≤ PC ≤ <see cref="WindowPC"/>.</summary>
    public static bool InWindow(PreCollapsePoint point) => point.GTermPC is { } g && g >= RoundOffPC && g <= WindowPC;

    /// <summary>True when the G-term is zero or its PC is below <see cref="RoundOffPC"/>: collapse has gone past the window.</summary>
    public static bool PastWindow(PreCollapsePoint point) => point.GTermPC is not { } g || g < RoundOffPC;

    /// <summary>The scan, stopping after the first point for which <paramref name="stopAfter"/> holds.</summary>
    public static IReadOnlyList<PreCollapsePoint> Run(Mlp model, Dataset data, IReadOnlyList<double> alphas, long seed, Func<PreCollapsePoint, bool> stopAfter)
    {
        ArgumentNullException.ThrowIfNull(stopAfter);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var first = model.Blocks[0];
        if (first.IsBias) throw new ArgumentException("the first block must be the first layer's weight", nameof(model));
        long hidden = first.Shape[0], inputs = first.Shape[1];
        using var scope = torch.NewDisposeScope();
        var theta0 = SeedRule.InitialParameters(model, seed, data.DType, data.Device);
        var list = new List<PreCollapsePoint>();
        foreach (var alpha in alphas)
        {
            using var inner = torch.NewDisposeScope();
            var (jacobians, logits) = FirstLayerJacobians(model, data, theta0 * alpha);
            var p = torch.softmax(logits, 1);
            var entropy = CurvatureProbe.Entropies(torch.nn.functional.log_softmax(logits, 1));
            int mu0 = (int)entropy.argmax().item<long>();
            double collapsed = CurvatureProbe.CollapsedFraction(p);
            var perSample = ExplicitGTerm.Contributions(jacobians, p);
            var g = perSample.sum(new long[] { 0 }); // not sum(0): a literal 0 binds to the ScalarType overload (Byte)
            double gNorm = g.norm().ToDouble();
            if (gNorm == 0)
            {
                list.Add(new PreCollapsePoint(alpha, null, mu0, entropy.select(0, mu0).ToDouble(), null, null, collapsed));
                continue;
            }
            double dominance = ((g - perSample.select(0, mu0)).norm() / gNorm).ToDouble();
            var eig = SymmetricEigen.Decompose(g); // of the symmetric part (g + gᵀ)/2, like CurvatureProbe.Summarize
            int top = Array.IndexOf(eig.Eigenvalues, eig.Eigenvalues.MaxBy(Math.Abs));
            var averaged = eig.Eigenvectors.select(1, top).reshape(hidden, inputs).mean(new long[] { 0 });
            var x = data.Inputs.select(0, mu0).flatten().to(ScalarType.Float64).cpu();
            double align = Math.Abs((averaged.dot(x) / (averaged.norm() * x.norm())).ToDouble());
            list.Add(new PreCollapsePoint(alpha, CurvatureSummary.FromEigenvalues(eig.Eigenvalues).PositiveCurvature, mu0, entropy.select(0, mu0).ToDouble(), dominance, align, collapsed));
            if (stopAfter(list[^1])) break;
        }
        return list;
    }

    /// <summary>Per-sample logit Jacobians restricted to the first weight layer [N, K, P₁], and the logits [N, K].</summary>
    public static (Tensor Jacobians, Tensor Logits) FirstLayerJacobians(FlatModel model, Dataset data, Tensor theta)
    {
        using var scope = torch.NewDisposeScope();
        var first = model.Blocks[0];
        var binding = model.Bind(theta);
        var rows = new List<Tensor>();
        var logitRows = new List<Tensor>();
        for (long n = 0; n < data.Count; n++)
        {
            using var inner = torch.NewDisposeScope();
            var z = binding.Forward(data.Inputs.narrow(0, n, 1)).squeeze(0);
            var perClass = Enumerable.Range(0, model.Outputs).Select(k =>
            {
                var onehot = torch.zeros_like(z);
                onehot[k] = 1.0;
                return binding.Grad(z, onehot).narrow(0, first.Offset, first.Count);
            }).ToList();
            rows.Add(torch.stack(perClass, 0).MoveToOuterDisposeScope());
            logitRows.Add(z.detach().MoveToOuterDisposeScope());
        }
        return (torch.stack(rows, 0).MoveToOuterDisposeScope(), torch.stack(logitRows, 0).MoveToOuterDisposeScope());
    }
}
