using FsCheck;
using FsCheck.Fluent;

namespace Goldilocks.Tests.Data;

/// <summary>Balanced and prior-matched subsets (paper 000 Fig. 5; Cui et al. 2019), priors, Gaussian-noise images.</summary>
public sealed class SubsetTests
{
    [ClaimProperty(MaxTest = 60)]
    public Property Prior_subsets_have_the_rounded_class_counts_of_Q_and_distinct_samples()
    {
        var gen = from seed in Gen.Choose(0, 1000)
                  from size in Gen.Choose(1, 200)
                  select (seed, size);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var q = ClassPriors.UniformSimplex(10, t.seed);
            var labels = Enumerable.Range(0, 2000).Select(i => (long)(i % 10)).ToArray();
            var idx = Subsets.PriorIndices(labels, 10, q, t.size, t.seed, "pool");
            var counts = Enumerable.Range(0, 10).Select(k => idx.Count(i => labels[i] == k)).ToArray();
            return (idx.Length == t.size && idx.Distinct().Count() == t.size
                    && counts.Select((c, k) => Math.Abs(c - t.size * q[k])).All(d => d < 1))
                .Label($"Q = [{string.Join(", ", q.Select(x => x.ToString("F3")))}], counts = [{string.Join(", ", counts)}]");
        });
    }

    [Test]
    public void WithPrior_on_a_dataset_gives_the_requested_empirical_prior()
    {
        using var data = SyntheticClusters.Generate(400, 5, 4, seed: 2);
        var q = new[] { 0.5, 0.25, 0.125, 0.125 };
        using var subset = Subsets.WithPrior(data, q, 80, seed: 9);
        subset.ClassPrior().Should().Equal(q);
        var tooMany = () => Subsets.WithPrior(data, new[] { 1.0, 0, 0, 0 }, 101, seed: 1);
        tooMany.Should().Throw<ArgumentException>().WithMessage("*class 0 has 100 samples*101*");
        var notAPrior = () => Subsets.WithPrior(data, new[] { 0.5, 0.6, 0, 0 }, 10, seed: 1);
        notAPrior.Should().Throw<ArgumentException>().WithMessage("*sum to 1*");
    }

    [Test]
    public void Balanced_subset_draws_the_same_samples_from_a_dataset_and_from_raw_labels()
    {
        using var data = SyntheticClusters.Generate(300, 5, 3, seed: 4);
        using var subset = Subsets.Balanced(data, 20, seed: 5);
        subset.ClassPrior().Should().OnlyContain(q => Math.Abs(q - 1.0 / 3) < 1e-15);
        using var scope = torch.NewDisposeScope();
        var idx = Subsets.BalancedIndices(data.Targets.data<long>().ToArray(), 3, 20, 5, "x");
        torch.equal(subset.Inputs, data.Inputs.index_select(0, torch.tensor(idx))).all().item<bool>().Should().BeTrue();
    }

    [Test]
    public void Long_tailed_prior_follows_the_exponential_profile_of_Cui_et_al()
    {
        var q = ClassPriors.LongTailed(10, 100);
        q.Sum().Should().BeApproximately(1, 1e-15);
        (q[0] / q[9]).Should().BeApproximately(100, 1e-10);
        for (int k = 1; k < 10; k++) (q[k] / q[k - 1]).Should().BeApproximately(Math.Pow(100, -1.0 / 9), 1e-12);
        ClassPriors.LongTailed(4, 1).Should().OnlyContain(x => Math.Abs(x - 0.25) < 1e-15);
        ((Action)(() => ClassPriors.LongTailed(10, 0.5))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void Uniform_simplex_priors_are_valid_and_seeded()
    {
        var q = ClassPriors.UniformSimplex(10, 3);
        q.Should().OnlyContain(x => x > 0).And.HaveCount(10);
        q.Sum().Should().BeApproximately(1, 1e-14);
        ClassPriors.UniformSimplex(10, 3).Should().Equal(q);
        ClassPriors.UniformSimplex(10, 4).Should().NotEqual(q);
    }

    [Test]
    public void Gaussian_noise_images_have_balanced_labels_and_standard_normal_pixels()
    {
        using var data = GaussianNoiseImages.Generate(1003, new long[] { 1, 28, 28 }, 10, seed: 1);
        data.Inputs.shape.Should().Equal(1003, 1, 28, 28);
        var counts = data.ClassPrior().Select(p => (int)Math.Round(p * 1003)).ToArray();
        counts.Sum().Should().Be(1003);
        (counts.Max() - counts.Min()).Should().BeLessThanOrEqualTo(1);
        using var scope = torch.NewDisposeScope();
        // 786,352 i.i.d. N(0,1) values: the sample mean has sd 1.1e-3, the sample sd about 8e-4; 0.01 is > 9 sd.
        data.Inputs.mean().item<double>().Should().BeApproximately(0, 0.01);
        data.Inputs.std().item<double>().Should().BeApproximately(1, 0.01);
    }

    [Test]
    public void Dataset_requests_build_every_kind_with_the_right_shape()
    {
        using var synthetic = new DatasetRequest(DatasetKind.Synthetic, 30, 1, Images: true).Load();
        synthetic.Inputs.shape.Should().Equal(30, 1, 28, 28);
        using var noise = new DatasetRequest(DatasetKind.GaussianNoise, 30, 1).Load();
        noise.Inputs.shape.Should().Equal(30, 784);
        using var skewed = new DatasetRequest(DatasetKind.Synthetic, 40, 1, Features: 4, Classes: 4, Prior: new[] { 0.7, 0.1, 0.1, 0.1 }).Load();
        skewed.ClassPrior().Should().Equal(0.7, 0.1, 0.1, 0.1);
        var noPrior = () => new DatasetRequest(DatasetKind.GaussianNoise, 30, 1, Prior: Enumerable.Repeat(0.1, 10).ToArray()).Load();
        noPrior.Should().Throw<ArgumentException>().WithMessage("*balanced random labels*");
    }
}
