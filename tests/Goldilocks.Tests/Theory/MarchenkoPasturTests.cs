namespace Goldilocks.Tests.Theory;

/// <summary>
/// The Marčenko-Pastur law of Sagun et al. App. B (<see cref="MarchenkoPastur"/>) against closed forms: the edges
/// σ²(1 ± √a)² and atom max(0, 1 − 1/a) by hand; the density's mass 1 − atom, mean σ² and second moment σ⁴(1 + a),
/// by this file's own quadrature (midpoints in θ after x = c − h cos θ, spectrally accurate for the smooth periodic
/// integrand); the distribution function against its antiderivative, derived here, at the tolerance of Simpson's
/// error bound; its branches (atom, gap below the lower edge) exactly; the sample covariance by exact scaling and
/// rank-one identities; and every argument check.
/// </summary>
public sealed class MarchenkoPasturTests
{
    [Test]
    public void Edges_and_atom_are_the_hand_computed_values()
    {
        // a = 1/4, σ² = 2: √a = 1/2, edges 2·(1/2)² = 0.5 and 2·(3/2)² = 4.5, no atom (1 − 1/a < 0). All exact.
        var thin = new MarchenkoPastur(0.25, 2);
        Assert.That((thin.Lower, thin.Upper, thin.ZeroMass), Is.EqualTo((0.5, 4.5, 0.0)), "a = 1/4, σ² = 2");
        // a = 4, σ² = 1: edges (1 − 2)² = 1 and 9, atom 1 − 1/4 = 3/4.
        var wide = new MarchenkoPastur(4);
        Assert.That((wide.Lower, wide.Upper, wide.ZeroMass, wide.Variance), Is.EqualTo((1.0, 9.0, 0.75, 1.0)), "a = 4, σ² defaults to 1");
        var square = new MarchenkoPastur(1, 0.5);
        Assert.That((square.Lower, square.Upper, square.ZeroMass), Is.EqualTo((0.0, 2.0, 0.0)), "a = 1: the lower edge touches 0");
    }

    [Test]
    public void Density_is_the_closed_form_inside_the_support_and_zero_outside()
    {
        // a = 1/4, σ² = 2 at the centre x = 2.5: √((4.5 − 2.5)(2.5 − 0.5)) = 2, over 2π·2·(1/4)·2.5 = 2.5π: 0.8/π.
        var mp = new MarchenkoPastur(0.25, 2);
        Assert.That(mp.Density(2.5), Is.EqualTo(0.8 / Math.PI).Within(1e-16), "ρ(2.5) = 2/(2.5π)");
        // x = 1: √(3.5·0.5) = √1.75, over 2π·2·(1/4)·1 = π.
        Assert.That(mp.Density(1), Is.EqualTo(Math.Sqrt(1.75) / Math.PI).Within(1e-16), "ρ(1) = √1.75/π");
        foreach (double x in new[] { double.NegativeInfinity, -1, 0, 0.25, 0.5, 4.5, 5, 1e300, double.PositiveInfinity })
            Assert.That(mp.Density(x), Is.EqualTo(0.0), $"ρ({x}) = 0 outside the open support (0.5, 4.5)");
        var wide = new MarchenkoPastur(4);
        foreach (double x in new[] { 0, 0.5, 1, 9, 10 })
            Assert.That(wide.Density(x), Is.EqualTo(0.0), $"a = 4: ρ({x}) = 0 outside (1, 9) (the atom at 0 is not part of the density)");
    }

