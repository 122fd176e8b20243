using System.Text.Json.Nodes;
using Goldilocks.Cli;

namespace Goldilocks.Tests.Cli;

/// <summary>The experiment sub-commands: tiny runs write schema-versioned JSON, CSV and PNG; bad options exit 2 with a
/// clear message and no stack trace.</summary>
public sealed class ExperimentCommandTests : TempFolderTest
{
    private static readonly string[] Tiny = { "--dataset", "synthetic", "--samples", "40", "--features", "6", "--model", "mlp", "--hidden", "6" };

    public static IEnumerable<TestCaseData> TinyRuns()
    {
        yield return new TestCaseData("zone", Tiny.Concat(new[] { "--points", "2", "--seeds", "2", "-d", "3" }).ToArray(), "zone-pc.png");
        yield return new TestCaseData("temperature", Tiny.Concat(new[] { "--points", "2", "--seeds", "1", "-d", "3" }).ToArray(), "temperature-t-pc.png");
        yield return new TestCaseData("gamma", Tiny.Concat(new[] { "--points", "3", "-d", "4", "--paths", "3", "--path-points", "9" }).ToArray(), "gamma-paths.png");
        yield return new TestCaseData("prior-gradient", Tiny.Concat(new[] { "--points", "2", "--priors", "4", "--subset-size", "20" }).ToArray(), "prior-gradient.png");
        yield return new TestCaseData("confidence", Tiny.Concat(new[] { "--inits", "3", "-d", "3" }).ToArray(), "confidence-entropy.png");
        yield return new TestCaseData("trainability", Tiny.Concat(new[] { "--points", "2", "--rates", "0.1", "--steps", "3", "--uso-steps", "2" }).ToArray(), "trainability-accuracy.png");
        yield return new TestCaseData("instability", new[] { "--factors", "0.5", "--steps", "4", "--record-every", "2", "--dln-steps", "5" }, "instability-dln-sharpness.png");
        yield return new TestCaseData("spectrum", new[] { "--samples", "20", "--features", "4", "--hidden", "4" }, "spectrum-density.png");
    }

    [TestCaseSource(nameof(TinyRuns))]
    public void Tiny_run_writes_json_csv_and_png(string command, string[] options, string png)
    {
        var args = new[] { command, "--out", Sub(command), "--json" }.Concat(options).ToArray();
        var r = CliRunner.Run(args);
        r.ExitCode.Should().Be(0, r.ToString());
        var doc = r.Json();
        ((int)doc["schemaVersion"]!).Should().Be(1);
        doc["settings"]!["seed"]!.GetValue<long>().Should().Be(0);
        File.Exists(Path.Combine(Sub(command), command + ".json")).Should().BeTrue();
        Directory.GetFiles(Sub(command), "*.csv").Should().NotBeEmpty();
        var bytes = File.ReadAllBytes(Path.Combine(Sub(command), png));
        bytes.Take(4).Should().Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
        foreach (var f in doc["files"]!.AsArray()) File.Exists(Path.Combine(Sub(command), (string)f!)).Should().BeTrue($"{f} is listed in files");
    }

    public static IEnumerable<TestCaseData> BadOptions()
    {
        yield return new TestCaseData(new[] { "zone", "--points", "1" }, "--points must be ≥ 2");
        yield return new TestCaseData(new[] { "zone", "--alpha-min", "-1" }, "--alpha-min must be a positive finite number");
        yield return new TestCaseData(Tiny.Prepend("zone").Concat(new[] { "--alpha-min", "10", "--alpha-max", "1" }).ToArray(), "--alpha-max (1) must exceed --alpha-min (10)");
        yield return new TestCaseData(new[] { "zone", "--model", "resnet" }, "unknown model 'resnet'");
        yield return new TestCaseData(new[] { "temperature", "--t-max", "0" }, "--t-max must be a positive finite number");
        yield return new TestCaseData(new[] { "gamma", "--classes", "2" }, "--classes must be ≥ 3");
        yield return new TestCaseData(new[] { "prior-gradient", "--priors", "2" }, "--priors must be ≥ 3");
        yield return new TestCaseData(new[] { "confidence", "--inits", "2" }, "--inits must be ≥ 3");
        yield return new TestCaseData(new[] { "trainability", "--rates", "0" }, "--rates values must be positive finite numbers");
        yield return new TestCaseData(new[] { "instability", "--dln-start", "1" }, "--dln-start needs two finite numbers");
        yield return new TestCaseData(new[] { "spectrum", "--method", "magic" }, "unknown method 'magic'");
        yield return new TestCaseData(new[] { "spectrum", "--hidden", "64", "64", "--features", "20" }, "use --method slq");
        yield return new TestCaseData(new[] { "zone", "--shard", "3/2" }, "--shard: shard index i must satisfy 0 ≤ i < n = 2, got 3 in '3/2'");
    }

    [TestCaseSource(nameof(BadOptions))]
    public void Invalid_options_exit_2_with_a_clear_message(string[] args, string message)
    {
        var r = CliRunner.Run(args.Concat(new[] { "--out", Sub("bad") }).ToArray());
        r.ExitCode.Should().Be(CliApp.ExitUsage, r.ToString());
        r.Error.Should().Contain(message).And.NotContain("   at ");
    }

    [Test]
    public void Zone_resumes_from_saved_cells_and_rejects_other_settings()
    {
        var args = new[] { "zone", "--out", Sub("z"), "--json" }.Concat(Tiny).Concat(new[] { "--points", "2", "-d", "3", "--seeds", "1" }).ToArray();
        var first = CliRunner.Run(args);
        first.ExitCode.Should().Be(0, first.ToString());
        var again = CliRunner.Run(args.Append("--resume").ToArray());
        again.ExitCode.Should().Be(0, again.ToString());
        again.Json()["results"]!.ToJsonString().Should().Be(first.Json()["results"]!.ToJsonString());
        var other = CliRunner.Run(args.Select(a => a == "40" ? "50" : a).Append("--resume").ToArray());
        other.ExitCode.Should().Be(CliApp.ExitUsage, other.ToString());
    }
}
