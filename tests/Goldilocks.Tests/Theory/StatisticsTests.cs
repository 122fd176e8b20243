using Goldilocks.Papers.Common;

namespace Goldilocks.Tests.Theory;

/// <summary>
/// The descriptive statistics the statistical claims are judged with (least-squares line, Pearson and Spearman
/// correlations, ranks, medians, quantiles, log grids) against values worked out by hand and against the normal
/// equations of least squares, which the library's formulas do not use.
/// </summary>
public sealed class StatisticsTests
{
    // Hand-computed: x̄ = ȳ = 2.5, Sxx = Syy = 5, Sxy = 3, so slope 3/5, intercept 2.5 − 0.6·2.5 = 1, r = 3/5.
    private static readonly double[] HandX = [1, 2, 3, 4], HandY = [2, 1, 4, 3];

    [Test]
    public void Fit_of_a_hand_computed_example_gives_slope_intercept_and_r()
    {
        var fit = Statistics.Fit(HandX, HandY);
        Assert.That(fit.Slope, Is.EqualTo(0.6).Within(1e-15), "slope Sxy/Sxx = 3/5");
        Assert.That(fit.Intercept, Is.EqualTo(1.0).Within(1e-15), "intercept ȳ − slope·x̄ = 1");
        Assert.That(fit.R, Is.EqualTo(0.6).Within(1e-15), "r = Sxy/√(Sxx·Syy) = 3/5");
        Assert.That(fit.Count, Is.EqualTo(4), "count");
        Assert.That(Statistics.Pearson(HandX, HandY), Is.EqualTo(0.6).Within(1e-15), "Pearson is the fit's r");
    }

    [Test]
    public void Fit_satisfies_the_normal_equations_and_r_squared_is_the_explained_share()
    {
        var rng = new Random(3);
        double[] x = Enumerable.Range(0, 40).Select(_ => rng.NextDouble() * 10 - 3).ToArray();
        double[] y = x.Select(v => -1.7 * v + 4 + rng.NextDouble() * 6).ToArray();
        var fit = Statistics.Fit(x, y);
        double[] residual = x.Select((v, i) => y[i] - (fit.Slope * v + fit.Intercept)).ToArray();
        double scale = y.Sum(Math.Abs) * x.Max(Math.Abs);
        Assert.That(Math.Abs(residual.Sum()), Is.LessThan(1e-13 * scale), "Σ residual = 0 (normal equation for the intercept)");
        Assert.That(Math.Abs(residual.Select((r, i) => r * x[i]).Sum()), Is.LessThan(1e-13 * scale), "Σ x·residual = 0 (normal equation for the slope)");
        double mean = y.Average();
        double explained = 1 - residual.Sum(r => r * r) / y.Sum(v => (v - mean) * (v - mean));
        Assert.That(fit.R * fit.R, Is.EqualTo(explained).Within(1e-13), "r² = 1 − SSE/SST");
        Assert.That(fit.R, Is.LessThan(0), $"r = {fit.R} has the slope's sign ({fit.Slope})");
    }

    [Test]
    public void Exact_lines_give_r_of_plus_or_minus_one_and_a_constant_y_gives_zero()
    {
        double[] x = [0.5, 1, 2, 7];
        Assert.That(Statistics.Pearson(x, x.Select(v => 3 * v - 2).ToArray()), Is.EqualTo(1).Within(1e-15), "increasing line");
        Assert.That(Statistics.Pearson(x, x.Select(v => -0.25 * v + 9).ToArray()), Is.EqualTo(-1).Within(1e-15), "decreasing line");
        var flat = Statistics.Fit(x, [5, 5, 5, 5]);
        Assert.That((flat.Slope, flat.Intercept, flat.R), Is.EqualTo((0.0, 5.0, 0.0)), "constant y: slope 0, intercept y, r defined as 0");
    }

