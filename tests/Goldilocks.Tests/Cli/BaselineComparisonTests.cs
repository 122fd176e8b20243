using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Goldilocks.Tests.Cli;

/// <summary>
/// Re-runs the commands and compares every number with the reviewed baseline JSON
/// (baselines/cli/&lt;command&gt;.json: tiny settings on the synthetic data, a few seconds each; baselines/report/…: the
/// report-scale runs on real FashionMNIST, Slow). Tolerances (documented in baselines/README.md):
/// <list type="bullet">
/// <item>1e-9 relative for everything computed in exact arithmetic (forward/backward passes, dense symmetric
/// eigen-decompositions of projected or full Hessians, closed forms, GD trajectories): these differ between machines
/// only by round-off (BLAS kernels, summation order), ~1e-13 after the few hundred operations of a tiny run, so 1e-9
/// leaves four orders of headroom and still catches any real change (which moves numbers by ≥ 1e-6).</item>
/// <item>1e-6 relative for quantities from iterative solvers (Lanczos / subspace iteration sharpness, η‖H‖₂,
/// Hutchinson/SLQ): they stop at a residual tolerance or after a fixed number of warm-started iterations, so round-off
/// can shift the estimate by up to the solver's accuracy, not by ε.</item>
/// </list>
/// <c>GOLDILOCKS_ACCEPT_BASELINES=1</c> rewrites the baseline files instead of comparing (review the diff, then commit).
/// </summary>
[Category(Categories.Snapshot)]
public sealed class BaselineComparisonTests : TempFolderTest
{
    public const double ExactRtol = 1e-9, IterativeRtol = 1e-6;

    public const string AcceptVariable = "GOLDILOCKS_ACCEPT_BASELINES";

    private static readonly string[] Tiny = { "--dataset", "synthetic", "--samples", "40", "--features", "6", "--model", "mlp", "--hidden", "6" };

    /// <summary>Fields computed by an iterative eigen-solver (or from such a value): the sharpness of trainability and
    /// instability (and the MLP records of instability, whose overlaps come from the same solver).</summary>
    private static readonly Regex Iterative = new("harpness|^results\\.mlp\\[|overlap", RegexOptions.Compiled);

    public static double RtolOf(string path) => Iterative.IsMatch(path) ? IterativeRtol : ExactRtol;

    public static IEnumerable<TestCaseData> TinyRuns()
    {
        yield return Case("curvature", "--samples", "40", "--features", "6", "--hidden", "5", "-d", "4", "--alpha", "0.5", "2");
        yield return Case("zone", Tiny, "--points", "3", "--seeds", "2", "-d", "3");
        yield return Case("temperature", Tiny, "--points", "3", "--seeds", "1", "-d", "3");
        yield return Case("gamma", Tiny, "--points", "3", "-d", "4", "--paths", "3", "--path-points", "9");
        yield return Case("prior-gradient", Tiny, "--points", "3", "--priors", "5", "--subset-size", "20");
        yield return Case("confidence", Tiny, "--inits", "4", "-d", "3");
        yield return Case("trainability", Tiny, "--points", "2", "--rates", "0.1", "1", "--steps", "5", "--uso-steps", "3");
        yield return Case("instability", "--factors", "0.5", "1.2", "--rates", "0.3", "0.45", "--steps", "20", "--record-every", "5", "--dln-steps", "10");
        yield return Case("spectrum", "--samples", "20", "--features", "4", "--hidden", "4");
        yield return Case("dimension", Tiny, "--points", "3", "--seeds", "2", "--dimensions", "2", "4");
        yield return Case("hutchinson", Tiny, "--points", "3", "--seeds", "1", "-d", "4", "--probes", "5");
        yield return Case("pre-collapse", Tiny, "--alpha-min", "1", "--alpha-max", "10", "--points", "4");
    }

    private static TestCaseData Case(string command, params string[] args) => new TestCaseData(command, args) { TestName = $"Tiny_{command}_matches_baselines_cli" };

    private static TestCaseData Case(string command, string[] head, params string[] tail) => Case(command, head.Concat(tail).ToArray());

    private static string CliBaselines => Path.Combine(RepositoryPaths.Root, "baselines", "cli");

    [TestCaseSource(nameof(TinyRuns))]
    public void Tiny_run_matches_its_baseline(string command, string[] options)
    {
        var arguments = new[] { command }.Concat(options).ToArray();
        var doc = Run(arguments);
        var current = new JsonObject
        {
            ["arguments"] = new JsonArray(arguments.Select(a => (JsonNode?)a).ToArray()),
            ["settings"] = doc["settings"]!.DeepClone(),
            ["results"] = doc["results"]!.DeepClone(),
        };
        string file = Path.Combine(CliBaselines, command + ".json");
        if (Accepting(file, current)) return;
        var baseline = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        baseline["arguments"]!.ToJsonString().Should().Be(current["arguments"]!.ToJsonString(),
            $"{file} was written with other arguments; if the new ones are intended, rerun with {AcceptVariable}=1");
        AssertSame(file, baseline, current, "goldilocks " + string.Join(" ", arguments));
    }

