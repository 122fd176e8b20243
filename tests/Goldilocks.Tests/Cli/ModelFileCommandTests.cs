using System.Text.Json.Nodes;
using Goldilocks.Cli;
using Goldilocks.Tests.Oracles;
using Goldilocks.Tests.Modules;

namespace Goldilocks.Tests.Cli;

/// <summary>--model-file (a TorchScript file) through the commands, the full-space numbers of <c>curvature</c>, and the
/// one-message usage errors of bad files and option combinations.</summary>
public sealed class ModelFileCommandTests : TempFolderTest
{
    private static string Fixture(string file) => TorchScriptFixtures.File(file);

    private static string[] FashionMnist(int samples) => new[] { "--dataset", "fashion-mnist", "--samples", samples.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [SetUp]
    public void RequireFashionMnist()
    {
        if (!Goldilocks.Data.FashionMnist.IsAvailable()) Assert.Fail("these checks run on FashionMNIST, which is missing: " + Goldilocks.Data.FashionMnist.InstallHint);
    }

    [Test]
    public void Curvature_of_a_TorchScript_file_reports_measured_degree_subspace_and_full_space_numbers()
    {
        var r = CliRunner.Run(new[] { "curvature", "--model-file", Fixture("relu_mlp.pt"), "--json", "--out", Dir }.Concat(FashionMnist(100)).ToArray());
        r.ExitCode.Should().Be(0, r.ToString());
        var doc = r.Json();
        var settings = doc["settings"]!;
        settings["homogeneityDegree"]!.GetValue<int>().Should().Be(2, "relu_mlp is a bias-free two-layer ReLU network");
        settings["parameterCount"]!.GetValue<long>().Should().Be(6352);
        settings["modelFile"]!.GetValue<string>().Should().EndWith("relu_mlp.pt");
        settings["images"]!.GetValue<bool>().Should().BeFalse();
        settings.AsObject().ContainsKey("homogeneityReason").Should().BeFalse("a degree was found");
        var point = doc["results"]![0]!;
        foreach (var op in new[] { "hessian", "gTerm", "hTerm" })
        {
            var sub = point[op]!;
            sub["size"]!.GetValue<int>().Should().Be(20);
            var full = point["fullSpace"]![op]!;
            full["topEigenvalueConverged"]!.GetValue<bool>().Should().BeTrue($"{op}: Lanczos converges on this small problem");
            double top = full["topEigenvalue"]!.GetValue<double>();
            full["topEigenvalueResidual"]!.GetValue<double>().Should().BeLessThanOrEqualTo(1e-8 * Math.Abs(top), $"{op}: converged at the default tolerance");
            // Cauchy interlacing: the largest eigenvalue of VᵀAV (V orthonormal) cannot exceed λ_max(A).
            top.Should().BeGreaterThanOrEqualTo(sub["maxEigenvalue"]!.GetValue<double>() - 1e-12 * Math.Abs(top), $"{op}: λ_max ≥ the subspace maximum");
            full["traceStandardError"]!.GetValue<double>().Should().BePositive();
            full["probes"]!.GetValue<int>().Should().Be(100);
        }
        // The G-term is PSD: its full trace estimate is a mean of vᵀGv ≥ 0.
        point["fullSpace"]!["gTerm"]!["traceEstimate"]!.GetValue<double>().Should().BePositive();
    }

    [Test]
    public void Full_space_numbers_of_curvature_match_the_dense_matrices()
    {
        var r = CliRunner.Run(CliRunner.SmallCurvature.With("--json", "--out", Dir, "--seed", "3"));
        r.ExitCode.Should().Be(0, r.ToString());
        var full = r.Json()["results"]![0]!["fullSpace"]!;

        // The same point on the test side: the synthetic data of seed 3, the bias-free 6-5-10 ReLU MLP, its Kaiming θ₀ of seed 3.
        using var data = new DatasetRequest(DatasetKind.Synthetic, 40, 3, Features: 6).Load();
        var model = new Mlp(6, new[] { 5 }, 10, Activation.ReLU, bias: false);
        using var scope = torch.NewDisposeScope();
        var theta = model.InitialParameters(3);
        var objective = new Objective(model, data, new CrossEntropy());
        var h = AutogradHessian.OfLoss(objective, theta);
        var (g, hTerm) = ExplicitGaussNewton.Decomposition(model, data, theta, 1.0);
        foreach (var (op, dense) in new[] { ("hessian", h), ("gTerm", g), ("hTerm", hTerm) })
        {
            var s = full[op]!;
            double exactTop = torch.linalg.eigvalsh((dense + dense.T) / 2).max().ToDouble();
            double exactTrace = dense.trace().ToDouble();
            s["topEigenvalue"]!.GetValue<double>().Should().BeApproximately(exactTop, 1e-6 * Math.Abs(exactTop), $"{op}: Lanczos λ_max vs eigvalsh");
            double se = s["traceStandardError"]!.GetValue<double>();
            Math.Abs(s["traceEstimate"]!.GetValue<double>() - exactTrace).Should().BeLessThanOrEqualTo(4 * se, $"{op}: Hutchinson within 4 standard errors of Tr = {exactTrace}");
        }
    }

    [TestCaseSource(typeof(TorchScriptFixtures), nameof(TorchScriptFixtures.Models))]
    public void Full_space_curvature_of_a_fixture_matches_PyTorch_top_eigenvalue(string name)
    {
        var reference = TorchScriptFixtures.Model(name).GetProperty("topEigenvalue").GetDouble();
        using var data = TorchScriptFixtures.Data(name);
        using var model = TorchScriptFixtures.Load(name, data);
        using var scope = torch.NewDisposeScope();
        using var point = new LinearizationPoint(new Objective(model, data, new CrossEntropy()), SeedRule.InitialParameters(model, 0));
        var full = FullSpaceCurvature.Measure(point, new FullSpaceOptions(), seed: 0);
        full.Hessian.TopEigenvalueConverged.Should().BeTrue();
        full.Hessian.TopEigenvalue.Should().BeApproximately(reference, 1e-6 * Math.Abs(reference), $"{name}: the default tolerance 1e-8 bounds |λ − θ| well below 1e-6");
    }

    [Test]
    public void Confidence_draws_Kaiming_initializations_of_the_file_architecture()
    {
        var r = CliRunner.Run(new[] { "confidence", "--model-file", Fixture("relu_mlp.pt"), "--inits", "4", "-d", "4", "--json", "--out", Dir }
            .Concat(FashionMnist(50)).ToArray());
        r.ExitCode.Should().Be(0, r.ToString());
        var points = r.Json()["results"]!["points"]!.AsArray();
        var pcs = points.Select(p => p!["positiveCurvature"]!.GetValue<double>()).ToArray();
        pcs.Should().HaveCount(4);
        pcs.Distinct().Should().HaveCount(4, $"each seed is its own Kaiming draw of the file's architecture, got PC(H) = {string.Join(", ", pcs)}");
        pcs.Should().OnlyContain(pc => double.IsFinite(pc));
    }

    [Test]
    public void Zone_temperature_and_spectrum_accept_the_file()
    {
        string[] file = { "--model-file", Fixture("relu_mlp.pt") };
        foreach (var args in new[]
                 {
                     new[] { "zone", "--points", "2", "--seeds", "1", "-d", "5" },
                     new[] { "temperature", "--points", "2", "--seeds", "1", "-d", "5" },
                     new[] { "spectrum", "--method", "slq", "--probes", "1", "--lanczos-steps", "10" },
                 })
        {
            var r = CliRunner.Run(args.Concat(file).Concat(FashionMnist(50)).Concat(new[] { "--json", "--out", Sub(args[0]) }).ToArray());
            r.ExitCode.Should().Be(0, r.ToString());
            r.Json()["settings"]!["parameterCount"]!.GetValue<long>().Should().Be(6352, args[0]);
        }
    }

    [Test]
    public void Dimension_hutchinson_and_pre_collapse_accept_the_file()
    {
        string[] file = { "--model-file", Fixture("relu_mlp.pt") };
        foreach (var args in new[]
                 {
                     new[] { "dimension", "--points", "2", "--seeds", "1", "--dimensions", "2", "5" },
                     new[] { "hutchinson", "--points", "2", "--seeds", "1", "-d", "5", "--probes", "3" },
                     new[] { "pre-collapse", "--points", "2" },
                 })
        {
            var r = CliRunner.Run(args.Concat(file).Concat(FashionMnist(args[0] == "pre-collapse" ? 20 : 50)).Concat(new[] { "--json", "--out", Sub(args[0]) }).ToArray());
            r.ExitCode.Should().Be(0, r.ToString());
            var settings = r.Json()["settings"]!;
            settings["parameterCount"]!.GetValue<long>().Should().Be(6352, args[0]);
            settings["modelFile"]!.GetValue<string>().Should().EndWith("relu_mlp.pt", args[0]);
        }
    }

    [Test]
    public void Pre_collapse_of_a_convolutional_file_is_a_usage_error_naming_the_first_layer()
    {
        var r = CliRunner.Run(new[] { "pre-collapse", "--model-file", Fixture("small_cnn.pt"), "--images", "--points", "2", "--out", Dir }.Concat(FashionMnist(20)).ToArray());
        r.ExitCode.Should().Be(CliApp.ExitUsage, r.ToString());
        r.Error.Should().Contain("first fully-connected weight layer");
        r.Error.Trim().Split('\n').Should().HaveCount(1, "one message");
    }

    [Test]
    public void Temperature_at_alpha_to_the_L_with_a_non_homogeneous_file_is_a_usage_error_naming_the_reason()
    {
        var r = CliRunner.Run(new[] { "temperature", "--model-file", Fixture("biased_mlp.pt"), "--points", "2", "--seeds", "1", "-d", "5", "--out", Dir }.Concat(FashionMnist(50)).ToArray());
        r.ExitCode.Should().Be(CliApp.ExitUsage, r.ToString());
        r.Error.Should().Contain("homogeneity degree L").And.Contain("biased_mlp.pt has none").And.Contain("biases");
        r.Error.Trim().Split('\n').Should().HaveCount(1, "one message");
    }

    private static IEnumerable<TestCaseData> BadInputs()
    {
        TestCaseData Case(string name, string expected, params string[] args) => new(args, expected) { TestName = $"Bad_input_{name}_is_one_message_with_exit_2" };
        yield return Case("not_torchscript", "is not a TorchScript file", "--model-file", Fixture("not_torchscript.pt"));
        yield return Case("wrong_output", "to logits [N, K]", "--model-file", Fixture("wrong_output.pt"));
        yield return Case("five_classes", "K = 5 outputs, but", "--model-file", Fixture("five_classes.pt"));
        yield return Case("missing_file", "no such file", "--model-file", Fixture("no_such_model.pt"));
        yield return Case("model_and_model_file", "give only one of them", "--model-file", Fixture("relu_mlp.pt"), "--model", "mlp");
        yield return Case("cnn_without_images", "give --images", "--model-file", Fixture("small_cnn.pt"));
        yield return Case("images_with_builtin_model", "--images is for --model-file", "--images", "--model", "mlp");
    }

    [TestCaseSource(nameof(BadInputs))]
    public void Bad_input_is_one_message_with_exit_2(string[] args, string expected)
    {
        var r = CliRunner.Run(new[] { "curvature", "--out", Dir, "-d", "5" }.Concat(FashionMnist(20)).Concat(args).ToArray());
        r.ExitCode.Should().Be(CliApp.ExitUsage, r.ToString());
        r.Error.Should().Contain(expected);
        r.Error.Trim().Split('\n').Should().HaveCount(1, "one message, no stack trace");
        r.Error.Should().NotContain("   at ");
    }

    [Test]
    public void Small_cnn_takes_images()
    {
        var r = CliRunner.Run(new[] { "curvature", "--model-file", Fixture("small_cnn.pt"), "--images", "-d", "5", "--json", "--out", Dir }.Concat(FashionMnist(20)).ToArray());
        r.ExitCode.Should().Be(0, r.ToString());
        var settings = r.Json()["settings"]!;
        settings["images"]!.GetValue<bool>().Should().BeTrue();
        settings["parameterCount"]!.GetValue<long>().Should().Be(5860);
        settings["homogeneityDegree"]!.GetValue<int>().Should().Be(2);
    }

    [Test]
    public void Prior_gradient_differentiates_a_file_through_its_binding()
    {
        var r = CliRunner.Run(new[] { "prior-gradient", "--model-file", Fixture("relu_mlp.pt"), "--priors", "3", "--subset-size", "20", "--points", "2", "--json", "--out", Dir }
            .Concat(FashionMnist(50)).ToArray());
        r.ExitCode.Should().Be(0, r.ToString());
        var predicted = r.Json()["results"]!["prior"]!["predictedSlope"]!.GetValue<double>();
        predicted.Should().BePositive().And.Match(v => double.IsFinite(v));
    }
}
