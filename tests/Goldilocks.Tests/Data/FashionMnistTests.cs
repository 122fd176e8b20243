using System.Diagnostics;

namespace Goldilocks.Tests.Data;

public sealed class FashionMnistTests
{
    private static void RequireFashionMnist()
    {
        if (!FashionMnist.IsAvailable()) Assert.Fail("dataset-fashion-mnist is not installed (scripts/setup.sh installs it): " + FashionMnist.InstallHint);
    }

    [Test]
    public void Real_FashionMNIST_balanced_subset_is_fast_after_the_first_decode()
    {
        RequireFashionMnist();
        var split = FashionMnist.Split();
        split.Count.Should().Be(60000);
        split.ImageShape.Should().Equal(1, 28, 28);
        var clock = Stopwatch.StartNew();
        using var subset = FashionMnist.LoadBalanced(10, seed: 3, flatten: true);
        clock.Elapsed.TotalSeconds.Should().BeLessThan(2, "the decoded split is cached per process");
        FashionMnist.Split().Should().BeSameAs(split);
        subset.Inputs.shape.Should().Equal(100, 784);
        subset.ClassPrior().Should().OnlyContain(q => Math.Abs(q - 0.1) < 1e-12);
    }

    [Test, Category(Categories.Slow)]
    public void Real_FashionMNIST_loads_standardised_and_balanced_subsets_match_the_full_load()
    {
        RequireFashionMnist();
        using var data = FashionMnist.Load(flatten: true);
        data.Count.Should().Be(60000);
        data.Inputs.shape.Should().Equal(60000, 784);
        using var scope = torch.NewDisposeScope();
        data.Inputs.mean().item<double>().Should().BeApproximately(0, 1e-10);
        // Per-pixel standardisation over the split, checked with torch's own std (independent of ImageSplit's sums).
        var std = data.Inputs.std(0);
        var varying = std > 0;
        (std.masked_select(varying) - 1).abs().max().item<double>().Should().BeLessThan(1e-10);
        data.ClassPrior().Should().OnlyContain(q => Math.Abs(q - 0.1) < 1e-12);
        using var subset = Subsets.Balanced(data, 10, seed: 3);
        subset.Count.Should().Be(100);
        // The fast path converts only the chosen images, standardised with the same whole-split statistics.
        using var fast = FashionMnist.LoadBalanced(10, seed: 3, flatten: true);
        torch.equal(fast.Inputs, subset.Inputs).all().item<bool>().Should().BeTrue();
        torch.equal(fast.Targets, subset.Targets).all().item<bool>().Should().BeTrue();
    }
}
