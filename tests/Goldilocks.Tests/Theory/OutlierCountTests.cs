using Goldilocks.Papers.Sagun;

namespace Goldilocks.Tests.Theory;

/// <summary>
/// The three outlier rules of Sagun et al. App. A (largest gap, largest ratio above a floor, absolute threshold) on
/// spectra whose answer is worked out by hand in each comment.
/// </summary>
public sealed class OutlierCountTests
{
    // Sorted: 10, 9, 3, 2.5, 2. Gaps 1, 6, 0.5, 0.5 (largest after λ₂); ratios 1.11, 3, 1.2, 1.25 (largest after λ₂).
    private static readonly double[] TwoOutliers = [2.5, 10, 2, 9, 3];

    [Test]
    public void Largest_gap_counts_the_eigenvalues_above_the_widest_consecutive_gap_in_any_input_order()
    {
        Assert.That(OutlierCount.ByLargestGap(TwoOutliers), Is.EqualTo(2), "gaps 1, 6, 0.5, 0.5: the widest follows λ₂");
        Assert.That(OutlierCount.ByLargestGap(TwoOutliers.Reverse().ToArray()), Is.EqualTo(2), "the order of the input does not matter");
        Assert.That(OutlierCount.ByLargestGap(TwoOutliers, maxOutliers: 1), Is.EqualTo(1), "maxOutliers = 1 considers the first gap only");
        Assert.That(OutlierCount.ByLargestGap([1, 2]), Is.EqualTo(1), "two eigenvalues have one gap");
        // Gaps 1, 1, 1, 5: with maxOutliers = 3 the widest gap (after λ₄) is out of reach and the first of the tied ones wins.
        Assert.That(OutlierCount.ByLargestGap([9, 8, 7, 6, 1]), Is.EqualTo(4), "gaps 1, 1, 1, 5");
        Assert.That(OutlierCount.ByLargestGap([9, 8, 7, 6, 1], maxOutliers: 3), Is.EqualTo(1), "tied gaps: the first (fewest outliers) wins");
        Assert.That(OutlierCount.ByLargestGap([9, 8, 7, 6, 1], maxOutliers: 40), Is.EqualTo(4), "maxOutliers beyond the spectrum is clipped to n − 1");
    }

    [Test]
    public void Largest_ratio_ignores_ratios_among_eigenvalues_below_the_floor()
    {
        Assert.That(OutlierCount.ByLargestRatio(TwoOutliers), Is.EqualTo(2), "ratios 10/9, 9/3, 3/2.5, 2.5/2: the largest follows λ₂");
        // Sorted 100, 50, 5, 4, 0.05, 1e-6. Floor 1e-3·100 = 0.1 keeps the ratios 2, 10, 1.25 (largest after λ₂); the
        // ratio 4/0.05 = 80 involves an eigenvalue below the floor. A floor of 1e-8·100 admits it (after λ₄), not 0.05/1e-6.
        double[] spectrum = [1e-6, 4, 100, 0.05, 50, 5];
        Assert.That(OutlierCount.ByLargestRatio(spectrum), Is.EqualTo(2), "default floor 1e-3·λ₁");
        Assert.That(OutlierCount.ByLargestRatio(spectrum, ratioFloor: 1e-8), Is.EqualTo(4), "floor 1e-8·λ₁ admits 4/1e-5");
        Assert.That(OutlierCount.ByLargestRatio(spectrum, maxOutliers: 1), Is.EqualTo(1), "maxOutliers = 1");
        // Ratios 2, 2, 2, 3: the tied first three lose to the last unless it is out of reach; then the first wins.
        Assert.That(OutlierCount.ByLargestRatio([16, 8, 4, 2, 2.0 / 3]), Is.EqualTo(4), "ratios 2, 2, 2, 3");
        Assert.That(OutlierCount.ByLargestRatio([16, 8, 4, 2, 2.0 / 3], maxOutliers: 3), Is.EqualTo(1), "tied ratios: the first wins");
        // Only λ₁ above the floor: no ratio qualifies, so the rule returns its minimum, 1.
        Assert.That(OutlierCount.ByLargestRatio([1, 1e-4, 1e-9]), Is.EqualTo(1), "λ₂ = 1e-4 is below 1e-3·λ₁");
        // λ_{i+1} exactly at the floor is excluded (strictly above is required): sorted 1, 0.5, 1e-3 (= 1e-3·λ₁), 1e-9.
        Assert.That(OutlierCount.ByLargestRatio([1, 0.5, 1e-3, 1e-9]), Is.EqualTo(1), "ratio 500 of 0.5/1e-3 has λ₃ at the floor");
    }

