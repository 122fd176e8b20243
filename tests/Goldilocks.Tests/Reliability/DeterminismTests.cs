using System.Globalization;
using Goldilocks.FuzzHost;

namespace Goldilocks.Tests.Reliability;

/// <summary>
/// The same seed gives bitwise-identical results on the CPU across runs and across processes, and
/// runs with 1 and 2 intra-op threads agree within 1e-12 relative. The computation is <see cref="DeterminismProbe"/>
/// (loss, gradient, projected H and G, Lanczos, Hutchinson on a P = 3,936 MLP), printed as IEEE-754 bit patterns.
/// </summary>
public sealed class DeterminismTests
{
    private const long Seed = 5;

    private static Dictionary<string, double[]> Parse(IEnumerable<string> lines) => lines.ToDictionary(
        l => l.Split(' ')[1],
        l => l.Split(' ').Skip(2).Select(h => BitConverter.Int64BitsToDouble(long.Parse(h, NumberStyles.HexNumber))).ToArray());

    private static ChildResult Child(int threads)
    {
        var run = ChildProcess.RunFuzzHost(TimeSpan.FromSeconds(120), "determinism", Seed.ToString(), threads.ToString());
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Describe());
        return run;
    }

    [Test]
    public void Same_seed_is_bitwise_identical_across_runs_and_processes()
    {
        int threads = torch.get_num_threads();
        var first = DeterminismProbe.Run(Seed).ToList();
        var second = DeterminismProbe.Run(Seed).ToList();
        var child = Child(threads).Lines("DET");
        first.Should().HaveCount(6);
        second.Should().Equal(first, "two runs in one process must agree bit for bit");
        child.Should().Equal(first, $"a separate process with the same thread count ({threads}) must agree bit for bit");
        TestContext.Out.WriteLine($"{first.Sum(l => l.Split(' ').Length - 2)} doubles bitwise identical in 2 in-process runs and 1 child process ({threads} threads)");
    }

    [Test]
    public void One_and_two_threads_agree_within_1e_minus_12()
    {
        var one = Parse(Child(1).Lines("DET"));
        var two = Parse(Child(2).Lines("DET"));
        two.Keys.Should().BeEquivalentTo(one.Keys);
        int identical = 0;
        foreach (var (name, a) in one)
        {
            var b = two[name];
            b.Length.Should().Be(a.Length);
            double diff = Math.Sqrt(a.Zip(b).Sum(p => (p.First - p.Second) * (p.First - p.Second)));
            double norm = Math.Sqrt(a.Sum(x => x * x));
            double rel = diff / Math.Max(norm, 1e-300);
            if (diff == 0) identical++;
            TestContext.Out.WriteLine($"{name}: relative difference 1 vs 2 threads = {rel:E2}");
            rel.Should().BeLessThanOrEqualTo(1e-12, $"{name} must agree across thread counts");
        }
        TestContext.Out.WriteLine($"{identical} of {one.Count} quantities bitwise identical across thread counts");
    }
}
