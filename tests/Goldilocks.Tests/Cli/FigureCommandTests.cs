using System.Text.Json.Nodes;
using Goldilocks.Cli;

namespace Goldilocks.Tests.Cli;

/// <summary>
/// <c>dimension</c> (paper 000 Fig. 4 left), <c>hutchinson</c> (Fig. 13) and <c>pre-collapse</c> (Fig. 10): tiny runs
/// write the fields their records hold with finite numbers, the numbers are those of the papers' layer function for the
/// same data, network and seed (the command adds no arithmetic), and invalid option values exit 2 with a message.
/// </summary>
public sealed class FigureCommandTests : TempFolderTest
{
    private const int Samples = 40, Features = 6, Hidden = 6;

    private static readonly string[] Tiny = { "--dataset", "synthetic", "--samples", "40", "--features", "6", "--model", "mlp", "--hidden", "6", "--seed", "0" };

    /// <summary>The data and network the tiny runs build: synthetic clusters of data seed 0, bias-free ReLU MLP 6-6-10.</summary>
    private static (Dataset Data, Mlp Model) Same() =>
        (SyntheticClusters.Generate(Samples, Features, 10, SeedRule.Data(0)), new Mlp(Features, new[] { Hidden }, 10, Activation.ReLU, bias: false));

    private JsonNode Run(string command, params string[] options)
    {
        var r = CliRunner.Run(new[] { command, "--out", Sub(command), "--json" }.Concat(Tiny).Concat(options).ToArray());
        r.ExitCode.Should().Be(0, r.ToString());
        var doc = r.Json();
        doc["command"]!.GetValue<string>().Should().Be(command);
        foreach (var f in doc["files"]!.AsArray()) File.Exists(Path.Combine(Sub(command), (string)f!)).Should().BeTrue($"{f} is listed in files");
        return doc;
    }