    /// <summary>∫ g(x) ρ(x) dx over [L, U] with x = c − h cos θ: the integrand ρ(x(θ))·h sin θ·g is smooth and even in θ, so
    /// the midpoint rule on [0, π] is the trapezoid rule of a periodic function and converges geometrically, with
    /// ratio ≤ (c − √(UL))/h per node pair (≤ 0.95 for the ratios used): 4000 nodes leave only round-off.</summary>
    private static double Integrate(MarchenkoPastur mp, Func<double, double> g)
    {
        const int nodes = 4000;
        double h = (mp.Upper - mp.Lower) / 2, sum = 0;
        for (int i = 0; i < nodes; i++)
        {
            // x − L = h(1 − cos θ) = 2h sin²(θ/2) without cancellation: for a = 1 (L = 0) the 1/√x of ρ near 0 would
            // otherwise turn the absolute round-off of c − h cos θ into a 2e-13 error of the mass.
            double theta = (i + 0.5) * Math.PI / nodes, half = Math.Sin(theta / 2), x = mp.Lower + 2 * h * half * half;
            sum += mp.Density(x) * h * Math.Sin(theta) * g(x);
        }
        return sum * Math.PI / nodes;
    }

    [TestCase(0.1, 1.0)]
    [TestCase(0.25, 2.0)]
    [TestCase(0.9, 0.5)]
    [TestCase(1.0, 1.7)]
    [TestCase(2.0, 1.0)]
    [TestCase(4.0, 0.3)]
    public void Density_has_mass_one_minus_the_atom_mean_sigma_squared_and_second_moment_sigma4_one_plus_a(double a, double variance)
    {
        // E λ = Tr W/P = σ² and E λ² = σ⁴(1 + a) for the whole law; the atom at 0 adds nothing to either moment.
        // Round-off of 4000 positive terms: 1e-13 relative.
        var mp = new MarchenkoPastur(a, variance);
        double mass = Integrate(mp, _ => 1), mean = Integrate(mp, x => x), second = Integrate(mp, x => x * x);
        double expectedMass = Math.Min(1, 1 / a), expectedSecond = variance * variance * (1 + a);
        Assert.That(mass, Is.EqualTo(expectedMass).Within(1e-13 * expectedMass), $"∫ρ = {mass:R} vs 1 − atom = {expectedMass:R} (a = {a})");
        Assert.That(mass + mp.ZeroMass, Is.EqualTo(1.0).Within(1e-13), "density plus atom is a probability law");
        Assert.That(mean, Is.EqualTo(variance).Within(1e-13 * variance), $"∫xρ = {mean:R} vs σ² = {variance} (a = {a})");
        Assert.That(second, Is.EqualTo(expectedSecond).Within(1e-13 * expectedSecond), $"∫x²ρ = {second:R} vs σ⁴(1 + a) = {expectedSecond:R} (a = {a})");
    }

    /// <summary>The distribution function in closed form. With x = c − h cos ψ (c, h the centre and half-width of
    /// [L, U]): ∫_L^x √((U−t)(t−L))/t dt = ∫₀^ψ h² sin²φ/(c − h cos φ) dφ, and h² sin²φ = (c − h cos φ)(c + h cos φ) − UL
    /// (as c² − h² = UL), so the integral is cψ + h sin ψ − UL∫₀^ψ dφ/(c − h cos φ) = cψ + h sin ψ − 2√(UL) arctan(√(U/L) tan(ψ/2)).
    /// At ψ = π this is π(c − √(UL)) = 2πaσ²·min(1, 1/a), the mass of the density. Valid for L &gt; 0 and L ≤ x &lt; U.</summary>
    private static double ClosedFormCdf(MarchenkoPastur mp, double x)
    {
        double u = mp.Upper, l = mp.Lower, c = (u + l) / 2, h = (u - l) / 2, psi = Math.Acos((c - x) / h);
        double integral = c * psi + h * Math.Sin(psi) - 2 * Math.Sqrt(u * l) * Math.Atan(Math.Sqrt(u / l) * Math.Tan(psi / 2));
        return mp.ZeroMass + integral / (2 * Math.PI * mp.Ratio * mp.Variance);
    }

