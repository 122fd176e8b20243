using System.Text.Json.Nodes;
using Goldilocks.Cli;

namespace Goldilocks.Tests.Cli;

public sealed class CurvatureCommandTests : TempFolderTest
{
    [Test]
    public void Json_document_has_schema_settings_and_all_statistics_of_three_operators()
    {
        var r = CliRunner.Run(CliRunner.SmallCurvature.With("--json", "--out", Dir, "--alpha", "2", "-T", "0.5", "--seed", "7"));
        r.ExitCode.Should().Be(0, r.ToString());
        var doc = r.Json();
        doc["schemaVersion"]!.GetValue<int>().Should().Be(1);
        doc["command"]!.GetValue<string>().Should().Be("curvature");
        var settings = doc["settings"]!;
        settings["temperature"]!.GetValue<double>().Should().Be(0.5);
        settings["alpha"]![0]!.GetValue<double>().Should().Be(2);
        settings["dimension"]!.GetValue<int>().Should().Be(4);
        settings["seed"]!.GetValue<long>().Should().Be(7);
        settings["parameterCount"]!.GetValue<long>().Should().Be(6 * 5 + 5 * 10);
        var result = doc["results"]![0]!;
        foreach (var op in new[] { "hessian", "gTerm", "hTerm" })
        {
            var s = result[op]!;
            foreach (var field in new[] { "trace", "frobenius", "spectralNorm", "positiveCurvature", "localConvexity" })
                s[field].Should().NotBeNull($"{op}.{field} is reported");
            // PC is defined as Tr/‖·‖_F (paper 000 Eq. 2): check the reported numbers against each other.
            s["positiveCurvature"]!.GetValue<double>().Should().BeApproximately(
                s["trace"]!.GetValue<double>() / s["frobenius"]!.GetValue<double>(), 1e-12);
        }
        // G-term is PSD (Gauss-Newton): local convexity 1 up to exact zeros.
        result["gTerm"]!["minEigenvalue"]!.GetValue<double>().Should().BeGreaterThan(-1e-12);
        File.Exists(Path.Combine(Dir, "curvature.json")).Should().BeTrue();
        JsonNode.Parse(File.ReadAllText(Path.Combine(Dir, "curvature.json")))!["results"]!.ToJsonString()
            .Should().Be(doc["results"]!.ToJsonString());
        File.ReadAllLines(Path.Combine(Dir, "curvature.csv")).Should().HaveCount(4).And.Contain(l => l.Contains(",gTerm,"));
    }

    [Test]
    public void Loss_and_gradient_norm_match_an_independent_objective_at_alpha_theta0()
    {
        var r = CliRunner.Run(CliRunner.SmallCurvature.With("--json", "--out", Dir, "--alpha", "0.7", "-T", "2", "--seed", "3"));
        r.ExitCode.Should().Be(0, r.ToString());
        var result = r.Json()["results"]![0]!;
        using var data = SyntheticClusters.Generate(40, 6, 10, 3);
        var model = new Mlp(6, new[] { 5 }, 10);
        var objective = new Objective(model, data, new CrossEntropy(2));
        using var scope = torch.NewDisposeScope();
        var theta = model.InitialParameters(3) * 0.7;
        var (loss, grad) = objective.ValueAndGradient(theta);
        result["loss"]!.GetValue<double>().Should().BeApproximately(loss, 1e-12 * loss);
        result["gradientNorm"]!.GetValue<double>().Should().BeApproximately(grad.norm().item<double>(), 1e-12);
    }

    [Test]
    public void Table_output_names_operators_and_statistics()
    {
        var r = CliRunner.Run(CliRunner.SmallCurvature.With("--out", Dir));
        r.ExitCode.Should().Be(0, r.ToString());
        r.Out.Should().Contain("G-term").And.Contain("H-term").And.Contain("PC").And.Contain("convexity").And.Contain("‖∇L‖");
    }

