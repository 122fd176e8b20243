using System.IO.Compression;
using System.Text.Json;

namespace Goldilocks.Tests.Modules;

/// <summary>
/// TorchScript files saved by PyTorch 1.13, loaded with torch.jit.load and differentiated with respect to their
/// parameters: loss, gradient, Hessian-vector product and top eigenvalue equal PyTorch's own numbers; the measured
/// homogeneity degree is the architecture's; the α-scaling identities of paper 000 hold on them.
/// </summary>
public sealed class TorchScriptFixtureTests
{
    private static IEnumerable<string> Models => TorchScriptFixtures.Models;

    [TestCaseSource(nameof(Models))]
    public void Loss_gradient_and_Hessian_vector_product_match_PyTorch(string name)
    {
        var reference = TorchScriptFixtures.Model(name);
        using var data = TorchScriptFixtures.Data(name);
        using var model = TorchScriptFixtures.Load(name, data);
        using var scope = torch.NewDisposeScope();
        model.ParameterCount.Should().Be(reference.GetProperty("parameterCount").GetInt64());
        model.Blocks.Select(b => b.Name).Should().Equal(reference.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var objective = new Objective(model, data, new CrossEntropy());
        var theta = model.CurrentParameters();

        var logits = torch.tensor(reference.GetProperty("logits").EnumerateArray().SelectMany(TorchScriptFixtures.Doubles).ToArray(), dtype: ScalarType.Float64).view(8, -1);
        ClaimAssert.Close(EngineCases_Engine, $"{name}: logits", objective.Logits(theta), logits, 1e-12);
        var (loss, gradient) = objective.ValueAndGradient(theta);
        ClaimAssert.Close(EngineCases_Engine, $"{name}: loss", loss, reference.GetProperty("loss").GetDouble(), 1e-10);
        ClaimAssert.Close(EngineCases_Engine, $"{name}: gradient norm", gradient.norm().ToDouble(), reference.GetProperty("gradientNorm").GetDouble(), 1e-10);
        ClaimAssert.Close(EngineCases_Engine, $"{name}: gradient[0..16)", gradient.narrow(0, 0, 16),
            torch.tensor(TorchScriptFixtures.Doubles(reference.GetProperty("gradientFirst16")), dtype: ScalarType.Float64), 1e-10);

        using var point = new LinearizationPoint(objective, theta);
        var v = TorchScriptFixtures.Probe(model.ParameterCount);
        var hvp = reference.GetProperty("hvp");
        ClaimAssert.Close(EngineCases_Engine, $"{name}: ‖v‖", v.norm().ToDouble(), hvp.GetProperty("probeNorm").GetDouble(), 1e-13);
        var hv = new HessianOperator(point).Apply(v);
        ClaimAssert.Close(EngineCases_Engine, $"{name}: Hv", hv, torch.tensor(TorchScriptFixtures.Doubles(hvp.GetProperty("full")), dtype: ScalarType.Float64), 1e-10);
        ClaimAssert.Close(EngineCases_Engine, $"{name}: v·Hv", v.dot(hv).ToDouble(), hvp.GetProperty("dot").GetDouble(), 1e-10);
        // H = G + H-term through the module route too.
        ClaimAssert.Close(EngineCases_Engine, $"{name}: Gv + H-term v", new GTermOperator(point).Plus(new HTermOperator(point)).Apply(v), hv, 1e-13);
    }

    [TestCaseSource(nameof(Models))]
    public void Full_space_top_eigenvalue_matches_PyTorch(string name)
    {
        var reference = TorchScriptFixtures.Model(name);
        using var data = TorchScriptFixtures.Data(name);
        using var model = TorchScriptFixtures.Load(name, data);
        using var scope = torch.NewDisposeScope();
        using var point = new LinearizationPoint(new Objective(model, data, new CrossEntropy()), model.CurrentParameters());
        var top = Lanczos.Run(new HessianOperator(point), k: 1, tolerance: 1e-10, maxIterations: 300, seed: 1);
        TestContext.Out.WriteLine($"{name}: λ₁ = {top.Top:R} in {top.Iterations} products (residual {top.Residuals[0]:E2}, converged {top.Converged}); PyTorch {reference.GetProperty("topEigenvalue").GetDouble():R}");
        top.Converged.Should().BeTrue();
        // Converged means a residual ≤ 1e-10 |θ|, which bounds |λ − θ| (Bauer–Fike for symmetric H); PyTorch's value is
        // exact to 1e-14 (its range residual), so 1e-9 leaves a factor 10 for round-off.
        ClaimAssert.Close(EngineCases_Engine, $"{name}: top eigenvalue", top.Top, reference.GetProperty("topEigenvalue").GetDouble(), 1e-9);
        var bottom = Lanczos.Run(new HessianOperator(point), k: 1, end: SpectrumEnd.SmallestAlgebraic, tolerance: 1e-10, maxIterations: 300, seed: 2);
        ClaimAssert.Close(EngineCases_Engine, $"{name}: smallest eigenvalue", bottom.Eigenvalues[0], reference.GetProperty("hessian").GetProperty("smallestEigenvalue").GetDouble(), 1e-9);
    }

    [TestCase("relu_mlp", 2)]
    [TestCase("biased_mlp", null)]
    [TestCase("leaky_mlp", 3)]
    [TestCase("small_cnn", 2)]
    public void Measured_homogeneity_degree(string name, int? degree)
    {
        using var data = TorchScriptFixtures.Data(name);
        using var model = TorchScriptFixtures.Load(name, data);
        var measured = model.Homogeneity;
        TestContext.Out.WriteLine($"{name}: degree {measured.Degree?.ToString() ?? "none"}, best L = {measured.BestDegree}, relative error {measured.RelativeError:E2}; {measured.Reason}");
        JsonElement declared = TorchScriptFixtures.Model(name).GetProperty("homogeneityDegree");
        (declared.ValueKind == JsonValueKind.Null ? (int?)null : declared.GetInt32()).Should().Be(degree, "the fixture declares it");
        measured.Degree.Should().Be(degree);
        model.HomogeneityDegree.Should().Be(degree);
        if (degree is null) measured.Reason.Should().Contain("biases or a non-homogeneous activation");
        else measured.RelativeError.Should().BeLessThan(1e-13);
    }

    /// <summary>
    /// Paper 000, G2 and G4: for an L-homogeneous net at T = α^L, the loss at αθ equals the loss at θ, the gradient with
    /// respect to the scaled parameters is α⁻¹ times the unscaled one, and every Hessian term scales by α⁻². PyTorch's
    /// own numbers at the scaled points are matched as well.
    /// </summary>
    [TestCase("relu_mlp")]
    [TestCase("leaky_mlp")]
    [TestCase("small_cnn")]
    public void Alpha_scaling_identities_hold(string name)
    {
        using var data = TorchScriptFixtures.Data(name);
        using var model = TorchScriptFixtures.Load(name, data);
        using var scope = torch.NewDisposeScope();
        int L = model.HomogeneityDegree!.Value;
        var theta = model.CurrentParameters();
        var v = TorchScriptFixtures.Probe(model.ParameterCount);
        var baseObjective = new Objective(model, data, new CrossEntropy());
        var (baseLoss, baseGradient) = baseObjective.ValueAndGradient(theta);
        var products = BaseProducts(baseObjective, theta, v);
        foreach (var alpha in new[] { 0.5, 2.0, 3.0 })
        {
            var objective = new Objective(model, data, new CrossEntropy(Math.Pow(alpha, L)));
            var (loss, gradient) = objective.ValueAndGradient(theta * alpha);
            ClaimAssert.Close("G2", $"{name}: L(αθ; T = α^L) = L(θ; 1) at α = {alpha}", loss, baseLoss, 1e-13);
            ClaimAssert.Close("G2", $"{name}: ∇L(αθ; T = α^L) = α⁻¹ ∇L(θ) at α = {alpha}", gradient, baseGradient / alpha, 1e-12);
            var scaled = BaseProducts(objective, theta * alpha, v);
            for (int i = 0; i < 3; i++)
                ClaimAssert.Close("G4", $"{name}: {new[] { "H", "G", "H-term" }[i]} v at αθ, T = α^L, is α⁻² times the unscaled at α = {alpha}", scaled[i], products[i] / (alpha * alpha), 1e-11);
        }
        foreach (var p in TorchScriptFixtures.Model(name).GetProperty("scaled").GetProperty("points").EnumerateArray())
        {
            double alpha = p.GetProperty("alpha").GetDouble(), t = p.GetProperty("temperature").GetDouble();
            var (loss, gradient) = new Objective(model, data, new CrossEntropy(t)).ValueAndGradient(theta * alpha);
            ClaimAssert.Close("G2", $"{name}: PyTorch's loss at α = {alpha}, T = {t}", loss, p.GetProperty("loss").GetDouble(), 1e-10);
            ClaimAssert.Close("G2", $"{name}: PyTorch's gradient norm at α = {alpha}, T = {t}", gradient.norm().ToDouble(), p.GetProperty("gradientNorm").GetDouble(), 1e-10);
        }
    }

    [Test]
    public void Alpha_scaling_fails_for_the_biased_net()
    {
        const string name = "biased_mlp";
        using var data = TorchScriptFixtures.Data(name);
        using var model = TorchScriptFixtures.Load(name, data);
        using var scope = torch.NewDisposeScope();
        var theta = model.CurrentParameters();
        var (_, baseGradient) = new Objective(model, data, new CrossEntropy()).ValueAndGradient(theta);
        var (_, gradient) = new Objective(model, data, new CrossEntropy(4)).ValueAndGradient(theta * 2);
        ClaimAssert.RelativeError(gradient, baseGradient / 2).Should().BeGreaterThan(1e-3, "biases break the G2 identity (negative control)");
        var p = TorchScriptFixtures.Model(name).GetProperty("scaled").GetProperty("points")[0];
        ClaimAssert.Close("G2", "PyTorch's gradient norm of the biased net at α = 2, T = 4", gradient.norm().ToDouble(), p.GetProperty("gradientNorm").GetDouble(), 1e-10);
    }

    private static Tensor[] BaseProducts(Objective objective, Tensor theta, Tensor v)
    {
        using var point = new LinearizationPoint(objective, theta);
        return new ICurvatureOperator[] { new HessianOperator(point), new GTermOperator(point), new HTermOperator(point) }.Select(op => op.Apply(v)).ToArray();
    }

    [Test]
    public void Bad_files_give_clear_exceptions()
    {
        using var data = TorchScriptFixtures.Data("relu_mlp");
        var notScript = TorchScriptFixtures.File("not_torchscript.pt");
        FluentActions.Invoking(() => TorchScriptModel.Load(notScript, data)).Should().Throw<InvalidDataException>()
            .WithMessage($"{notScript} is not a TorchScript file*zip archive*");
        var missing = TorchScriptFixtures.File("missing.pt");
        FluentActions.Invoking(() => TorchScriptModel.Load(missing, data)).Should().Throw<FileNotFoundException>().WithMessage($"*{missing}*");
        var wrong = TorchScriptFixtures.File("wrong_output.pt");
        FluentActions.Invoking(() => TorchScriptModel.Load(wrong, data)).Should().Throw<InvalidDataException>()
            .WithMessage($"{wrong}: *must map inputs [N, 784] to logits [N, K]*returned [8]*");
        using var five = TorchScriptModel.Load(TorchScriptFixtures.File("five_classes.pt"), data);
        five.Outputs.Should().Be(5);
        FluentActions.Invoking(() => new Objective(five, data, new CrossEntropy())).Should().Throw<ArgumentException>()
            .WithMessage("*10 classes/outputs but five_classes.pt has 5 outputs*");
        var images = TorchScriptFixtures.Data("small_cnn");
        FluentActions.Invoking(() => TorchScriptModel.Load(TorchScriptFixtures.File("relu_mlp.pt"), images)).Should().Throw<InvalidDataException>()
            .WithMessage("*relu_mlp.pt failed on a probe batch of inputs [8, 1, 28, 28]*");
        images.Dispose();
    }

    [Test]
    public void Zip_archives_that_are_not_TorchScript_give_clear_exceptions()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "goldilocks-torchscript", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var zip = Path.Combine(folder, "archive.pt");
            using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
            using (var writer = new StreamWriter(archive.CreateEntry("archive/data.pkl").Open())) writer.Write("not a pickle");
            FluentActions.Invoking(() => TorchScriptModel.Load(zip, new long[] { 784 })).Should().Throw<InvalidDataException>()
                .WithMessage($"{zip} is not a TorchScript module that torch.jit.load can read*");
            var truncated = Path.Combine(folder, "truncated.pt");
            var bytes = File.ReadAllBytes(TorchScriptFixtures.File("relu_mlp.pt"));
            File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
            FluentActions.Invoking(() => TorchScriptModel.Load(truncated, new long[] { 784 })).Should().Throw<InvalidDataException>()
                .WithMessage($"{truncated} is not a TorchScript module that torch.jit.load can read*");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private const string EngineCases_Engine = Goldilocks.Tests.Foundation.EngineCases.Engine;
}
