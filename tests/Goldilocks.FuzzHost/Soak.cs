using System.Diagnostics;
using System.Globalization;

namespace Goldilocks.FuzzHost;

/// <summary>Resident memory measured during the soak (bytes), after warm-up and at the end.</summary>
public sealed record SoakResult(int Products, long WarmRss, long FinalRss, long MaxRss, int LiveCheckpoints, IReadOnlyList<string> Trace)
{
    public double DriftPercent => 100.0 * (FinalRss - WarmRss) / WarmRss;
    public double MaxDriftPercent => 100.0 * (MaxRss - WarmRss) / WarmRss;

    public string ToLine() => FormattableString.Invariant(
        $"SOAK products={Products} warmRss={WarmRss} finalRss={FinalRss} maxRss={MaxRss} drift={DriftPercent:F3}% maxDrift={MaxDriftPercent:F3}% checkpoints={LiveCheckpoints} trace={string.Join(",", Trace)}");
}

/// <summary>
/// Many curvature products (Hessian, G-term and H-term in turn) on a small net, with a fresh linearisation point every
/// 500 products (so graph disposal is exercised too). RSS is read after a full GC at checkpoints past the warm-up.
/// </summary>
public static class Soak
{
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    /// <summary>glibc's struct mallinfo2 (all fields size_t; glibc ≥ 2.33).</summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct MallInfo2
    {
        public nuint Arena, Ordblks, Smblks, Hblks, Hblkhd, Usmblks, Fsmblks, Uordblks, Fordblks, Keepcost;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mallinfo2")]
    private static extern MallInfo2 MallocInfo();

    /// <summary>Bytes the process holds in malloc (in-use chunks of every arena plus mmapped chunks): the native
    /// memory a leak would grow, unaffected by how much freed memory glibc keeps or returns.</summary>
    private static long NativeHeapInUse()
    {
        var info = MallocInfo();
        return (long)(info.Uordblks + info.Hblkhd);
    }

    /// <param name="leakPerProduct">Negative control: keep one 1,000-double tensor per product alive (8 KB each), the
    /// kind of leak the soak test must catch.</param>
    public static SoakResult Run(int products, int warmup, bool leakPerProduct = false)
    {
        var leaked = new List<Tensor>();
        var model = new Mlp(6, new[] { 5, 4 }, 3);
        using var data = SyntheticClusters.Generate(12, 6, 3, 1);
        var objective = new Objective(model, data, new CrossEntropy());
        using var theta = model.InitialParameters(1);
        var gen = new torch.Generator(5);
        LinearizationPoint? point = null;
        long warm = 0, max = 0, final = 0;
        int checkpoints = 0;
        var trace = new List<string>();
        for (int i = 0; i < products; i++)
        {
            if (i % 500 == 0)
            {
                point?.Dispose();
                point = new LinearizationPoint(objective, theta);
            }
            using (var scope = torch.NewDisposeScope())
            {
                ICurvatureOperator op = (i % 3) switch
                {
                    0 => new HessianOperator(point!),
                    1 => new GTermOperator(point!),
                    _ => new HTermOperator(point!),
                };
                op.Apply(torch.randn(new[] { model.ParameterCount }, generator: gen));
                if (leakPerProduct) leaked.Add(torch.randn(1000, dtype: ScalarType.Float64).DetachFromDisposeScope());
            }
            if (i + 1 >= warmup && (i + 1 - warmup) % 1000 == 0)
            {
                long rss = Rss();
                if (i + 1 == warmup) warm = rss;
                max = Math.Max(max, rss);
                final = rss;
                checkpoints++;
                trace.Add(FormattableString.Invariant($"{(i + 1) / 1000}k:{rss / 1024}KiB/managed{GC.GetTotalMemory(false) / 1024}KiB/native{NativeHeapInUse() / 1024}KiB"));
            }
        }
        point?.Dispose();
        return new SoakResult(products, warm, final, max, checkpoints, trace);
    }

    /// <summary>Resident set size after a full GC and after glibc returns its free heap pages to the OS
    /// (<c>malloc_trim(0)</c>): without the trim, glibc's per-thread arenas keep freed pages resident and grow in
    /// steps, which looks like a leak but is not one; with it, only memory still in use is counted.</summary>
    private static long Rss()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        if (OperatingSystem.IsLinux()) _ = MallocTrim(0);
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }
}