    [TestCase("--alpha", "0", "--alpha")]
    [TestCase("--alpha", "-1", "--alpha")]
    [TestCase("--alpha", "NaN", "--alpha")]
    [TestCase("--alpha", "Infinity", "--alpha")]
    [TestCase("-T", "0", "--temperature")]
    [TestCase("-T", "-2", "--temperature")]
    [TestCase("-d", "0", "--dimension")]
    [TestCase("-d", "100000", "exceeds the number of parameters P = 80")]
    [TestCase("--model", "resnet", "unknown model 'resnet'")]
    [TestCase("--dataset", "imagenet", "unknown dataset 'imagenet'")]
    [TestCase("--shard", "2/2", "0 ≤ i < n")]
    [TestCase("--samples", "0", "--samples")]
    [TestCase("--alpha", "abc", "abc")]
    public void Invalid_options_exit_2_with_a_message_and_no_stack_trace(string option, string value, string expected)
    {
        var r = CliRunner.Run(CliRunner.SmallCurvature.With("--out", Dir, option, value));
        r.ExitCode.Should().Be(CliApp.ExitUsage, r.ToString());
        r.Error.Should().Contain(expected);
        r.Error.Should().NotContain("   at ", "no stack trace");
        r.Out.Should().BeEmpty();
    }

    [Test]
    public void A_temperature_alpha_to_the_L_that_overflows_exits_2_before_any_cell_runs()
    {
        var r = CliRunner.Run(CliRunner.SmallCurvature.With("--out", Dir, "--alpha", "1", "1e200", "--temperature-follows-alpha"));
        r.ExitCode.Should().Be(CliApp.ExitUsage, r.ToString());
        r.Error.Should().Contain("T = α^L·T₀ = Infinity at α = 1E+200 is not a positive finite temperature");
        r.Error.Should().NotContain("   at ", "no stack trace");
        Directory.Exists(Path.Combine(Dir, "cells")).Should().BeFalse("the grid is checked before any cell is measured");
    }

    [Test]
    public void Cuda_on_a_cpu_build_is_a_clear_usage_error()
    {
        if (Goldilocks.Runtime.TorchRuntime.CudaAvailable) Assert.Ignore("this machine has CUDA");
        var r = CliRunner.Run(CliRunner.SmallCurvature.With("--out", Dir, "--device", "cuda"));
        r.ExitCode.Should().Be(CliApp.ExitUsage, r.ToString());
        r.Error.Should().Contain("CUDA is not available");
        CliRunner.Run(CliRunner.SmallCurvature.With("--out", Dir, "--device", "tpu")).Error.Should().Contain("Unknown device 'tpu'");
    }

    [Test]
    public void Unwritable_output_folder_exits_2_naming_the_folder()
    {
        string file = Path.Combine(Dir, "a-file");
        File.WriteAllText(file, "x");
        var r = CliRunner.Run(CliRunner.SmallCurvature.With("--out", Path.Combine(file, "sub")));
        r.ExitCode.Should().Be(CliApp.ExitUsage, r.ToString());
        r.Error.Should().Contain("a-file");
    }

    [Test]
    public void No_command_and_unknown_command_exit_2_and_help_exits_0()
    {
        CliRunner.Run().ExitCode.Should().Be(CliApp.ExitUsage);
        CliRunner.Run("frobnicate").ExitCode.Should().Be(CliApp.ExitUsage);
        var help = CliRunner.Run("curvature", "--help");
        help.ExitCode.Should().Be(0);
        help.Out.Should().Contain("--alpha").And.Contain("--temperature").And.Contain("--resume").And.Contain("--shard");
    }

    [Test]
    public void Missing_fashion_mnist_folder_says_how_to_install()
    {
        var r = CliRunner.Run(CliRunner.SmallCurvature.With("--out", Dir, "--dataset", "fashion-mnist", "--data-dir", Dir));
        r.ExitCode.Should().Be(CliApp.ExitUsage, r.ToString());
        r.Error.Should().Contain("apt-get install dataset-fashion-mnist");
    }
}

public sealed class CurvatureTemperatureTests
{
    [Test, Claim("G4")]
    public void With_T_equal_alpha_to_the_L_the_positive_curvature_does_not_depend_on_alpha()
    {
        string dir = CliRunner.TempFolder();
        try
        {
            var r = CliRunner.Run(CliRunner.SmallCurvature.With("--json", "--out", dir, "--alpha", "0.1", "1", "10", "--temperature-follows-alpha"));
            r.ExitCode.Should().Be(0, r.ToString());
            var results = r.Json()["results"]!.AsArray();
            results.Select(x => x!["temperature"]!.GetValue<double>()).Should().Equal(new[] { 1e-2, 1, 1e2 }, (a, b) => Math.Abs(a - b) <= 1e-12 * b);
            // The criterion the report's verdict applies, on the record read back from the command's JSON.
            ClaimAssert.Holds(DeconstructingVerdicts.G4(ResultJson.FromNode(results, ResultJson.Default.IReadOnlyListCurvaturePoint)));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
