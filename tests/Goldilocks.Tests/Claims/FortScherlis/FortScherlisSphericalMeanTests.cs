using FsCheck;
using FsCheck.Fluent;
using Goldilocks.Tests.Foundation;
using static Goldilocks.Tests.Claims.Shared.PropertyGenerators;

namespace Goldilocks.Tests.Claims.FortScherlis;

/// <summary>F7 (Fort &amp; Scherlis, Eq. 4): the spherical-mean identity ⟨Tr H⟩_r = ∂²⟨L⟩ + (D − 1)/r ∂⟨L⟩, exact on
/// quadratics, against closed forms on a quartic (with its negative control), and by Monte Carlo on a tanh network.</summary>
public sealed class FortScherlisSphericalMeanTests
{
    /// <summary>Both sides of Eq. 4 for the quartic L = ¼(wᵀθ)⁴ at radius r, averaged over <paramref name="frames"/>
    /// random cross-polytopes (a 3-design, so the degree-4 mean is a Monte Carlo estimate), one value per frame.</summary>
    private static (double[] Trace, double[] Radial) QuarticSides(Tensor w, double radius, int frames, long seed, Func<SphericalMeanSides, double> radial)
    {
        int dim = (int)w.shape[0];
        var trace = new double[frames];
        var rhs = new double[frames];
        for (int f = 0; f < frames; f++)
        {
            using var scope = torch.NewDisposeScope();
            var sides = SphericalMean.Estimate(theta =>
            {
                var s = w.dot(theta);
                return (s.pow(3) * w, 3 * s.pow(2) * torch.outer(w, w));
            }, dim, radius, SphericalMean.CrossPolytope(dim, seed + f));
            trace[f] = sides.MeanTrace;
            rhs[f] = radial(sides);
        }
        return (trace, rhs);
    }

    /// <summary>L = ¼(wᵀθ)⁴ on the sphere of radius r in R^D has the closed forms (E(wᵀu)⁴ = 3‖w‖⁴/(D(D + 2)) for uniform
    /// u): ⟨L⟩_r = ¾r⁴‖w‖⁴/(D(D + 2)), so ∂⟨L⟩ = 3r³‖w‖⁴/(D(D + 2)), ∂²⟨L⟩ = 9r²‖w‖⁴/(D(D + 2)), and ⟨Tr H⟩ = 3r²‖w‖⁴/D.
    /// Unlike a quadratic (where any orthonormal frame gives Σqᵢᵀ A qᵢ = Tr A), each side is checked against its closed
    /// form by a z-score over independent frames, and ∂⟨L⟩, ∂²⟨L⟩ separately.</summary>
    [Test]
    [Claim("F7")]
    [Category(Categories.Statistical)]
    public void F7_both_sides_match_the_closed_forms_on_a_quartic()
    {
        using var scope = torch.NewDisposeScope();
        const int dim = 6;
        const double radius = 1.3;
        var w = torch.randn(new long[] { dim }, torch.float64, generator: new torch.Generator((ulong)SeedOffset.Apply(71)));
        double w4 = Math.Pow(w.dot(w).item<double>(), 2), dd = dim * (dim + 2.0);
        double exact = 3 * radius * radius * w4 / dim;
        var firsts = new List<double>();
        var seconds = new List<double>();
        var (trace, rhs) = QuarticSides(w, radius, F7Constants.QuarticFrames, SeedOffset.Apply(500), s => { firsts.Add(s.FirstRadialDerivative); seconds.Add(s.SecondRadialDerivative); return s.RadialLaplacian; });
        // Tr H(θ) = 3(wᵀθ)²‖w‖² has degree 2, on which the cross-polytope design is exact: every frame gives the closed form.
        double worstTrace = trace.Max(t => Math.Abs(t - exact)) / exact;
        ClaimAssert.That("F7", worstTrace <= F7Constants.Rtol, $"quartic: ⟨Tr H⟩ per frame vs 3r²‖w‖⁴/D = {exact:F5}: worst relative error {worstTrace:E2} > {F7Constants.Rtol}");
        foreach (var (name, values, expected) in new[]
        {
            ("∂²⟨L⟩ + (D−1)/r ∂⟨L⟩", rhs, exact),
            ("∂⟨L⟩/∂r", firsts.ToArray(), 3 * Math.Pow(radius, 3) * w4 / dd), ("∂²⟨L⟩/∂r²", seconds.ToArray(), 9 * radius * radius * w4 / dd),
        })
        {
            var est = Goldilocks.Spectral.Hutchinson.MeanWithError(values);
            double z = (est.Value - expected) / est.StandardError;
            TestContext.Out.WriteLine($"{name}: {est.Value:F5} ± {est.StandardError:F5} vs closed form {expected:F5} (z = {z:F2}, {F7Constants.QuarticFrames} frames)");
            ClaimAssert.That("F7", Math.Abs(z) < F7Constants.QuarticMaxZ, $"quartic, D = {dim}, r = {radius}: {name} = {est.Value:F5} ± {est.StandardError:F5} vs {expected:F5}: z = {z:F2}; QuarticMaxZ = {F7Constants.QuarticMaxZ}");
        }
    }

