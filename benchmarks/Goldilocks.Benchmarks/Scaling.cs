using System.Text;
using Goldilocks.Curvature;

namespace Goldilocks.Benchmarks;

/// <summary>HVP time against N (samples, LeNet-300-100) and against P (hidden widths scaled, N = 1,000): fitted
/// exponents and a log-log plot (ScottPlot).</summary>
internal static class Scaling
{
    public static readonly int[] Samples = { 250, 500, 1000, 2000, 4000, 8000 };
    public static readonly double[] WidthScale = { 0.25, 0.5, 1, 2, 4 };

    public static void Run(string outDir, int repeats)
    {
        var md = new StringBuilder();
        md.AppendLine("| series | x | P | HVP shared (ms, median) | HVP fresh (ms, median) |").AppendLine("|---|---|---|---|---|");
        var (nShared, nFresh) = (new List<double>(), new List<double>());
        foreach (int n in Samples)
        {
            using var w = Workload.Create(Workload.LeNet300100, n);
            var (s, f) = Measure(w, repeats);
            nShared.Add(s); nFresh.Add(f);
            md.AppendLine($"| N | {n} | {w.Model.ParameterCount} | {s * 1e3:F1} | {f * 1e3:F1} |");
            Console.WriteLine($"N = {n}: shared {s * 1e3:F1} ms, fresh {f * 1e3:F1} ms");
        }
        var (pCounts, pShared, pFresh) = (new List<double>(), new List<double>(), new List<double>());
        foreach (double k in WidthScale)
        {
            var hidden = new[] { (int)(300 * k), (int)(100 * k) };
            using var w = Workload.Create("MLP", 1000, hidden: hidden);
            var (s, f) = Measure(w, repeats);
            pCounts.Add(w.Model.ParameterCount); pShared.Add(s); pFresh.Add(f);
            md.AppendLine($"| P | 784-{hidden[0]}-{hidden[1]}-10 | {w.Model.ParameterCount} | {s * 1e3:F1} | {f * 1e3:F1} |");
            Console.WriteLine($"P = {w.Model.ParameterCount}: shared {s * 1e3:F1} ms, fresh {f * 1e3:F1} ms");
        }
        var nx = Samples.Select(v => (double)v).ToArray();
        md.AppendLine().AppendLine($"Fitted exponents (least squares on log-log): time ∝ N^{Timing.LogLogSlope(nx, nShared):F2} (shared), N^{Timing.LogLogSlope(nx, nFresh):F2} (fresh); " +
            $"time ∝ P^{Timing.LogLogSlope(pCounts, pShared):F2} (shared), P^{Timing.LogLogSlope(pCounts, pFresh):F2} (fresh).");
        md.AppendLine($"Upper half only (N ≥ 1000, P ≥ P(LeNet-300-100)): N^{Timing.LogLogSlope(nx.Skip(2).ToArray(), nShared.Skip(2).ToArray()):F2}, " +
            $"P^{Timing.LogLogSlope(pCounts.Skip(2).ToArray(), pShared.Skip(2).ToArray()):F2} (shared).");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "scaling.md"), md.ToString());
        Console.WriteLine(md);
        Plot(outDir, nx, nShared, nFresh, pCounts, pShared, pFresh);
    }

    private static (double Shared, double Fresh) Measure(Workload w, int repeats)
    {
        using var point = w.Linearize();
        var op = new HessianOperator(point);
        double shared = Timing.Median(() => Operations.Shared(op, w.Vector), repeats);
        double fresh = Timing.Median(() => Operations.Fresh(w, p => new HessianOperator(p)), repeats);
        return (shared, fresh);
    }

    private static void Plot(string outDir, double[] n, List<double> nShared, List<double> nFresh, List<double> p, List<double> pShared, List<double> pFresh)
    {
        Panel(Path.Combine(outDir, "scaling-samples.png"), "HVP time vs samples N (LeNet-300-100)", "log10 N", n, nShared, nFresh);
        Panel(Path.Combine(outDir, "scaling-parameters.png"), "HVP time vs parameters P (MLP 784-h1-h2-10, N = 1,000)", "log10 P", p.ToArray(), pShared, pFresh);
    }

    private static void Panel(string path, string title, string xLabel, double[] x, List<double> shared, List<double> fresh)
    {
        var plt = new ScottPlot.Plot();
        var lx = x.Select(v => Math.Log10(v)).ToArray();
        var a = plt.Add.Scatter(lx, shared.Select(t => Math.Log10(t * 1e3)).ToArray());
        a.LegendText = $"shared linearisation (slope {Timing.LogLogSlope(x, shared):F2})";
        var b = plt.Add.Scatter(lx, fresh.Select(t => Math.Log10(t * 1e3)).ToArray());
        b.LegendText = $"fresh double backward (slope {Timing.LogLogSlope(x, fresh):F2})";
        var slope1 = plt.Add.Line(lx[0], Math.Log10(shared[0] * 1e3), lx[^1], Math.Log10(shared[0] * 1e3) + (lx[^1] - lx[0]));
        slope1.LinePattern = ScottPlot.LinePattern.Dashed;
        slope1.LegendText = "linear (slope 1)";
        plt.Title(title);
        plt.XLabel(xLabel);
        plt.YLabel("log10 time per product (ms)");
        plt.ShowLegend(ScottPlot.Alignment.UpperLeft);
        plt.SavePng(path, 800, 500);
        Console.WriteLine($"plot written to {path}");
    }
}
