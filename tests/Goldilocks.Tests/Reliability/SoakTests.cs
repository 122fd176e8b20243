using System.Text.RegularExpressions;

namespace Goldilocks.Tests.Reliability;

/// <summary>
/// Issue 7, item 6: 20,000 curvature products (Hessian, G-term, H-term in turn, a fresh linearisation every 500) in a
/// child process after a warm-up of 12,000; resident memory is read after a full GC and glibc's malloc_trim(0) at every
/// 1,000-product checkpoint. "Flat within 2%" is checked on the trend: the least-squares line through the 21
/// checkpoints must change by at most 2% of the post-warm-up level over the 20,000 products, and the last checkpoint must
/// be within 2% of the first. Single checkpoints are not compared one by one, because glibc's arenas move RSS in
/// transient 2-4 MB steps even for a loop that only allocates and frees one random vector (measured with a bare
/// torch.randn loop: 162.6 → 167.3 MiB, then flat); those steps are reported, not asserted.
/// Measured (quiet machine): drift +0.45%, largest transient +2.25%, 9 s.
/// The child runs with tiered JIT compilation off (DOTNET_TieredCompilation=0): with it on, methods are re-compiled at
/// tier 1 in the background, and under CPU load that happens after the warm-up, inside the measured window. Measured
/// with three busy loops beside it (FuzzHost soak 32000 12000, twice each): end drift 1.27 % and 1.45 % (largest
/// transient 2.5-2.7 %) with tiering, 0.58 % and 0.55 % (1.66 %) without; one suite run under load had failed at a
/// +3.5 % trend. The test is about the library's memory, not the JIT's code heap.
/// </summary>
public sealed class SoakTests
{
    private static readonly Regex Line = new(@"^SOAK products=(\d+) warmRss=(\d+) finalRss=(\d+) maxRss=(\d+) drift=(-?[\d.]+)% maxDrift=(-?[\d.]+)% checkpoints=(\d+) trace=(\S+)$");

    [Test]
    [Category(Categories.Slow)]
    public void Twenty_thousand_curvature_products_keep_memory_flat()
    {
        var run = ChildProcess.RunFuzzHost(TimeSpan.FromSeconds(1500), new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0" }, "soak", "32000", "12000");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Describe());
        string line = run.Lines("SOAK").Single();
        TestContext.Out.WriteLine($"{line} ({run.Elapsed.TotalSeconds:F0} s)");
        var m = Line.Match(line);
        m.Success.Should().BeTrue(line);
        int.Parse(m.Groups[1].Value).Should().Be(32000);
        int.Parse(m.Groups[7].Value).Should().Be(21, "checkpoints at 12,000, 13,000, …, 32,000 products");
        double drift = double.Parse(m.Groups[5].Value, System.Globalization.CultureInfo.InvariantCulture);
        double warm = double.Parse(m.Groups[2].Value);
        var rss = Regex.Matches(m.Groups[8].Value, @":(\d+)KiB/").Select(c => double.Parse(c.Groups[1].Value) * 1024).ToArray();
        double trendPercent = 100 * Slope(rss) * (rss.Length - 1) / warm;
        TestContext.Out.WriteLine($"trend over 20,000 products: {trendPercent:F3}%, end-to-end drift {drift:F3}%");
        Math.Abs(trendPercent).Should().BeLessThanOrEqualTo(2.0, $"the fitted memory trend over 20,000 products must stay within 2% ({line})");
        Math.Abs(drift).Should().BeLessThanOrEqualTo(2.0, $"resident memory at the end must be within 2% of the post-warm-up level ({line})");
    }

    /// <summary>Least-squares slope of equally spaced samples (per step).</summary>
    private static double Slope(IReadOnlyList<double> y)
    {
        double n = y.Count, mx = (n - 1) / 2, my = y.Average();
        double sxy = 0, sxx = 0;
        for (int i = 0; i < y.Count; i++) { sxy += (i - mx) * (y[i] - my); sxx += (i - mx) * (i - mx); }
        return sxy / sxx;
    }
}