    /// <summary>Negative control: the radial Laplacian with D/r instead of (D − 1)/r (the flat-space count) misses the
    /// closed form 3r²‖w‖⁴/D by 3r²‖w‖⁴/(D(D + 2)), far outside the Monte Carlo error.</summary>
    [Test]
    [Claim("F7")]
    [Category(Categories.NegativeControl)]
    public void F7_a_radial_Laplacian_with_D_over_r_fails_the_quartic_closed_form()
    {
        using var scope = torch.NewDisposeScope();
        const int dim = 6;
        const double radius = 1.3;
        var w = torch.randn(new long[] { dim }, torch.float64, generator: new torch.Generator((ulong)SeedOffset.Apply(71)));
        double exact = 3 * radius * radius * Math.Pow(w.dot(w).item<double>(), 2) / dim;
        var (_, wrong) = QuarticSides(w, radius, F7Constants.QuarticFrames, SeedOffset.Apply(500), s => s.SecondRadialDerivative + dim / radius * s.FirstRadialDerivative);
        var est = Goldilocks.Spectral.Hutchinson.MeanWithError(wrong);
        double z = (est.Value - exact) / est.StandardError;
        TestContext.Out.WriteLine($"∂² + D/r ∂: {est.Value:F5} ± {est.StandardError:F5} vs {exact:F5} (z = {z:F2})");
        ClaimAssert.That("F7", Math.Abs(z) >= F7Constants.QuarticMaxZ, $"the D/r variant must fail: z = {z:F2} < {F7Constants.QuarticMaxZ}");
    }

    [ClaimProperty(MaxTest = F7Constants.PropertyCases)]
    [Claim("F7")]
    public Property F7_spherical_mean_identity_is_exact_on_quadratics_with_a_cross_polytope_design()
    {
        return Prop.ForAll(Between(2, 12), Between(0, 1000), Between(1, 50), (dim, seed, r10) =>
        {
            double radius = r10 / 10.0;
            using var scope = torch.NewDisposeScope();
            var a = SymmetricMatrix(dim, seed);
            var b = torch.randn(new long[] { dim }, generator: new torch.Generator((ulong)seed + 1));
            var sides = SphericalMean.Estimate(theta => (a.matmul(theta) + b, a), dim, radius, SphericalMean.CrossPolytope(dim, seed + 2));
            double trace = torch.trace(a).item<double>();
            double scale = 1 + a.abs().sum().item<double>();
            Math.Abs(sides.MeanTrace - sides.RadialLaplacian).Should().BeLessThan(F7Constants.Rtol * scale, $"[F7] ⟨Tr H⟩ = {sides.MeanTrace} vs ∂²⟨L⟩ + (D-1)/r ∂⟨L⟩ = {sides.RadialLaplacian} (D={dim}, r={radius})");
            Math.Abs(sides.FirstRadialDerivative - radius * trace / dim).Should().BeLessThan(F7Constants.Rtol * scale * (1 + radius), $"[F7] ∂⟨L⟩/∂r = {sides.FirstRadialDerivative:R} vs r Tr(A)/D = {radius * trace / dim:R} for L = ½θᵀAθ + bᵀθ");
            // The closed-form radial profile ⟨L⟩_r = c + r² Tr(A)/(2D) gives the same right-hand side.
            ClaimAssert.That("F7", Math.Abs(SphericalMean.RadialLaplacian(radius * trace / dim, trace / dim, radius, dim) - trace) < F7Constants.Rtol * scale, $"closed-form profile: radial Laplacian {SphericalMean.RadialLaplacian(radius * trace / dim, trace / dim, radius, dim):R} vs Tr A = {trace:R} (D={dim}, r={radius}); Rtol = {F7Constants.Rtol}");
        });
    }

    [Test]
    [Claim("F7")]
    [Category(Categories.Slow)]
    [Category(Categories.Statistical)]
    public void F7_spherical_mean_identity_holds_by_Monte_Carlo_on_a_smooth_tanh_network()
    {
        FortScherlisMonteCarlo.F7Tanh(SeedOffset.Apply).AssertClaim("F7");
    }

    /// <summary>Negative control: on the same tanh-network points ⟨Tr H⟩ = ∂²⟨L⟩ (the (D − 1)/r ∂⟨L⟩ term dropped) misses by more than the margin.</summary>
    [Test]
    [Claim("F7")]
    [Category(Categories.Slow)]
    [Category(Categories.NegativeControl)]
    public void F7_tanh_network_Monte_Carlo_rejects_dropping_the_first_derivative_term()
    {
        FortScherlisMonteCarlo.F7Tanh(SeedOffset.Apply).AssertNullFails("F7", "the (D − 1)/r ∂⟨L⟩ term dropped");
    }
}
