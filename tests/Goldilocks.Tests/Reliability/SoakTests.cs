using System.Text.RegularExpressions;

namespace Goldilocks.Tests.Reliability;

/// <summary>
/// 20,000 curvature products (Hessian, G-term, H-term in turn, a fresh linearisation every 500) in a
/// child process after a warm-up of 12,000; at every 1,000-product checkpoint, after a full GC and glibc's
/// malloc_trim(0), the child reads the memory it holds in malloc (mallinfo2: in-use chunks plus mmapped chunks) and its
/// resident set. "Flat within 2%" is checked on both, as a bound on growth: the least-squares line through the 21
/// checkpoints may rise by at most 2% of the post-warm-up level over the 20,000 products, and the last checkpoint may
/// exceed the first by at most 2%. A leak grows memory; a fall is memory released. Falls happen in every run and are
/// reported, not asserted: the memory held in malloc drops once by 5.3-5.7 MB (−8 to −9%, from 62.4 to 56.7-57.3 MB)
/// between products 14,000 and 16,000 (also with checkpoints from product 1,000 on, and from a shell; its source, outside
/// the per-product work, was not identified), then by 0.45 MB steps; the resident set follows it (a fresh-clone CI run:
/// −2.8% trend, which the two-sided version of this check rejected). Otherwise the memory held is flat to 1 KB.
/// A leaked 62-double parameter-sized tensor per product would add at least its data, 496 B × 20,000 = 9.9 MB (+17%).
/// The child runs with tiered JIT compilation off (DOTNET_TieredCompilation=0): with it on, methods are re-compiled at
/// tier 1 in the background, and under CPU load that happens after the warm-up, inside the measured window. Measured
/// with three busy loops beside it (FuzzHost soak 32000 12000, twice each): RSS end drift 1.27 % and 1.45 % (largest
/// transient 2.5-2.7 %) with tiering, 0.58 % and 0.55 % (1.66 %) without; one suite run under load had failed at a
/// +3.5 % trend. About 10 s.
/// </summary>
public sealed class SoakTests
{
    private static readonly Regex Line = new(@"^SOAK products=(\d+) warmRss=(\d+) finalRss=(\d+) maxRss=(\d+) drift=(-?[\d.]+)% maxDrift=(-?[\d.]+)% checkpoints=(\d+) trace=(\S+)$");

    [Test]
    [Category(Categories.Slow)]
    public void Twenty_thousand_curvature_products_keep_memory_flat()
    {
        var (line, heldTrend, heldDrift, rssTrend, rssDrift) = Soak(32000, 12000, leak: false);
        heldTrend.Should().BeLessThanOrEqualTo(2.0, $"the native memory held must not grow by more than 2% over 20,000 products (fitted trend; {line})");
        heldDrift.Should().BeLessThanOrEqualTo(2.0, $"the native memory held at the end must not exceed the post-warm-up level by more than 2% ({line})");
        rssTrend.Should().BeLessThanOrEqualTo(2.0, $"the resident set must not grow by more than 2% over 20,000 products (fitted trend; {line})");
        rssDrift.Should().BeLessThanOrEqualTo(2.0, $"the resident set at the end must not exceed the post-warm-up level by more than 2% ({line})");
    }

    /// <summary>Negative control: the same measurement catches a leak of one 8 KB tensor per product (5,000 products:
    /// 41 MB on about 60 MB held).</summary>
    [Test]
    [Category(Categories.Slow)]
    public void The_soak_measurement_catches_a_leak_of_one_small_tensor_per_product()
    {
        var (line, heldTrend, heldDrift, _, _) = Soak(6000, 1000, leak: true);
        heldTrend.Should().BeGreaterThan(20, $"a leak of 8 KB per product must show in the memory held ({line})");
        heldDrift.Should().BeGreaterThan(20, line);
    }

    /// <summary>Runs the FuzzHost soak (tiered JIT off, see the class summary) and returns the trend and end drift, in
    /// percent of the post-warm-up level, of the native memory held in malloc and of the resident set.</summary>
    private static (string Line, double HeldTrend, double HeldDrift, double RssTrend, double RssDrift) Soak(int products, int warmup, bool leak)
    {
        var args = new[] { "soak", products.ToString(), warmup.ToString() }.Concat(leak ? new[] { "leak" } : Array.Empty<string>()).ToArray();
        var run = ChildProcess.RunFuzzHost(TimeSpan.FromSeconds(1500), new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0" }, args);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Describe());
        string line = run.Lines("SOAK").Single();
        TestContext.Out.WriteLine($"{line} ({run.Elapsed.TotalSeconds:F0} s)");
        var m = Line.Match(line);
        m.Success.Should().BeTrue(line);
        int.Parse(m.Groups[1].Value).Should().Be(products);
        int checkpoints = (products - warmup) / 1000 + 1;
        int.Parse(m.Groups[7].Value).Should().Be(checkpoints, $"checkpoints at {warmup:N0}, {warmup + 1000:N0}, …, {products:N0} products");
        double warm = double.Parse(m.Groups[2].Value);
        var rss = Checkpoints(m.Groups[8].Value, @"k:(\d+)KiB/");
        var held = Checkpoints(m.Groups[8].Value, @"/native(\d+)KiB");
        held.Should().HaveCount(checkpoints, "every checkpoint reports the native memory held in malloc");
        double heldTrend = 100 * Slope(held) * (held.Length - 1) / held[0], heldDrift = 100 * (held[^1] - held[0]) / held[0];
        double rssTrend = 100 * Slope(rss) * (rss.Length - 1) / warm, rssDrift = 100 * (rss[^1] - warm) / warm;
        TestContext.Out.WriteLine($"native memory held: {held[0] / 1048576:F1} MiB, trend {heldTrend:F3}%, end drift {heldDrift:F3}%; resident set: trend {rssTrend:F3}%, end drift {rssDrift:F3}%");
        return (line, heldTrend, heldDrift, rssTrend, rssDrift);
    }

    /// <summary>The KiB values of one series in the trace, in bytes.</summary>
    private static double[] Checkpoints(string trace, string pattern) =>
        Regex.Matches(trace, pattern).Select(c => double.Parse(c.Groups[1].Value) * 1024).ToArray();

    /// <summary>Least-squares slope of equally spaced samples (per step).</summary>
    private static double Slope(IReadOnlyList<double> y)
    {
        double n = y.Count, mx = (n - 1) / 2, my = y.Average();
        double sxy = 0, sxx = 0;
        for (int i = 0; i < y.Count; i++) { sxy += (i - mx) * (y[i] - my); sxx += (i - mx) * (i - mx); }
        return sxy / sxx;
    }
}