    private static void Finite(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o) v.Should().NotBeNull($"{path}.{k} is defined in this run"); // JSON null = non-finite or undefined
                foreach (var (k, v) in o) Finite(v!, $"{path}.{k}");
                break;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++) Finite(a[i]!, $"{path}[{i}]");
                break;
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                double.IsFinite(v.GetValue<double>()).Should().BeTrue($"{path} is finite");
                break;
        }
    }

    private static void Same(double expected, JsonNode? actual, string what) =>
        actual!.GetValue<double>().Should().BeApproximately(expected, 1e-12 * Math.Max(1, Math.Abs(expected)), what);

    [Test]
    public void Dimension_writes_one_zone_point_per_seed_d_and_alpha_equal_to_the_papers_sweep()
    {
        var doc = Run("dimension", "--points", "2", "--seeds", "1", "--dimensions", "2", "4", "--alpha-min", "0.5", "--alpha-max", "2");
        doc["settings"]!["dimensions"]!.ToJsonString().Should().Be("[2,4]");
        var results = doc["results"]!.AsArray();
        results.Should().HaveCount(4);
        Finite(results, "results");
        var (data, model) = Same();
        using var _ = data;
        var expected = DimensionSweep.Run(model, data, new DimensionSweepOptions(new[] { 0.5, 2.0 }, new[] { 0L }, new[] { 2, 4 }));
        for (int i = 0; i < expected.Count; i++)
        {
            var r = results[i]!;
            r["dimension"]!.GetValue<int>().Should().Be(expected[i].Dimension);
            foreach (var (op, s) in expected[i].Point.Operators())
            {
                r["point"]![op]!["size"]!.GetValue<int>().Should().Be(expected[i].Dimension, $"{op} is projected on d dimensions");
                Same(s.PositiveCurvature!.Value, r["point"]![op]!["positiveCurvature"], $"results[{i}].point.{op}.positiveCurvature");
                Same(s.SpectralNorm, r["point"]![op]!["spectralNorm"], $"results[{i}].point.{op}.spectralNorm");
            }
        }
        File.Exists(Path.Combine(Sub("dimension"), "dimension-gterm-pc.png")).Should().BeTrue();
        File.Exists(Path.Combine(Sub("dimension"), "dimension-pc.png")).Should().BeTrue();
    }

    [Test]
    public void Hutchinson_writes_the_projected_hessian_and_both_estimates_equal_to_the_papers_comparison()
    {
        var doc = Run("hutchinson", "--points", "3", "--seeds", "1", "-d", "4", "--probes", "5");
        doc["settings"]!["probes"]!.GetValue<int>().Should().Be(5);
        var results = doc["results"]!.AsArray();
        results.Should().HaveCount(3);
        Finite(results, "results");
        var (data, model) = Same();
        using var _ = data;
        var expected = HutchinsonComparison.Run(model, data, Statistics.LogGrid(1e-2, 1e2, 3), SeedRule.Initialization(0), 4, 5);
        for (int i = 0; i < expected.Count; i++)
        {
            var r = results[i]!;
            Same(expected[i].Alpha, r["alpha"], "alpha");
            Same(expected[i].ProjectedPC, r["hessian"]!["positiveCurvature"], $"results[{i}].hessian.positiveCurvature");
            Same(expected[i].Hutchinson.Trace.Value, r["hutchinson"]!["trace"]!["value"], $"results[{i}].hutchinson.trace.value");
            Same(expected[i].Hutchinson.FrobeniusSquared.Value, r["hutchinson"]!["frobeniusSquared"]!["value"], $"results[{i}].hutchinson.frobeniusSquared.value");
            Same(expected[i].HutchinsonPC!.Value, r["hutchinson"]!["positiveCurvature"], $"results[{i}].hutchinson.positiveCurvature");
            r["hutchinson"]!["trace"]!["probes"]!.GetValue<int>().Should().Be(5);
        }
    }

    [Test]
    public void Pre_collapse_writes_the_scan_equal_to_the_papers_scan()
    {
        var doc = Run("pre-collapse", "--alpha-min", "1", "--alpha-max", "4", "--points", "3");
        doc["settings"]!["firstLayerParameters"]!.GetValue<long>().Should().Be(Features * Hidden);
        var results = doc["results"]!.AsArray();
        results.Should().HaveCount(3);
        Finite(results, "results");
        var (data, model) = Same();
        using var _ = data;
        var expected = PreCollapse.Run(model, data, Statistics.LogGrid(1, 4, 3), SeedRule.Initialization(0));
        for (int i = 0; i < expected.Count; i++)
        {
            var r = results[i]!;
            r["leastConfident"]!.GetValue<int>().Should().Be(expected[i].LeastConfident);
            Same(expected[i].GTermPC!.Value, r["gTermPC"], $"results[{i}].gTermPC");
            Same(expected[i].DominanceError!.Value, r["dominanceError"], $"results[{i}].dominanceError");
            Same(expected[i].InputAlignment!.Value, r["inputAlignment"], $"results[{i}].inputAlignment");
            Same(expected[i].LeastConfidentEntropy, r["leastConfidentEntropy"], $"results[{i}].leastConfidentEntropy");
        }
    }

    public static IEnumerable<TestCaseData> BadOptions()
    {
        yield return new TestCaseData(new[] { "dimension", "--dimensions", "0" }, "--dimensions").SetArgDisplayNames("dimension-d-0");
        yield return new TestCaseData(Tiny.Prepend("dimension").Concat(new[] { "--dimensions", "3", "100000" }).ToArray(), "d = 100000 exceeds the number of parameters P = 96").SetArgDisplayNames("dimension-d-above-P");
        yield return new TestCaseData(new[] { "dimension", "--alpha-min", "0" }, "--alpha-min must be a positive finite number").SetArgDisplayNames("dimension-alpha-0");
        yield return new TestCaseData(new[] { "hutchinson", "--probes", "1" }, "--probes must be ≥ 2").SetArgDisplayNames("hutchinson-probes-1");
        yield return new TestCaseData(Tiny.Prepend("hutchinson").Concat(new[] { "-d", "1000" }).ToArray(), "exceeds the number of parameters P = 96").SetArgDisplayNames("hutchinson-d-above-P");
        yield return new TestCaseData(new[] { "hutchinson", "--model", "resnet" }, "unknown model 'resnet'").SetArgDisplayNames("hutchinson-unknown-model");
        yield return new TestCaseData(new[] { "pre-collapse", "--points", "1" }, "--points must be ≥ 2").SetArgDisplayNames("pre-collapse-points-1");
        yield return new TestCaseData(Tiny.Prepend("pre-collapse").Concat(new[] { "--alpha-min", "10", "--alpha-max", "2" }).ToArray(), "--alpha-max (2) must exceed --alpha-min (10)").SetArgDisplayNames("pre-collapse-alpha-range");
        yield return new TestCaseData(new[] { "pre-collapse", "--dataset", "synthetic", "--samples", "20", "--model", "lenet5" }, "first fully-connected weight layer").SetArgDisplayNames("pre-collapse-lenet5");
        yield return new TestCaseData(new[] { "pre-collapse", "--dataset", "synthetic", "--samples", "2000", "--features", "784", "--hidden", "300" }, "use fewer --samples").SetArgDisplayNames("pre-collapse-too-large");
        yield return new TestCaseData(new[] { "pre-collapse", "--model-file", "/nonexistent/net.pt" }, "--model-file: no such file").SetArgDisplayNames("pre-collapse-model-file-missing");
        yield return new TestCaseData(new[] { "dimension", "--shard", "3/2" }, "0 ≤ i < n = 2").SetArgDisplayNames("dimension-shard");
    }

    [TestCaseSource(nameof(BadOptions))]
    public void Invalid_options_exit_2_with_a_message(string[] args, string message)
    {
        var r = CliRunner.Run(args.Concat(new[] { "--out", Sub("bad") }).ToArray());
        r.ExitCode.Should().Be(CliApp.ExitUsage, r.ToString());
        r.Error.Should().Contain(message).And.NotContain("   at ");
    }
}