    /// <summary>Report sections re-run with the arguments recorded in baselines/report/report.json (real FashionMNIST,
    /// seed 0) against baselines/report/&lt;command&gt;/&lt;command&gt;.json; skipped where FashionMNIST is not installed.
    /// confidence (~16 s) and trainability (~110 s) are left out to keep the Slow budget.</summary>
    [TestCase("zone"), TestCase("temperature"), TestCase("gamma"), TestCase("prior-gradient"), TestCase("instability"), TestCase("spectrum")]
    [TestCase("dimension"), TestCase("hutchinson"), TestCase("pre-collapse")]
    [Category(Categories.Slow)]
    public void Report_section_matches_baselines_report(string command)
    {
        string root = Path.Combine(RepositoryPaths.Root, "baselines", "report");
        var section = ReportJson.Read(Path.Combine(root, "report.json"))["results"]!["sections"]!.AsArray().Single(s => (string)s!["command"]! == command)!;
        var args = ((string)section["arguments"]!).Split(' ').ToList();
        int outAt = args.IndexOf("--out");
        args.RemoveRange(outAt, 2);
        args.Remove("--resume");
        if (args.Contains("fashion-mnist") && !FashionMnist.IsAvailable(null)) Assert.Fail("this baseline was recorded on FashionMNIST, which is not installed (sudo apt-get install dataset-fashion-mnist; scripts/setup.sh does it)");
        string file = Path.Combine(root, command, command + ".json");
        var baseline = ReportJson.Read(file);
        var doc = Run(args.ToArray());
        AssertSame(file, new JsonObject { ["settings"] = baseline["settings"]!.DeepClone(), ["results"] = baseline["results"]!.DeepClone() },
            new JsonObject { ["settings"] = doc["settings"]!.DeepClone(), ["results"] = doc["results"]!.DeepClone() }, "bash scripts/report.sh");
    }

    [Test]
    public void Comparison_names_the_field_path_and_both_numbers()
    {
        var baseline = JsonNode.Parse("""{"results":[{"operators":{"gTerm":{"trace":2.0,"minEigenvalue":1e-17}}}],"name":"x"}""")!;
        var same = JsonNode.Parse("""{"results":[{"operators":{"gTerm":{"trace":2.000000000001,"minEigenvalue":-1e-17}}}],"name":"x"}""")!;
        JsonBaseline.Differences(baseline, same, RtolOf).Should().BeEmpty("round-off of a zero is compared at the scale of its neighbours");
        var moved = JsonNode.Parse("""{"results":[{"operators":{"gTerm":{"trace":2.00001,"minEigenvalue":1e-17}}}],"name":"y"}""")!;
        JsonBaseline.Differences(baseline, moved, RtolOf).Should().BeEquivalentTo(
            "results[0].operators.gTerm.trace: expected 2, got 2.00001 (|diff| 1E-05 > 2E-09 = rtol 1E-09 · scale)",
            "name: expected \"x\", got \"y\"");
        RtolOf("results.mlp[0].loss[3]").Should().Be(IterativeRtol);
        RtolOf("results.cells[1].sharpnessProduct").Should().Be(IterativeRtol);
        RtolOf("results.dln[0].finalLoss").Should().Be(ExactRtol);
    }

    private JsonObject Run(string[] arguments)
    {
        var r = CliRunner.Run(arguments.Concat(new[] { "--out", Sub(arguments[0]), "--json" }).ToArray());
        r.ExitCode.Should().Be(0, r.ToString());
        return r.Json();
    }

    /// <summary>With GOLDILOCKS_ACCEPT_BASELINES=1: writes <paramref name="current"/> to <paramref name="file"/> and returns true.</summary>
    private static bool Accepting(string file, JsonObject current)
    {
        if (Environment.GetEnvironmentVariable(AcceptVariable) != "1")
        {
            if (!File.Exists(file)) Assert.Fail($"no baseline {file}: run the test with {AcceptVariable}=1, look at the file and commit it");
            return false;
        }
        AtomicFile.WriteAllText(file, ReportJson.Serialize(current) + "\n");
        TestContext.Out.WriteLine($"{AcceptVariable}=1: rewrote {file}");
        return true;
    }

    private static void AssertSame(string file, JsonObject baseline, JsonObject current, string rerun)
    {
        var diffs = JsonBaseline.Differences(baseline, current, RtolOf);
        if (diffs.Count > 0)
            Assert.Fail($"{diffs.Count} field(s) differ from {file} (rerun: {rerun}; accept with {AcceptVariable}=1 after review):\n" +
                        string.Join("\n", diffs.Take(25)) + (diffs.Count > 25 ? $"\n… and {diffs.Count - 25} more" : ""));
    }
}
