using System.Diagnostics;
using static TorchSharp.torch;

namespace Goldilocks.Tests.Modules;

/// <summary>
/// Time of one Hessian-vector product of LeNet-300-100 on 1,000 FashionMNIST images (100 per class), through the flat
/// model and through an equivalent nn.Sequential holding the same weights (module route), interleaved so that load
/// from other processes affects both alike. Run by name:
/// <c>dotnet test tests/Goldilocks.Tests -c Release --filter "FullyQualifiedName~ModuleTimingTests" --logger "console;verbosity=detailed"</c>.
/// </summary>
[Explicit("timing run; prints the medians")]
[Category(Categories.Slow)]
public sealed class ModuleTimingTests
{
    [Test]
    public void Hessian_vector_product_time_module_vs_flat()
    {
        if (!FashionMnist.IsAvailable()) Assert.Fail("this measurement runs on FashionMNIST, which is missing: " + FashionMnist.InstallHint);
        using var data = FashionMnist.LoadBalanced(100, seed: 0, flatten: true);
        var flat = Mlp.LeNet300100();
        using var theta = flat.InitialParameters(1);
        using var sequential = nn.Sequential(("fc1", nn.Linear(784, 300, hasBias: false)), ("relu1", nn.ReLU()),
            ("fc2", nn.Linear(300, 100, hasBias: false)), ("relu2", nn.ReLU()), ("fc3", nn.Linear(100, 10, hasBias: false)));
        ModuleCases.CopyByName(flat, theta, sequential);
        using var module = new ModuleModel(sequential, new long[] { 784 }, "LeNet-300-100 module");
        using var fp = new LinearizationPoint(new Objective(flat, data, new CrossEntropy()), theta);
        using var mp = new LinearizationPoint(new Objective(module, data, new CrossEntropy()), theta);
        // Column 0 is the product as it was before the binding existed: ∂(∇L · v)/∂θ straight from SafeAutograd.
        var direct = new DelegateOperator(flat.ParameterCount, x => fp.MeanOverBatches(b => SafeAutograd.Grad(b.Gradient, fp.Theta, x)));
        var ops = new ICurvatureOperator[] { direct, new HessianOperator(fp), new HessianOperator(mp) };
        using var v = torch.randn(new[] { flat.ParameterCount }, dtype: ScalarType.Float64, generator: new torch.Generator(5));
        var times = new[] { new List<double>(), new List<double>(), new List<double>() };
        for (int round = 0; round < 13; round++)
        {
            for (int i = 0; i < ops.Length; i++)
            {
                var watch = Stopwatch.StartNew();
                ops[i].Apply(v).Dispose();
                watch.Stop();
                if (round >= 2) times[i].Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        double Median(List<double> t) => t.Order().ElementAt(t.Count / 2);
        TestContext.Out.WriteLine($"HVP, LeNet-300-100, 1,000 images, median of {times[0].Count} after 2 warm-up rounds (load {File.ReadAllText("/proc/loadavg").Trim()}):");
        TestContext.Out.WriteLine($"  flat, direct autograd     {Median(times[0]):F1} ms (min {times[0].Min():F1})");
        TestContext.Out.WriteLine($"  flat, through the binding {Median(times[1]):F1} ms (min {times[1].Min():F1})");
        TestContext.Out.WriteLine($"  module route              {Median(times[2]):F1} ms (min {times[2].Min():F1}); module / flat ratio of medians {Median(times[2]) / Median(times[1]):F2}");
        EngineCasesEqual(ops[1].Apply(v), ops[0].Apply(v)).Should().BeTrue("the binding changes no bit of the flat product");
        ClaimAssert.Close(Foundation.EngineCases.Engine, "module Hv = flat Hv", ops[2].Apply(v), ops[1].Apply(v), 1e-12);
    }

    private static bool EngineCasesEqual(Tensor a, Tensor b) => Foundation.EngineCases.BitwiseEqual(a, b);
}
