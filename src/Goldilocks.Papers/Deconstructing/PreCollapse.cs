
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
/// <param name="TopEigenvector">The top eigenvector of G₁ reshaped to [hidden, inputs] and averaged over hidden units (one
/// value per input feature, Fig. 10 top row), scaled to unit norm with the sign that makes its inner product with x_{μ₀}
/// non-negative; null when G₁ is zero.</param>
public sealed record PreCollapsePoint(double Alpha, double? GTermPC, int LeastConfident, double LeastConfidentEntropy,
    double? DominanceError, double? InputAlignment, double CollapsedFraction, double[]? TopEigenvector = null);

/// <summary>One cell of the pre-collapse scan: initialization seed and scale α.</summary>
public sealed record PreCollapseCell(long Seed, double Alpha);

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
    public static IReadOnlyList<PreCollapsePoint> Run(FlatModel model, Dataset data, IReadOnlyList<double> alphas, long seed = 0) =>
        Run(model, data, alphas, seed, stopAfter: _ => false);

    /// <summary>The scan as a grid of one cell per α (paper 000 Fig. 10), each cell measured on its own (<see cref="Measure"/>); its points equal <see cref="Run(FlatModel, Dataset, IReadOnlyList{double}, long)"/>'s.</summary>
    public static ExperimentGrid<PreCollapseCell, PreCollapsePoint> Grid(FlatModel model, Dataset data, IReadOnlyList<double> alphas, long seed)
    {
        Validate(model, data);
        ArgumentNullException.ThrowIfNull(alphas);
        if (alphas.Count == 0 || alphas.Any(a => !(a > 0) || !double.IsFinite(a))) throw new ArgumentException("every α must be positive and finite", nameof(alphas));
        return new ExperimentGrid<PreCollapseCell, PreCollapsePoint>(alphas.Select(a => new PreCollapseCell(seed, a)).ToArray(),
            (c, i) => ExperimentGrid<PreCollapseCell, PreCollapsePoint>.Key($"seed{c.Seed}-alpha", i, c.Alpha), c => Measure(model, data, c));
    }

    /// <summary>One cell: θ₀ of the cell's seed (<see cref="SeedRule.InitialParameters"/>), θ = α θ₀, and the statistics of the first-layer G-term block there.</summary>
    public static PreCollapsePoint Measure(FlatModel model, Dataset data, PreCollapseCell cell)
    {
        Validate(model, data);
        ArgumentNullException.ThrowIfNull(cell);
        using var scope = torch.NewDisposeScope();
        return At(model, data, SeedRule.InitialParameters(model, cell.Seed, data.DType, data.Device) * cell.Alpha, cell.Alpha);
    }

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
    public static IReadOnlyList<PreCollapsePoint> RunToWindow(FlatModel model, Dataset data, IReadOnlyList<double> alphas, long seed = 0)
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
    public static IReadOnlyList<PreCollapsePoint> Run(FlatModel model, Dataset data, IReadOnlyList<double> alphas, long seed, Func<PreCollapsePoint, bool> stopAfter)
    {
        ArgumentNullException.ThrowIfNull(stopAfter);
        Validate(model, data);
        using var scope = torch.NewDisposeScope();
        var theta0 = SeedRule.InitialParameters(model, seed, data.DType, data.Device);
        var list = new List<PreCollapsePoint>();
        foreach (var alpha in alphas)
        {
            using var inner = torch.NewDisposeScope();
            list.Add(At(model, data, theta0 * alpha, alpha));
            if (stopAfter(list[^1])) break;
        }
        return list;
    }

    /// <summary>Throws unless the model's first block is a fully-connected weight [hidden, inputs] fed by the flat samples of <paramref name="data"/>.</summary>
    private static void Validate(FlatModel model, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var first = model.Blocks[0];
        if (first.IsBias || first.Shape.Length != 2)
            throw new ArgumentException($"the pre-collapse scan needs a first fully-connected weight layer [hidden, inputs], but {model.Name}'s first block {first.Name} has shape [{string.Join(", ", first.Shape)}]", nameof(model));
        long features = data.Inputs.shape.Skip(1).Aggregate(1L, (a, b) => a * b);
        if (first.Shape[1] != features)
            throw new ArgumentException($"{model.Name}'s first layer takes {first.Shape[1]} inputs, but the samples of {data.Name} have {features} features", nameof(model));
    }

    /// <summary>
    /// The statistics at θ (already scaled by α). G₁ = AᵀA with A = [M_μ^{1/2} J₁,μ / √N]_μ ∈ R^{NK×P₁}: when P₁ ≤ N·K
    /// (or <paramref name="gram"/> is false) G₁ and its per-sample parts are formed as P₁×P₁ matrices; otherwise its
    /// non-zero spectrum is that of the N·K×N·K Gram matrix AAᵀ, ‖G₁ − G₁^{μ₀}/N‖_F is the Frobenius norm of that Gram
    /// matrix without μ₀'s rows and columns, and the top eigenvector of G₁ is Aᵀu for the top eigenvector u of AAᵀ.
    /// </summary>
    internal static PreCollapsePoint At(FlatModel model, Dataset data, Tensor theta, double alpha, bool? gram = null)
    {
        var first = model.Blocks[0];
        long hidden = first.Shape[0], inputs = first.Shape[1];
        using var scope = torch.NewDisposeScope();
        var (jacobians, logits) = FirstLayerJacobians(model, data, theta);
        long n = jacobians.shape[0], k = jacobians.shape[1];
        var p = torch.softmax(logits, 1);
        var entropy = CurvatureProbe.Entropies(torch.nn.functional.log_softmax(logits, 1));
        int mu0 = (int)entropy.argmax().item<long>();
        double mu0Entropy = entropy.select(0, mu0).ToDouble();
        double collapsed = CurvatureProbe.CollapsedFraction(p);
        double gNorm, dominance;
        EigenDecomposition eig;
        Func<Tensor, Tensor> toParameters;
        if (!(gram ?? first.Count > n * k))
        {
            var perSample = ExplicitGTerm.Contributions(jacobians, p);
            var g = perSample.sum(new long[] { 0 }); // not sum(0): a literal 0 binds to the ScalarType overload (Byte)
            gNorm = g.norm().ToDouble();
            dominance = gNorm == 0 ? double.NaN : ((g - perSample.select(0, mu0)).norm() / gNorm).ToDouble();
            eig = SymmetricEigen.Decompose(g); // of the symmetric part (g + gᵀ)/2, like CurvatureProbe.Summarize
            toParameters = u => u;
        }
        else
        {
            var (w, q) = torch.linalg.eigh(SoftmaxCovariance.Batched(p)); // M_μ = Q diag(w) Qᵀ, PSD: w ≥ 0 up to round-off
            var root = torch.matmul(q * w.clamp_min(0).sqrt().unsqueeze(1), q.transpose(1, 2));
            var a = torch.bmm(root, jacobians).reshape(n * k, first.Count) / Math.Sqrt(n);
            var gramMatrix = a.matmul(a.T);
            gNorm = gramMatrix.norm().ToDouble();
            var others = torch.cat(new[] { torch.arange(0, mu0 * k), torch.arange((mu0 + 1) * k, n * k) }).to(gramMatrix.device);
            dominance = gNorm == 0 ? double.NaN : (gramMatrix.index_select(0, others).index_select(1, others).norm() / gNorm).ToDouble();
            eig = SymmetricEigen.Decompose(gramMatrix);
            toParameters = u => a.T.matmul(u.to(a.dtype).to(a.device));
        }
        if (gNorm == 0) return new PreCollapsePoint(alpha, null, mu0, mu0Entropy, null, null, collapsed);
        int top = Array.IndexOf(eig.Eigenvalues, eig.Eigenvalues.MaxBy(Math.Abs));
        var averaged = toParameters(eig.Eigenvectors.select(1, top)).reshape(hidden, inputs).mean(new long[] { 0 }).cpu();
        var x = data.Inputs.select(0, mu0).flatten().to(ScalarType.Float64).cpu();
        double inner = (averaged.dot(x) / (averaged.norm() * x.norm())).ToDouble();
        var image = (averaged / averaged.norm() * (inner < 0 ? -1.0 : 1.0)).data<double>().ToArray();
        return new PreCollapsePoint(alpha, CurvatureSummary.FromEigenvalues(eig.Eigenvalues).PositiveCurvature, mu0, mu0Entropy, dominance, Math.Abs(inner), collapsed, image);
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