    /// <summary>Simpson's error bound (b − a)·s⁴·max|f⁗|/180 for the library's integrand f(φ) = h² sin²φ/(c + h cos φ)/(2πaσ²)
    /// with s ≤ π/n: f = [c − h cos φ − UL/(c + h cos φ)]/(2πaσ²) and 1/(c + h cos φ) = (1 + 2Σ(−ρ)ᵏ cos kφ)/√(UL) with
    /// ρ = (c − √(UL))/h, so max|f⁗| ≤ [h + 2√(UL) Σk⁴ρᵏ]/(2πaσ²), Σk⁴ρᵏ = ρ(1 + 11ρ + 11ρ² + ρ³)/(1 − ρ)⁵.
    /// Plus 1e-14 for the round-off of the sum.</summary>
    private static double SimpsonBound(MarchenkoPastur mp, int panels)
    {
        double u = mp.Upper, l = mp.Lower, c = (u + l) / 2, h = (u - l) / 2, root = Math.Sqrt(u * l), rho = (c - root) / h;
        double k4 = rho * (1 + 11 * rho + 11 * rho * rho + rho * rho * rho) / Math.Pow(1 - rho, 5);
        double fourth = (h + 2 * root * k4) / (2 * Math.PI * mp.Ratio * mp.Variance);
        return Math.PI * Math.Pow(Math.PI / panels, 4) * fourth / 180 + 1e-14;
    }

    [TestCase(0.25, 2.0, 1.0)]
    [TestCase(0.25, 2.0, 2.5)]
    [TestCase(0.25, 2.0, 4.0)]
    [TestCase(0.5, 0.7, 0.3)]
    [TestCase(4.0, 1.0, 3.0)]
    [TestCase(4.0, 1.0, 7.0)]
    [TestCase(3.0, 0.7, 2.5)]
    public void Cumulative_distribution_matches_the_antiderivative_within_Simpsons_error_bound(double a, double variance, double x)
    {
        var mp = new MarchenkoPastur(a, variance);
        double expected = ClosedFormCdf(mp, x), got = mp.CumulativeDistribution(x), bound = SimpsonBound(mp, 2000);
        Assert.That(got, Is.EqualTo(expected).Within(bound), $"F({x}) for a = {a}, σ² = {variance}: {got:R} vs closed form {expected:R} (Simpson bound {bound:E2})");
        Assert.That(bound, Is.LessThan(1e-9), "the bound is tight enough to mean something");
    }

    [Test]
    public void Square_case_distribution_is_the_arcsine_closed_form()
    {
        // a = 1: ρ(x) = √((4σ² − x)/x)/(2πσ²); t = 4σ² sin²θ gives F(x) = (2/π)(θ + sin θ cos θ), θ = arcsin √(x/4σ²):
        // F(σ²) = 1/3 + √3/(2π), F(2σ²) = 1/2 + 1/π, F(3σ²) = 2/3 + √3/(2π). Simpson on the library's integrand
        // h(1 − cos φ)/(2πσ²) with |f⁗| ≤ h/(2πσ²) = 1/π errs by ≤ π(π/n)⁴/(180π) = 3.4e-14 for n = 2000, plus 1e-14
        // round-off: 5e-14.
        var mp = new MarchenkoPastur(1, 2.5);
        var cases = new[] { (2.5, 1.0 / 3 + Math.Sqrt(3) / (2 * Math.PI)), (5.0, 0.5 + 1 / Math.PI), (7.5, 2.0 / 3 + Math.Sqrt(3) / (2 * Math.PI)) };
        foreach (var (x, expected) in cases)
            Assert.That(mp.CumulativeDistribution(x), Is.EqualTo(expected).Within(5e-14), $"F({x}) for a = 1, σ² = 2.5");
        Assert.That(mp.CumulativeDistribution(10), Is.EqualTo(1.0).Within(5e-14), "F(U) = 1");
        Assert.That(mp.CumulativeDistribution(1e6), Is.EqualTo(1.0).Within(5e-14), "F beyond U = 1");
        Assert.That(mp.CumulativeDistribution(0), Is.EqualTo(0.0), "no atom for a = 1");
    }

