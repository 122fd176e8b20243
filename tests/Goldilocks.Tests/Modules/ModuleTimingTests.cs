using System.Diagnostics;

namespace Goldilocks.Tests.Modules;

/// <summary>Time of one Hessian-vector product of LeNet-300-100 on 1,000 FashionMNIST images, flat route.</summary>
[Explicit("timing run; prints the medians")]
[Category(Categories.Slow)]
public sealed class ModuleTimingTests
{
    [Test]
    public void Hessian_vector_product_time_flat()
    {
        if (!FashionMnist.IsAvailable()) Assert.Ignore(FashionMnist.InstallHint);
        using var data = FashionMnist.LoadBalanced(100, seed: 0, flatten: true);
        var model = Mlp.LeNet300100();
        using var theta = model.InitialParameters(1);
        var objective = new Objective(model, data, new CrossEntropy());
        using var point = new LinearizationPoint(objective, theta);
        var op = new HessianOperator(point);
        using var v = torch.randn(new[] { model.ParameterCount }, dtype: ScalarType.Float64, generator: new torch.Generator(5));
        var times = new List<double>();
        for (int i = 0; i < 12; i++)
        {
            var watch = Stopwatch.StartNew();
            op.Apply(v).Dispose();
            watch.Stop();
            if (i >= 2) times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        TestContext.Out.WriteLine($"flat HVP median {times[times.Count / 2]:F1} ms over {times.Count}: {string.Join(", ", times.Select(t => t.ToString("F1")))}");
    }
}
