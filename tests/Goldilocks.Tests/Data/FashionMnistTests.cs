using Goldilocks.Data;

namespace Goldilocks.Tests.Data;

public sealed class FashionMnistTests
{
    [Test]
    public void Real_FashionMNIST_loads_standardised_with_valid_labels()
    {
        if (!FashionMnist.IsAvailable()) Assert.Ignore("dataset-fashion-mnist is not installed: " + FashionMnist.InstallHint);
        using var data = FashionMnist.Load(flatten: true);
        data.Count.Should().Be(60000);
        data.Inputs.shape.Should().Equal(60000, 784);
        using var scope = torch.NewDisposeScope();
        data.Inputs.mean().item<double>().Should().BeApproximately(0, 1e-10);
        data.ClassPrior().Should().OnlyContain(q => Math.Abs(q - 0.1) < 1e-12);
        using var subset = Subsets.Balanced(data, 10, seed: 3);
        subset.ClassPrior().Should().OnlyContain(q => Math.Abs(q - 0.1) < 1e-12);
        subset.Count.Should().Be(100);
    }
}