    [Test]
    public void Threshold_counts_the_eigenvalues_strictly_above_it()
    {
        Assert.That(OutlierCount.ByThreshold(TwoOutliers, 2.5), Is.EqualTo(3), "10, 9 and 3 are above 2.5; 2.5 itself is not");
        Assert.That(OutlierCount.ByThreshold(TwoOutliers, -1), Is.EqualTo(5), "all are above −1");
        Assert.That(OutlierCount.ByThreshold(TwoOutliers, 10), Is.EqualTo(0), "none is above the largest");
        Assert.That(OutlierCount.Count(TwoOutliers, threshold: 2.9), Is.EqualTo(new OutlierCounts(2, 2, 3)), "the three rules together");
        Assert.That(OutlierCount.Count([1e-6, 4, 100, 0.05, 50, 5], 0, maxOutliers: 1, ratioFloor: 1e-8), Is.EqualTo(new OutlierCounts(1, 1, 6)),
            "Count passes maxOutliers and ratioFloor on");
        Assert.That(OutlierCount.Count([1e-6, 4, 100, 0.05, 50, 5], 0, ratioFloor: 1e-8).LargestRatio, Is.EqualTo(4), "Count passes ratioFloor on");
    }

    [Test]
    public void Bad_spectra_and_settings_are_refused_with_a_message_naming_the_problem()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => OutlierCount.ByLargestGap(null!), Throws.ArgumentNullException);
            Assert.That(() => OutlierCount.ByThreshold(null!, 1), Throws.ArgumentNullException);
            Assert.That(() => OutlierCount.ByLargestGap([3]), Throws.ArgumentException.With.Message.Contains("at least 2 eigenvalues"));
            Assert.That(() => OutlierCount.ByLargestRatio([3]), Throws.ArgumentException.With.Message.Contains("at least 2 eigenvalues"));
            Assert.That(() => OutlierCount.ByThreshold(null!, double.NaN), Throws.ArgumentNullException);
            Assert.That(() => OutlierCount.ByThreshold([3], 1), Throws.ArgumentException.With.Message.Contains("at least 2 eigenvalues"));
            Assert.That(() => OutlierCount.ByLargestGap([3, double.NaN]), Throws.ArgumentException.With.Message.Contains("finite"));
            Assert.That(() => OutlierCount.ByLargestGap([3, double.PositiveInfinity]), Throws.ArgumentException.With.Message.Contains("finite"));
            Assert.That(() => OutlierCount.ByLargestGap([3, 2, 1], maxOutliers: 0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("maxOutliers must be ≥ 1"));
            Assert.That(() => OutlierCount.ByLargestRatio([3, 2, 1], maxOutliers: 0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("maxOutliers must be ≥ 1"));
            Assert.That(() => OutlierCount.ByLargestRatio([0, -1]), Throws.ArgumentException.With.Message.Contains("positive largest eigenvalue"));
            Assert.That(() => OutlierCount.ByLargestRatio([3, 1], ratioFloor: 0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("ratioFloor must be in (0, 1)"));
            Assert.That(() => OutlierCount.ByLargestRatio([3, 1], ratioFloor: 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("ratioFloor must be in (0, 1)"));
            Assert.That(() => OutlierCount.ByLargestRatio([3, 1], ratioFloor: double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("ratioFloor"));
            Assert.That(() => OutlierCount.ByThreshold([3, 1], double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("threshold must be finite"));
            Assert.That(() => OutlierCount.ByThreshold([3, 1], double.PositiveInfinity), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("threshold must be finite"));
        });
    }
}