    [Test]
    public void Two_pass_centring_keeps_the_fit_exact_far_from_the_origin()
    {
        // The same points shifted by 1e9 (multiples of 1/8, exact at that magnitude): slope and r must not change.
        // Centred sums Σ(x − x̄)(y − ȳ) lose only O(n·δ²) to the rounding δ of the mean; the one-pass forms
        // Σ(x + x̄)(x − x̄) = Σx² − n·x̄² lose O(ε·1e9) per term, about 1e-8 relative here.
        var rng = new Random(11);
        double[] u = Enumerable.Range(0, 40).Select(_ => rng.Next(0, 80) / 8.0).ToArray();
        double[] v = u.Select(t => 0.5 * t + rng.Next(0, 40) / 8.0).ToArray();
        var near = Statistics.Fit(u, v);
        var far = Statistics.Fit(u.Select(t => 1e9 + t).ToArray(), v.Select(t => 1e9 + t).ToArray());
        Assert.That(far.Slope, Is.EqualTo(near.Slope).Within(1e-12 * Math.Abs(near.Slope)), $"slope {far.Slope:R} shifted vs {near.Slope:R}");
        Assert.That(far.R, Is.EqualTo(near.R).Within(1e-12), $"r {far.R:R} shifted vs {near.R:R}");
    }

    [Test]
    public void Log_log_slope_recovers_the_exponent_of_a_power_law()
    {
        double[] x = [1e-3, 3e-3, 1e-2, 0.3];
        Assert.That(Statistics.LogLogSlope(x, x.Select(v => 7 * Math.Pow(v, 4)).ToArray()), Is.EqualTo(4).Within(1e-12), "y = 7x⁴");
        Assert.That(Statistics.LogLogSlope(x, x.Select(v => 2 / v).ToArray()), Is.EqualTo(-1).Within(1e-12), "y = 2/x");
    }

