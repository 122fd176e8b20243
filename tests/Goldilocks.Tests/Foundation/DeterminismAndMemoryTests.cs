using System.Diagnostics;

namespace Goldilocks.Tests.Foundation;

/// <summary>Curvature products are deterministic and leak neither tensors nor native memory.</summary>
public sealed class DeterminismAndMemoryTests
{
    [TestCase("MLP-Tanh-bias")]
    [TestCase("LeNet5-Max-1x16x16")]
    public void Two_consecutive_products_with_the_same_vector_are_bitwise_identical(string architecture)
    {
        using var scope = torch.NewDisposeScope();
        using var c = EngineCases.Create(architecture);
        using var point = new LinearizationPoint(c.Objective(0.8, 4), c.Theta);
        var v = EngineCases.Gaussian(c.Model.ParameterCount, 5);
        foreach (ICurvatureOperator op in new ICurvatureOperator[] { new HessianOperator(point), new GTermOperator(point), new HTermOperator(point) })
        {
            var first = op.Apply(v);
            var second = op.Apply(v);
            ClaimAssert.That(EngineCases.Engine, EngineCases.BitwiseEqual(first, second),
                $"{architecture}, {op.GetType().Name}: two products with the same v differ by {(first - second).abs().max().item<double>():E3}");
        }
    }

    /// <summary>
    /// 5,000 Hessian-vector products on an MLP 32-64-32-10 (tanh, biases; P = 4,522, 32 samples in two batches of 16) after
    /// 300 warm-up products. Live tensor handles (<c>Tensor.TotalCount</c>) must not grow at all. The process's
    /// working set and private bytes (after a full GC) must grow by less than 16 MiB: leaking even one P-vector
    /// (35 KiB) per product would add 173 MiB, and a retained autograd graph far more, while the allocator's own
    /// jitter measured here is a few MiB.
    /// </summary>
    [Test]
    [Category(Categories.Slow)]
    public void Tensors_and_process_memory_stay_flat_over_5000_Hessian_vector_products()
    {
        const int warmUp = 300, products = 5000;
        const double bandMiB = 16;
        using var data = Goldilocks.Data.SyntheticClusters.Generate(32, 32, 10, seed: 3);
        var model = new Mlp(32, new[] { 64, 32 }, 10, Activation.Tanh, bias: true);
        using var theta = model.InitialParameters(4);
        using var point = new LinearizationPoint(new Goldilocks.Objectives.Objective(model, data, new Goldilocks.Losses.CrossEntropy(), 16), theta);
        var hessian = new HessianOperator(point);
        using var v = EngineCases.Gaussian(model.ParameterCount, 6);

        void Run(int n)
        {
            for (int i = 0; i < n; i++)
            {
                using var scope = torch.NewDisposeScope();
                hessian.Apply(v);
            }
        }

        Run(warmUp);
        var (tensors0, workingSet0, private0) = Measure();
        var clock = Stopwatch.StartNew();
        Run(products);
        clock.Stop();
        var (tensors1, workingSet1, private1) = Measure();

        double wsGrowth = (workingSet1 - workingSet0) / 1048576.0, privGrowth = (private1 - private0) / 1048576.0;
        string report = $"over {products} HVPs ({clock.Elapsed.TotalMilliseconds / products:F2} ms each): live tensors {tensors0} → {tensors1}, " +
                        $"working set {workingSet0 / 1048576.0:F1} → {workingSet1 / 1048576.0:F1} MiB ({wsGrowth:+0.0;-0.0} MiB), " +
                        $"private bytes {private0 / 1048576.0:F1} → {private1 / 1048576.0:F1} MiB ({privGrowth:+0.0;-0.0} MiB)";
        TestContext.Out.WriteLine(report);
        ClaimAssert.That(EngineCases.Engine, tensors1 <= tensors0, $"live tensors grew: {report}");
        ClaimAssert.That(EngineCases.Engine, wsGrowth < bandMiB, $"working set grew by ≥ {bandMiB} MiB: {report}");
        ClaimAssert.That(EngineCases.Engine, privGrowth < bandMiB, $"private bytes grew by ≥ {bandMiB} MiB: {report}");
    }

    private static (long Tensors, long WorkingSet, long Private) Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (torch.Tensor.TotalCount, process.WorkingSet64, process.PrivateMemorySize64);
    }
}
