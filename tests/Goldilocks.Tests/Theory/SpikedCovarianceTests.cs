namespace Goldilocks.Tests.Theory;

/// <summary>
/// The spiked covariance model and BBP transition of Sagun et al. App. B (<see cref="SpikedCovariance"/>): the threshold
/// √a and the limits (1 + ℓ)(1 + a/ℓ) above it and (1 + √a)² at or below it on hand-computed values, the sampler by the
/// exact column scaling √(1 + ℓᵢ) of the same Gaussian draw, and every argument check.
/// </summary>
public sealed class SpikedCovarianceTests
{
    [Test]
    public void Threshold_is_root_a_and_the_limits_are_the_hand_computed_BBP_values()
    {
        Assert.That(SpikedCovariance.BbpThreshold(0.25), Is.EqualTo(0.5), "√(1/4) = 1/2 exactly");
        Assert.That(SpikedCovariance.BbpThreshold(4), Is.EqualTo(2.0), "√4 = 2 exactly");
        // a = 1/4, edge (1 + 1/2)² = 2.25. ℓ = 2 > 1/2: 3·(1 + 1/8) = 3.375; ℓ = 1: 2·1.25 = 2.5; ℓ = 0.3 and ℓ = 0
        // stay at the edge. a = 4, edge 9: ℓ = 3 > 2: 4·(1 + 4/3) = 28/3; ℓ = 1.5 < 2: 9. Binary fractions are exact.
        var cases = new[] { (2.0, 0.25, 3.375), (1.0, 0.25, 2.5), (0.3, 0.25, 2.25), (0.0, 0.25, 2.25), (1.5, 4.0, 9.0) };
        foreach (var (spike, a, expected) in cases)
            Assert.That(SpikedCovariance.TopEigenvalueLimit(spike, a), Is.EqualTo(expected), $"ℓ = {spike}, a = {a}");
        Assert.That(SpikedCovariance.TopEigenvalueLimit(3, 4), Is.EqualTo(28.0 / 3).Within(2e-15), "ℓ = 3, a = 4: 4·7/3 (two roundings)");
        Assert.That(SpikedCovariance.TopEigenvalueLimit(0.5, 0.25), Is.EqualTo(2.25), "at the threshold ℓ = √a both formulas give the edge");
    }

    [Test]
    public void Above_the_threshold_the_limit_grows_with_the_spike_and_leaves_the_edge()
    {
        // d/dℓ (1 + ℓ)(1 + a/ℓ) = 1 − a/ℓ² > 0 for ℓ > √a, and the limit exceeds the edge by
        // (1 + ℓ)(1 + a/ℓ) − (1 + √a)² = (ℓ − √a)²/ℓ.
        const double a = 0.5;
        double edge = Math.Pow(1 + Math.Sqrt(a), 2), previous = edge;
        foreach (double spike in new[] { 0.8, 1, 2, 5, 50 })
        {
            double limit = SpikedCovariance.TopEigenvalueLimit(spike, a), gap = Math.Pow(spike - Math.Sqrt(a), 2) / spike;
            Assert.That(limit - edge, Is.EqualTo(gap).Within(1e-14 * limit), $"ℓ = {spike}: limit − edge = (ℓ − √a)²/ℓ = {gap:R}");
            Assert.That(limit, Is.GreaterThan(previous), $"ℓ = {spike}: the limit {limit:R} grows with ℓ");
            previous = limit;
        }
    }

