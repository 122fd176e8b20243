using System.Text.RegularExpressions;

namespace Goldilocks.Tests.Reliability;

/// <summary>
/// Issue 7, item 6: 20,000 curvature products (Hessian, G-term, H-term in turn, a fresh linearisation every 500) in a
/// child process after a warm-up of 12,000, whose resident memory must stay within 2% of the post-warm-up level at every
/// 1,000-product checkpoint. Shorter warm-ups (2,000 and 5,000) were too short: the process still grew in steps of
/// ~2-3 MB at about 3k and 10k products (with one transient +4 MB at 12k), then stayed flat (+0.1% from 13k to 25k);
/// the managed heap stayed at ~100 KiB throughout. With the 12,000 warm-up the run still drifted +2.8% (172.6 → 177.5 MiB,
/// steps at 14k and 31k, slow creep in between): OPEN — either native-allocator growth or a native leak of ~250 B per
/// product; the threshold is the issue's 2% and is deliberately not widened.
/// </summary>
public sealed class SoakTests
{
    private static readonly Regex Line = new(@"^SOAK products=(\d+) warmRss=(\d+) finalRss=(\d+) maxRss=(\d+) drift=(-?[\d.]+)% maxDrift=(-?[\d.]+)% checkpoints=(\d+) trace=(\S+)$");

    [Test]
    [Category(Categories.Slow)]
    public void Twenty_thousand_curvature_products_keep_memory_flat()
    {
        var run = ChildProcess.RunFuzzHost(TimeSpan.FromSeconds(1500), "soak", "32000", "12000");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Describe());
        string line = run.Lines("SOAK").Single();
        TestContext.Out.WriteLine($"{line} ({run.Elapsed.TotalSeconds:F0} s)");
        var m = Line.Match(line);
        m.Success.Should().BeTrue(line);
        int.Parse(m.Groups[1].Value).Should().Be(32000);
        int.Parse(m.Groups[7].Value).Should().Be(21, "checkpoints at 12,000, 13,000, …, 32,000 products");
        double drift = double.Parse(m.Groups[5].Value), maxDrift = double.Parse(m.Groups[6].Value);
        Math.Abs(drift).Should().BeLessThanOrEqualTo(2.0, "resident memory at the end must be within 2% of the post-warm-up level");
        maxDrift.Should().BeLessThanOrEqualTo(2.0, "no checkpoint may exceed the post-warm-up level by more than 2%");
    }
}
