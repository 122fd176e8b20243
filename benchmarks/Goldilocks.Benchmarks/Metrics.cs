using System.Diagnostics;
using System.Text.Json;
using Goldilocks.Curvature;
using Goldilocks.Spectral;

namespace Goldilocks.Benchmarks;

/// <summary>The non-timing figures the budgets need, written to metrics.json: peak working set of the d = 50
/// projection (measured first, in a fresh process, so the process peak is the projection's), Lanczos products and
/// spectral gap, and the working set over many consecutive products.</summary>
internal static class Metrics
{
    public sealed record Result(string Data, double ProjectionPeakGiB, int LanczosProducts, double LanczosTop,
        double SpectralGapRatio, int FlatProducts, int FlatSamples, double[] WorkingSetMiB, double FlatMaxDeviation);

    public static Result Run(string outDir, int flatProducts, int flatSamples)
    {
        using var w = Workload.Create(Workload.LeNet300100);
        using (var basis = w.Basis(Operations.ProjectionDimension)) Operations.Projection(w, basis);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        double peak = self.PeakWorkingSet64 / (double)(1L << 30);
        Console.WriteLine($"peak working set after the d = 50 projection: {peak:F3} GiB");

        EigenResult top, two;
        using (var point = w.Linearize())
        {
            top = Operations.Lanczos(point);
            two = Operations.Lanczos(point, k: 2);
        }
        double gap = two.Eigenvalues[0] / two.Eigenvalues[1];
        Console.WriteLine($"Lanczos top-1 to {Operations.LanczosTolerance:E0}: {top.Iterations} products, λ1 = {top.Top:G10} (λ1/λ2 = {gap:F3}, converged {top.Converged})");

        var samples = Flatness(flatProducts, flatSamples);
        var steady = samples.Skip(1).ToArray(); // the first sample is taken after warm-up products (allocator warm-up)
        double dev = steady.Max(s => Math.Abs(s - steady[0]) / steady[0]);
        Console.WriteLine($"working set over {flatProducts} products (MiB): {string.Join(", ", samples.Select(s => s.ToString("F0")))}; max deviation from the first steady sample {dev:P2}");
        var result = new Result(w.Source, peak, top.Iterations, top.Top, gap, flatProducts, flatSamples, samples, dev);
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "metrics.json"), JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
        return result;
    }

    /// <summary>Working set (after a full GC) every products/10 Hessian-vector products on one linearisation.</summary>
    private static double[] Flatness(int products, int samples)
    {
        using var w = Workload.Create(Workload.LeNet300100, samples);
        using var point = w.Linearize();
        var op = new HessianOperator(point);
        var readings = new List<double>();
        int every = Math.Max(1, products / 10);
        for (int i = 0; i <= products; i++)
        {
            if (i % every == 0)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                using var p = Process.GetCurrentProcess();
                readings.Add(p.WorkingSet64 / (double)(1 << 20));
            }
            if (i < products) Operations.Shared(op, w.Vector);
        }
        return readings.ToArray();
    }
}