    [Test]
    public void Sample_scales_the_spiked_columns_of_the_same_draw_by_root_one_plus_spike()
    {
        using var scope = torch.NewDisposeScope();
        // ℓ = 3 → √4 = 2, ℓ = 8 → 3, ℓ = 0 → 1: exact scale factors, so spiked = factor·plain bit for bit.
        var plain = SpikedCovariance.Sample(5, 4, [], seed: 9);
        var spiked = SpikedCovariance.Sample(5, 4, [3, 8, 0], seed: 9);
        Assert.That(spiked.shape, Is.EqualTo(new long[] { 5, 4 }), "[N, P]");
        Assert.That(spiked.dtype, Is.EqualTo(ScalarType.Float64), "float64");
        double[] p = plain.data<double>().ToArray(), s = spiked.data<double>().ToArray();
        double[] factor = [2, 3, 1, 1];
        for (int row = 0; row < 5; row++)
            for (int col = 0; col < 4; col++)
                Assert.That(s[row * 4 + col], Is.EqualTo(factor[col] * p[row * 4 + col]), $"X[{row}, {col}] = {factor[col]}·Z[{row}, {col}]");
        Assert.That(p.Distinct().Count(), Is.EqualTo(20), "the draw is not degenerate");
        Assert.That(SpikedCovariance.Sample(5, 4, [], 9).data<double>().ToArray(), Is.EqualTo(p), "same seed, same draw");
        Assert.That(SpikedCovariance.Sample(1, 2, [1, 2], 3).shape, Is.EqualTo(new long[] { 1, 2 }), "N = 1 and P = number of spikes are allowed");
        Assert.That(SpikedCovariance.Sample(2, 1, [], 3).shape, Is.EqualTo(new long[] { 2, 1 }), "P = 1 without spikes is allowed");
    }

    [Test]
    public void Sample_is_made_on_the_requested_device()
    {
        // The meta device (shapes without storage) exists on every build, so this needs no GPU.
        using var scope = torch.NewDisposeScope();
        var x = SpikedCovariance.Sample(3, 2, [1], 1, device: new Device(DeviceType.META));
        Assert.That(x.device_type, Is.EqualTo(DeviceType.META), "result on the requested device");
        Assert.That(x.shape, Is.EqualTo(new long[] { 3, 2 }), "[N, P] there too");
        Assert.That(SpikedCovariance.Sample(3, 2, [1], 1).device_type, Is.EqualTo(DeviceType.CPU), "CPU by default");
    }

    [Test]
    public void Bad_input_is_refused_with_a_message_naming_the_problem()
    {
        Assert.Multiple(() =>
        {
            foreach (double a in new[] { 0, -1, double.NaN, double.PositiveInfinity })
            {
                Assert.That(() => SpikedCovariance.BbpThreshold(a), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("ratio must be a positive finite number"), $"√a for a = {a}");
                Assert.That(() => SpikedCovariance.TopEigenvalueLimit(1, a), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("ratio must be a positive finite number"), $"limit for a = {a}");
            }
            // The ratio is checked before the spike: with both bad, the ratio is reported.
            Assert.That(() => SpikedCovariance.TopEigenvalueLimit(-1, 0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("ratio must be a positive finite number"), "both bad");
            foreach (double spike in new[] { -1, -1e-300, double.NaN, double.PositiveInfinity })
                Assert.That(() => SpikedCovariance.TopEigenvalueLimit(spike, 0.5), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("spike must be finite and ≥ 0"), $"ℓ = {spike}");
            Assert.That(() => SpikedCovariance.Sample(3, 2, null!, 1), Throws.ArgumentNullException, "null spikes");
            Assert.That(() => SpikedCovariance.Sample(0, 2, [], 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("N must be ≥ 1"), "N = 0");
            Assert.That(() => SpikedCovariance.Sample(3, 0, [], 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("P must be ≥ max(1, number of spikes = 0)"), "P = 0");
            Assert.That(() => SpikedCovariance.Sample(3, 1, [1, 2], 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("P must be ≥ max(1, number of spikes = 2)"), "P = 1 < 2 spikes");
            foreach (var spikes in new double[][] { [1, -1], [-1], [double.NaN], [2, double.PositiveInfinity] })
                Assert.That(() => SpikedCovariance.Sample(3, 2, spikes, 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("spikes must be finite and ≥ 0"), $"spikes [{string.Join(", ", spikes)}]");
        });
    }
}
