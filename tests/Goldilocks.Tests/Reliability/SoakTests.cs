using System.Text.RegularExpressions;

namespace Goldilocks.Tests.Reliability;

/// <summary>
/// Issue 7, item 6: 20,000 curvature products (Hessian, G-term, H-term in turn, a fresh linearisation every 500) in a
/// child process, whose resident memory after warm-up (2,000 products) must stay within 2% at every 1,000-product checkpoint.
/// </summary>
public sealed class SoakTests
{
    private static readonly Regex Line = new(@"^SOAK products=(\d+) warmRss=(\d+) finalRss=(\d+) maxRss=(\d+) drift=(-?[\d.]+)% maxDrift=(-?[\d.]+)% checkpoints=(\d+)$");

    [Test]
    [Category(Categories.Slow)]
    public void Twenty_thousand_curvature_products_keep_memory_flat()
    {
        var run = ChildProcess.RunFuzzHost(TimeSpan.FromSeconds(1500), "soak", "20000", "2000");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Describe());
        string line = run.Lines("SOAK").Single();
        TestContext.Out.WriteLine($"{line} ({run.Elapsed.TotalSeconds:F0} s)");
        var m = Line.Match(line);
        m.Success.Should().BeTrue(line);
        int.Parse(m.Groups[1].Value).Should().Be(20000);
        int.Parse(m.Groups[7].Value).Should().Be(19, "checkpoints at 2,000, 3,000, …, 20,000 products");
        double drift = double.Parse(m.Groups[5].Value), maxDrift = double.Parse(m.Groups[6].Value);
        Math.Abs(drift).Should().BeLessThanOrEqualTo(2.0, "resident memory at the end must be within 2% of the post-warm-up level");
        maxDrift.Should().BeLessThanOrEqualTo(2.0, "no checkpoint may exceed the post-warm-up level by more than 2%");
    }
}
