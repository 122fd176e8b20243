using Goldilocks.Cli;
using Goldilocks.Tests.Cli;

namespace Goldilocks.Tests.Reliability;

/// <summary>The CLI in a child process runs at <c>OMP_NUM_THREADS</c> threads, records the count in its JSON and
/// rejects a value that is not a thread count with exit code 2 (the parsing itself: <c>RuntimeTests</c>).</summary>
public sealed class ThreadCountTests
{
    [Test]
    [Category(Categories.Slow)]
    public void The_cli_runs_at_OMP_NUM_THREADS_records_it_and_rejects_a_bad_value_with_exit_code_2()
    {
        string dir = CliRunner.TempFolder();
        try
        {
            var args = CliRunner.With(CliRunner.SmallCurvature, "--alpha", "1", "--json", "--out", dir);
            var one = ChildProcess.RunCli(args, TimeSpan.FromSeconds(120), new Dictionary<string, string> { ["OMP_NUM_THREADS"] = "1" });
            one.ExitCode.Should().Be(CliApp.ExitOk, one.Describe());
            var versions = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "curvature.json")))!["versions"]!;
            versions["threads"]!.GetValue<int>().Should().Be(1, "the child was asked for one thread");

            var bad = ChildProcess.RunCli(args, TimeSpan.FromSeconds(120), new Dictionary<string, string> { ["OMP_NUM_THREADS"] = "zero" });
            bad.ExitCode.Should().Be(CliApp.ExitUsage, bad.Describe());
            bad.StdErr.Should().Contain("OMP_NUM_THREADS='zero' is not a thread count").And.NotContain("   at ");
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