    [Test]
    public void Cumulative_distribution_is_exactly_the_atom_below_the_lower_edge()
    {
        var wide = new MarchenkoPastur(4);                          // atom 3/4 at 0, continuous part on (1, 9)
        Assert.That(wide.CumulativeDistribution(-1), Is.EqualTo(0.0), "below 0 nothing");
        Assert.That(wide.CumulativeDistribution(-1e-300), Is.EqualTo(0.0), "just below 0 nothing");
        Assert.That(wide.CumulativeDistribution(0), Is.EqualTo(0.75), "F(0) includes the atom at 0");
        Assert.That(wide.CumulativeDistribution(0.5), Is.EqualTo(0.75), "the gap (0, 1) holds no mass");
        Assert.That(wide.CumulativeDistribution(1), Is.EqualTo(0.75), "F(L) is the atom alone");
        Assert.That(wide.CumulativeDistribution(10), Is.EqualTo(1.0).Within(SimpsonBound(wide, 2000)), "F beyond U = 1");
        foreach (double a in new[] { 0.1, 0.3, 0.5, 0.7 })
        {
            var thin = new MarchenkoPastur(a, 1.3);
            Assert.That(thin.CumulativeDistribution(thin.Lower), Is.EqualTo(0.0), $"a = {a}: F(L) = 0 exactly");
            Assert.That(thin.CumulativeDistribution(thin.Lower / 2), Is.EqualTo(0.0), $"a = {a}: F(L/2) = 0");
            Assert.That(thin.CumulativeDistribution(0), Is.EqualTo(0.0), $"a = {a}: no atom");
        }
    }

    [Test]
    public void An_odd_panel_count_is_rounded_up_to_the_next_even_one()
    {
        // Simpson needs an even count: 3 → 4 and 1 → 2. With 4 panels on [π/2, π] (x = c for a = 1) the bound of the
        // previous test is (π/2)(π/8)⁴/(180π) = 6.6e-5.
        var mp = new MarchenkoPastur(1, 1);
        double four = mp.CumulativeDistribution(2, 4), two = mp.CumulativeDistribution(2, 2);
        Assert.That(mp.CumulativeDistribution(2, 3), Is.EqualTo(four), "3 panels are run as 4");
        Assert.That(mp.CumulativeDistribution(2, 1), Is.EqualTo(two), "1 panel is run as 2");
        Assert.That(four, Is.EqualTo(0.5 + 1 / Math.PI).Within(6.6e-5), "4 panels are within Simpson's bound of 1/2 + 1/π");
        Assert.That(two, Is.Not.EqualTo(four), $"2 and 4 panels differ ({two:R} vs {four:R}), so the rounding is visible");
    }

    [Test]
    public void Sample_covariance_scales_exactly_with_the_variance_and_is_rank_one_for_one_sample()
    {
        using var scope = torch.NewDisposeScope();
        var unit = MarchenkoPastur.SampleCovariance(3, 4, seed: 11);
        Assert.That(unit.shape, Is.EqualTo(new long[] { 4, 4 }), "[P, P]");
        Assert.That(unit.dtype, Is.EqualTo(ScalarType.Float64), "float64");
        // σ² = 4 multiplies X by 2 (exact) and XᵀX/N by 4: every product, sum and the division scale by a power of two
        // without a new rounding, so the result is 4·W bit for bit.
        double[] w1 = unit.data<double>().ToArray(), w4 = MarchenkoPastur.SampleCovariance(3, 4, 11, variance: 4).data<double>().ToArray();
        Assert.That(w4, Is.EqualTo(w1.Select(v => 4 * v).ToArray()), "W(σ² = 4) = 4·W(σ² = 1)");
        Assert.That(MarchenkoPastur.SampleCovariance(3, 4, 11).data<double>().ToArray(), Is.EqualTo(w1), "same seed, same matrix");
        // N = 1: W = xxᵀ, so W_ij² = W_ii·W_jj (two roundings each side: 1e-15 relative) and W_ii ≥ 0.
        double[] r = MarchenkoPastur.SampleCovariance(1, 3, seed: 5).data<double>().ToArray();
        for (int i = 0; i < 3; i++)
        {
            Assert.That(r[i * 3 + i], Is.GreaterThan(0), $"W_{i}{i} = x_{i}² > 0");
            for (int j = 0; j < 3; j++)
                Assert.That(r[i * 3 + j] * r[i * 3 + j], Is.EqualTo(r[i * 3 + i] * r[j * 3 + j]).Within(1e-15 * r[i * 3 + i] * r[j * 3 + j]), $"W_{i}{j}² = W_{i}{i}W_{j}{j}");
        }
        var single = MarchenkoPastur.SampleCovariance(1, 1, seed: 2);
        Assert.That(single.shape, Is.EqualTo(new long[] { 1, 1 }), "N = P = 1 is allowed");
        Assert.That(single.item<double>(), Is.GreaterThan(0), "a single squared entry");
    }