    [Test]
    public void Spearman_is_one_minus_six_sum_d_squared_over_n_n2_minus_1_without_ties()
    {
        // d = (−1, 1, −1, 1, 0): Σd² = 4, ρ = 1 − 6·4/(5·24) = 0.8.
        Assert.That(Statistics.Spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]), Is.EqualTo(0.8).Within(1e-15), "Σd² = 4");
        double[] x = [0.1, 5, 2, 9, -3];
        Assert.That(Statistics.Spearman(x, x.Select(v => Math.Exp(3 * v)).ToArray()), Is.EqualTo(1).Within(1e-15), "monotone increasing map");
        Assert.That(Statistics.Spearman(x, x.Select(v => -v * v * v).ToArray()), Is.EqualTo(-1).Within(1e-15), "monotone decreasing map");
    }

    [Test]
    public void Ranks_are_zero_based_and_ties_share_their_average_rank()
    {
        Assert.That(Statistics.Ranks([30, 10, 20]), Is.EqualTo(new double[] { 2, 0, 1 }), "distinct values");
        Assert.That(Statistics.Ranks([2, 1, 2, 3, 2]), Is.EqualTo(new double[] { 2, 0, 2, 4, 2 }), "three ties at ranks 1, 2, 3 share 2");
        Assert.That(Statistics.Ranks([4, 4]), Is.EqualTo(new double[] { 0.5, 0.5 }), "all tied");
        // With ties Spearman is Pearson of the average ranks: x ranks (0, 1.5, 1.5, 3), y ranks (0, 1, 2, 3):
        // Sxy = 4.5, Sxx = 4.5, Syy = 5, ρ = 4.5/√22.5 = 3/√10.
        Assert.That(Statistics.Spearman([1, 2, 2, 3], [1, 2, 3, 4]), Is.EqualTo(3 / Math.Sqrt(10)).Within(1e-15), "ties in x");
    }

    [Test]
    public void Window_median_is_the_middle_value_and_the_upper_middle_for_an_even_count()
    {
        Assert.That(Statistics.WindowMedian([3, 1, 2]), Is.EqualTo(2), "odd count");
        Assert.That(Statistics.WindowMedian([4, 1, 3, 2]), Is.EqualTo(3), "even count: the upper of 2 and 3");
        Assert.That(Statistics.WindowMedian([-5]), Is.EqualTo(-5), "one value");
    }

    [Test]
    public void Quantile_interpolates_linearly_between_order_statistics()
    {
        double[] s = [4, 1, 3, 2];
        Assert.That(Statistics.Quantile(s, 0), Is.EqualTo(1), "q = 0 is the minimum");
        Assert.That(Statistics.Quantile(s, 1), Is.EqualTo(4), "q = 1 is the maximum");
        Assert.That(Statistics.Quantile(s, 0.5), Is.EqualTo(2.5).Within(1e-15), "position 1.5: halfway between 2 and 3");
        Assert.That(Statistics.Quantile(s, 0.9), Is.EqualTo(3.7).Within(1e-15), "position 2.7: 3 + 0.7·(4 − 3)");
        Assert.That(Statistics.Quantile([7], 0.3), Is.EqualTo(7), "one value");
    }

    [Test]
    public void Log_grid_runs_from_lo_to_hi_with_a_constant_ratio()
    {
        var grid = Statistics.LogGrid(1e-3, 10, 5);
        Assert.That(grid, Has.Length.EqualTo(5), "count");
        // The points are exp(ln lo + i·step): the exponent carries a round-off of about (|ln lo| + |ln hi|)·ε ≈ 2e-15,
        // which exp turns into the same relative error, so 1e-14 relative.
        Assert.That(grid[0], Is.EqualTo(1e-3).Within(1e-14 * 1e-3), "first point is lo");
        Assert.That(grid[4], Is.EqualTo(10).Within(1e-14 * 10), "last point is hi");
        for (int i = 1; i < grid.Length; i++)
            Assert.That(grid[i] / grid[i - 1], Is.EqualTo(10).Within(1e-14), $"ratio of points {i} and {i - 1}");
        // exp(log hi) is hi up to one rounding of the log and one of the exp: 2 units in the last place.
        Assert.That(Statistics.LogGrid(2, 8, 2), Is.EqualTo(new double[] { 2, 8 }).Within(2).Ulps, "two points are the ends");
    }

    [Test]
    public void Bad_input_is_refused_with_a_message_naming_the_problem()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Statistics.Fit([1, 2], [1]), Throws.ArgumentException.With.Message.Contains("x has 2 values but y has 1"));
            Assert.That(() => Statistics.Fit([1], [1]), Throws.ArgumentException.With.Message.Contains("at least two points"));
            Assert.That(() => Statistics.Fit([1, double.NaN], [1, 2]), Throws.ArgumentException.With.Message.Contains("finite"));
            Assert.That(() => Statistics.Fit([1, 2], [1, double.PositiveInfinity]), Throws.ArgumentException.With.Message.Contains("finite"));
            Assert.That(() => Statistics.Fit([3, 3, 3], [1, 2, 3]), Throws.ArgumentException.With.Message.Contains("x is constant"));
            Assert.That(() => Statistics.Fit(null!, [1, 2]), Throws.ArgumentNullException);
            Assert.That(() => Statistics.Fit([1, 2], null!), Throws.ArgumentNullException);
            Assert.That(() => Statistics.LogLogSlope([1, 0], [1, 2]), Throws.ArgumentException.With.Message.Contains("positive"));
            Assert.That(() => Statistics.LogLogSlope([1, 2], [-1, 2]), Throws.ArgumentException.With.Message.Contains("positive"));
            Assert.That(() => Statistics.LogLogSlope([1, 2], [1, 0]), Throws.ArgumentException.With.Message.Contains("positive"));
            Assert.That(() => Statistics.LogLogSlope([1, double.NaN], [1, 2]), Throws.ArgumentException.With.Message.Contains("finite"));
            Assert.That(() => Statistics.Spearman([1, double.NaN], [1, 2]), Throws.ArgumentException.With.Message.Contains("finite"));
            Assert.That(() => Statistics.Quantile(null!, 0.5), Throws.ArgumentNullException);
            Assert.That(() => Statistics.LogLogSlope([1, 2], [1]), Throws.ArgumentException.With.Message.Contains("x has 2 values"));
            Assert.That(() => Statistics.Spearman([1, 2, 3], [1, 2]), Throws.ArgumentException.With.Message.Contains("x has 3 values"));
            Assert.That(() => Statistics.WindowMedian([]), Throws.ArgumentException.With.Message.Contains("no values"));
            Assert.That(() => Statistics.Quantile([], 0.5), Throws.ArgumentException.With.Message.Contains("empty"));
            Assert.That(() => Statistics.Quantile([1, 2], 1.5), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("[0, 1]"));
            Assert.That(() => Statistics.Quantile([1, 2], double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("[0, 1]"));
            Assert.That(() => Statistics.Quantile([1, double.NaN], 0.5), Throws.ArgumentException.With.Message.Contains("finite"));
            Assert.That(() => Statistics.LogGrid(0, 1, 3), Throws.ArgumentException.With.Message.Contains("0 < lo < hi"));
            Assert.That(() => Statistics.LogGrid(2, 2, 3), Throws.ArgumentException.With.Message.Contains("0 < lo < hi"));
            Assert.That(() => Statistics.LogGrid(1, 2, 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("at least 2 points"));
        });
    }
}
