using System.Text;
using Goldilocks.Curvature;
using Goldilocks.Runtime;

namespace Goldilocks.Benchmarks;

/// <summary>
/// Before/after comparisons, each as interleaved A/B pairs (A B A B …) whose per-pair ratios are summarised by their
/// median, so load from other processes affects both sides of a pair alike.
/// </summary>
internal static class Profile
{
    public static void Run(string outDir, int pairs)
    {
        var md = new StringBuilder();
        md.AppendLine("| comparison (LeNet-300-100, N = 1,000) | before (ms, median) | after (ms, median) | after/before (median of pair ratios) |").AppendLine("|---|---|---|---|");
        using var w = Workload.Create(Workload.LeNet300100);
        using var point = w.Linearize();
        var hvp = new HessianOperator(point);
        Operations.Shared(hvp, w.Vector);

        Compare(md, "one fresh HVP: plain TorchSharp double backward → library (a linearisation built for it)",
            () => Operations.PlainDoubleBackward(w), () => Operations.Fresh(w, p => new HessianOperator(p)), pairs);
        Compare(md, "loss+gradient: plain TorchSharp → library (Objective.ValueAndGradient, with its input checks)",
            () => Operations.PlainLossAndGradient(w), () => Operations.LossAndGradient(w), pairs);
        Compare(md, "graph reuse: HVP fresh → HVP on a shared linearisation",
            () => Operations.Fresh(w, p => new HessianOperator(p)), () => Operations.Shared(hvp, w.Vector), pairs);
        Compare(md, "graph reuse: G-term fresh → G-term shared",
            () => Operations.Fresh(w, p => new GTermOperator(p)), () => Operations.Shared(new GTermOperator(point), w.Vector), pairs);
        Compare(md, "linearisation: eager 3 first-order graphs (old) → lazy, gradient only (new), then one HVP",
            () => OldEagerHvp(w), () => Operations.Fresh(w, p => new HessianOperator(p)), pairs);
        Compare(md, "H v then J v separately → fused in one backward pass",
            () => Operations.Shared(hvp, w.Vector) + Operations.JacobianVector(point, w.Vector), () => Operations.HessianAndJacobian(point, w.Vector), pairs);

        using (var basis50 = w.Basis(Operations.ProjectionDimension))
            Compare(md, "finiteness check of the d = 50 basis (P × 50): element-wise isfinite → sum first (Guard.AllFinite)",
                () => { using var s = torch.NewDisposeScope(); return torch.isfinite(basis50).all().item<bool>() ? 1 : 0; },
                () => Guard.AllFinite(basis50) ? 1 : 0, pairs);

        using (var basis = w.Basis(20))
            Compare(md, "projection d = 20: operator path (d H + d G products) → ProjectedCurvature.Compute",
                () => OldProjection(w, basis), () => Operations.Projection(w, basis), Math.Max(2, pairs / 3));

        int threads = torch.get_num_threads();
        Compare(md, $"threads: 1 → {threads} (Environment.ProcessorCount), HVP shared",
            () => { torch.set_num_threads(1); return Operations.Shared(hvp, w.Vector); },
            () => { torch.set_num_threads(threads); return Operations.Shared(hvp, w.Vector); }, pairs);
        torch.set_num_threads(threads);

        using (var w32 = Workload.Create(Workload.LeNet300100, dtype: ScalarType.Float32))
        using (var p32 = w32.Linearize())
        {
            var hvp32 = new HessianOperator(p32);
            Compare(md, "dtype: float64 → float32, HVP shared", () => Operations.Shared(hvp, w.Vector), () => Operations.Shared(hvp32, w32.Vector), pairs);
            Compare(md, "dtype: float64 → float32, loss+gradient", () => Operations.LossAndGradient(w), () => Operations.LossAndGradient(w32), pairs);
            using var s = torch.NewDisposeScope();
            var h64 = hvp.Apply(w.Vector);
            var h32 = hvp32.Apply(w32.Vector).to(ScalarType.Float64);
            md.AppendLine().AppendLine($"float32 HVP relative error vs float64: {((h32 - h64).norm() / h64.norm()).item<double>():E2}");
        }
        md.AppendLine($"Device: {TorchRuntime.ResolveDevice()}, threads {threads}, {Environment.ProcessorCount} logical processors, pairs {pairs}.");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "profile.md"), md.ToString());
        Console.WriteLine(md);
    }

    private static void Compare(StringBuilder md, string what, Func<double> before, Func<double> after, int pairs)
    {
        // Three warm-up calls per side: the first comparison of a process otherwise pays for first-call set-up
        // (with one warm-up call the library's fresh HVP read 1.30x a plain double backward, with three 1.12x).
        for (int i = 0; i < 3; i++) { before(); after(); }
        var (tb, ta, ratio) = (new List<double>(), new List<double>(), new List<double>());
        for (int i = 0; i < pairs; i++)
        {
            double b = Timing.Seconds(before), a = Timing.Seconds(after);
            tb.Add(b); ta.Add(a); ratio.Add(a / b);
        }
        string line = $"| {what} | {Timing.MedianOf(tb) * 1e3:F1} | {Timing.MedianOf(ta) * 1e3:F1} | {Timing.MedianOf(ratio):F3} (range {ratio.Min():F2}–{ratio.Max():F2}) |";
        md.AppendLine(line);
        Console.WriteLine(line);
    }

    /// <summary>The linearisation as it was before this work: gradient, Jᵀw and Jᵀr graphs all built eagerly.</summary>
    private static double OldEagerHvp(Workload w)
    {
        using var point = w.Linearize();
        foreach (var b in point.Graphs())
        {
            using var scope = torch.NewDisposeScope();
            _ = b.Gradient;
            _ = b.JacobianTransposeResidual;
            var dummy = torch.zeros_like(b.Logits).requires_grad_(true);
            SafeAutograd.Grad(b.Logits, point.Theta, dummy, createGraph: true); // the old separate Jᵀw graph
        }
        return Operations.Shared(new HessianOperator(point), w.Vector);
    }

    /// <summary>The projection as it was: VᵀHV and VᵀGV by one operator product per column, H-term = H - G.</summary>
    private static double OldProjection(Workload w, Tensor basis)
    {
        using var point = w.Linearize();
        using var scope = torch.NewDisposeScope();
        var h = DenseMaterializer.Materialize(new ProjectedOperator(new HessianOperator(point), basis));
        var g = DenseMaterializer.Materialize(new ProjectedOperator(new GTermOperator(point), basis));
        return (h - g)[0, 0].item<double>();
    }
}
