using System.Text.RegularExpressions;

namespace Goldilocks.Tests.Reliability;

/// <summary>
/// A fuzz run drives the public API with random invalid and edge-case inputs inside a child process,
/// which must always exit normally with its summary line; the negative control injects a real native fault and shows
/// that the harness sees the abort (exit 134), so the immunity test can fail.
/// </summary>
public sealed class NativeFaultImmunityTests
{
    private static readonly Regex Summary = new(@"^FUZZ-SUMMARY seed=(\d+) tried=(\d+) threw=(\d+) returned=(\d+) exceptions=(\S*)$");

    [TestCase(11, 300)]
    [TestCase(12, 300)]
    public void Random_invalid_inputs_never_abort_the_process_or_return_NaN(int seed, int count) => Fuzz(seed, count);

    [Test]
    [Category(Categories.Slow)]
    public void Random_invalid_inputs_never_abort_the_process_or_return_NaN_long_run([Values(21, 22, 23)] int seed) => Fuzz(seed, 1500);

    [Test]
    [Category(Categories.NegativeControl)]
    public void Harness_detects_a_real_native_abort()
    {
        var run = ChildProcess.RunFuzzHost(TimeSpan.FromSeconds(60), "native-fault");
        TestContext.Out.WriteLine(run.Describe());
        run.TimedOut.Should().BeFalse();
        run.ExitCode.Should().Be(134, "autograd.grad on an unused input, bypassing SafeAutograd, aborts the process (SIGABRT)");
        run.StdOut.Should().NotContain("survived");
        run.StdErr.Should().Contain("c10::Error");
    }

    private static void Fuzz(int seed, int count)
    {
        var run = ChildProcess.RunFuzzHost(TimeSpan.FromSeconds(40 + count / 5), "fuzz", seed.ToString(), count.ToString());
        var line = run.Lines("FUZZ-SUMMARY").SingleOrDefault();
        TestContext.Out.WriteLine(line ?? run.Describe());
        Assert.That(run.TimedOut, Is.False, run.Describe());
        Assert.That(run.ExitCode, Is.EqualTo(0), "the fuzz child must exit normally with no contract violation:\n" + run.Describe());
        var m = Summary.Match(line ?? "");
        Assert.That(m.Success, Is.True, $"summary line missing or malformed: {line}");
        int tried = int.Parse(m.Groups[2].Value), threw = int.Parse(m.Groups[3].Value), returned = int.Parse(m.Groups[4].Value);
        tried.Should().Be(count);
        (threw + returned).Should().Be(count, "every input either threw an expected exception or returned finite numbers");
        threw.Should().BeGreaterThan(count / 2, "most generated inputs are invalid, so most calls must be rejected");
        m.Groups[5].Value.Should().Contain("ArgumentOutOfRangeException").And.Contain("ObjectDisposedException");
    }
}