    [Test]
    public void Sample_covariance_is_made_on_the_requested_device()
    {
        // The meta device (shapes without storage) exists on every build, so this needs no GPU.
        using var scope = torch.NewDisposeScope();
        var w = MarchenkoPastur.SampleCovariance(3, 2, 1, device: new Device(DeviceType.META));
        Assert.That(w.device_type, Is.EqualTo(DeviceType.META), "result on the requested device");
        Assert.That(w.shape, Is.EqualTo(new long[] { 2, 2 }), "[P, P] there too");
        Assert.That(MarchenkoPastur.SampleCovariance(3, 2, 1).device_type, Is.EqualTo(DeviceType.CPU), "CPU by default");
    }

    [Test]
    public void Bad_input_is_refused_with_a_message_naming_the_problem()
    {
        var mp = new MarchenkoPastur(0.5);
        Assert.Multiple(() =>
        {
            foreach (double bad in new[] { 0, -1, double.NaN, double.PositiveInfinity })
            {
                Assert.That(() => new MarchenkoPastur(bad), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Ratio must be a positive finite number"), $"a = {bad}");
                Assert.That(() => new MarchenkoPastur(1, bad), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Variance must be a positive finite number"), $"σ² = {bad}");
                Assert.That(() => mp with { Ratio = bad }, Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Ratio must be a positive finite number"), $"with a = {bad}");
                Assert.That(() => mp with { Variance = bad }, Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Variance must be a positive finite number"), $"with σ² = {bad}");
            }
            Assert.That((mp with { Ratio = 4 }).ZeroMass, Is.EqualTo(0.75), "a valid with expression changes the law");
            Assert.That((mp with { Variance = 2 }).Upper, Is.EqualTo(mp.Upper * 2), "and σ² scales the edges");
            Assert.That(() => mp.Density(double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("x is NaN"), "ρ(NaN)");
            Assert.That(() => mp.CumulativeDistribution(double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("x is NaN"), "F(NaN)");
            foreach (int panels in new[] { 0, -1, -2, int.MaxValue })
                Assert.That(() => mp.CumulativeDistribution(1, panels), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("panels must be in [1, 1073741824]"), $"{panels} panels");
            Assert.That(() => MarchenkoPastur.SampleCovariance(0, 3, 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("N must be ≥ 1"), "N = 0");
            Assert.That(() => MarchenkoPastur.SampleCovariance(-2, 3, 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("N must be ≥ 1"), "N = −2");
            Assert.That(() => MarchenkoPastur.SampleCovariance(3, 0, 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("P must be ≥ 1"), "P = 0");
            foreach (double bad in new[] { 0, -1, double.NaN, double.PositiveInfinity })
                Assert.That(() => MarchenkoPastur.SampleCovariance(3, 2, 1, bad), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("variance must be a positive finite number"), $"σ² = {bad}");
        });
    }
}
