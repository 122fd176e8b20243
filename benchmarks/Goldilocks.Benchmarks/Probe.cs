using System.Diagnostics;
using Goldilocks.Curvature;

namespace Goldilocks.Benchmarks;

/// <summary>Quick Stopwatch timings of every operation once (for orientation, not for budgets).</summary>
internal static class Probe
{
    public static void Run(string model)
    {
        using var w = Workload.Create(model);
        Console.WriteLine($"{w.Model} on {w.Source}, threads {torch.get_num_threads()}");
        using var point = w.Linearize();
        Time("loss+gradient", () => Operations.LossAndGradient(w));
        Time("HVP fresh", () => Operations.Fresh(w, p => new HessianOperator(p)));
        Time("G fresh", () => Operations.Fresh(w, p => new GTermOperator(p)));
        Time("HVP shared (1st: builds graph)", () => Operations.Shared(new HessianOperator(point), w.Vector));
        Time("HVP shared", () => Operations.Shared(new HessianOperator(point), w.Vector));
        Time("G shared", () => Operations.Shared(new GTermOperator(point), w.Vector));
        Time("G shared", () => Operations.Shared(new GTermOperator(point), w.Vector));
        Time("H-term shared", () => Operations.Shared(new HTermOperator(point), w.Vector));
        Time("H-term shared", () => Operations.Shared(new HTermOperator(point), w.Vector));
        Time("JVP shared", () => Operations.JacobianVector(point, w.Vector));
        Time("JVP shared", () => Operations.JacobianVector(point, w.Vector));
        Time("H+J fused shared", () => Operations.HessianAndJacobian(point, w.Vector));
        Time("H+J fused shared", () => Operations.HessianAndJacobian(point, w.Vector));
        Time("HVP shared", () => Operations.Shared(new HessianOperator(point), w.Vector));
        using var basis = w.Basis(Operations.ProjectionDimension);
        Time("projection d=50", () => Operations.Projection(w, basis));
        var l = Operations.Lanczos(point);
        Console.WriteLine($"lanczos products {l.Iterations} top {l.Top}");
    }

    public static double Time(string what, Func<double> f)
    {
        var sw = Stopwatch.StartNew();
        f();
        Console.WriteLine($"{what,-34} {sw.Elapsed.TotalMilliseconds,10:F1} ms");
        return sw.Elapsed.TotalMilliseconds;
    }
}
