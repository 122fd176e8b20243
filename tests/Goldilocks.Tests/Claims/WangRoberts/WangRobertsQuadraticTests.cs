using FsCheck;
using FsCheck.Fluent;

namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>A quadratic L = ½θᵀAθ: eigenvalues in tenths, a seed for the eigenbasis and θ, η = EtaThousandths/1000
/// (odd thousandths plus 1/7000 so that ηλ never equals 1 or 2 exactly).</summary>
public sealed record QuadraticCase(int[] EigenTenths, int Seed, int EtaThousandths)
{
    public double[] Eigenvalues => EigenTenths.Select(e => e / 10.0).ToArray();
    public double Eta => EtaThousandths / 1000.0 + 1 / 7000.0;
    public override string ToString() => $"λ = [{string.Join(", ", Eigenvalues)}], η = {Eta:R}, seed {Seed}";
}

public static class QuadraticArbitraries
{
    public static Arbitrary<QuadraticCase> QuadraticCases() => Arb.From(
        from n in Gen.Choose(1, 6)
        from eig in Gen.ArrayOf(Gen.Choose(1, 80), n)
        from seed in Gen.Choose(0, 1000)
        from eta in Gen.Choose(1, 1500)
        select new QuadraticCase(eig, seed, eta),
        c => c.EigenTenths.Length > 1 ? new[] { c with { EigenTenths = c.EigenTenths[..^1] } } : Array.Empty<QuadraticCase>());
}

/// <summary>W1: the descent lemma and the per-eigen-direction flip / growth conditions on a quadratic.</summary>
public sealed class WangRobertsQuadraticTests
{
    [ClaimProperty(Arbitrary = new[] { typeof(QuadraticArbitraries) }, MaxTest = W1Constants.PropertyCases)]
    [Claim("W1")]
    public void Each_eigen_component_is_multiplied_by_one_minus_eta_lambda_and_flips_or_grows_exactly_at_1_and_2_over_lambda(QuadraticCase c)
    {
        using var scope = torch.NewDisposeScope();
        int n = c.Eigenvalues.Length;
        var gen = new torch.Generator((ulong)c.Seed);
        var (q, _) = torch.linalg.qr(torch.randn(new long[] { n, n }, generator: gen));
        var a = q.matmul(torch.diag(torch.tensor(c.Eigenvalues))).matmul(q.t());
        var theta = torch.randn(new long[] { n }, generator: gen);
        // oracle step: autograd gradient of ½θᵀAθ
        var leaf = theta.clone().requires_grad_(true);
        var loss = 0.5 * leaf.dot(a.matmul(leaf));
        var grad = SafeAutograd.Grad(loss, leaf);
        var next = theta - c.Eta * grad;
        var before = q.t().matmul(theta).data<double>().ToArray();
        var after = q.t().matmul(next).data<double>().ToArray();
        // The rotations into and out of the eigenbasis mix all components, so round-off is on the scale of
        // (1 + ηλ_max)·‖θ‖, not of one component (a component of 1.5e-5 in a θ of norm ~1 missed 1e-12·|c| by 2.5e-16).
        double roundOff = W1Constants.RoundOff * (1 + c.Eta * c.Eigenvalues.Max()) * Math.Sqrt(before.Sum(b => b * b));
        for (int i = 0; i < n; i++)
        {
            double lambda = c.Eigenvalues[i];
            double expected = QuadraticDescent.ComponentFactor(lambda, c.Eta) * before[i];
            ClaimAssert.That("W1", Math.Abs(after[i] - expected) <= roundOff,
                $"component {i}: {after[i]:R} vs (1 − ηλ)c = {expected:R}, |diff| {Math.Abs(after[i] - expected):E2} > {roundOff:E2} at {c}");
            if (Math.Abs(before[i]) < 1e6 * roundOff) continue; // sign and growth of a component lost in round-off are undefined
            ClaimAssert.That("W1", (Math.Sign(after[i]) != Math.Sign(before[i])) == (c.Eta > 1 / lambda) && QuadraticDescent.Flips(lambda, c.Eta) == (c.Eta > 1 / lambda),
                $"flip of component {i} (λ = {lambda}) must happen iff η > 1/λ at {c}");
            ClaimAssert.That("W1", (Math.Abs(after[i]) > Math.Abs(before[i])) == (c.Eta > 2 / lambda) && QuadraticDescent.Grows(lambda, c.Eta) == (c.Eta > 2 / lambda),
                $"growth of component {i} (λ = {lambda}) must happen iff η > 2/λ at {c}");
        }
        double l0 = loss.item<double>(), l1 = 0.5 * next.dot(a.matmul(next)).item<double>();
        double change = QuadraticDescent.LossChange(c.Eigenvalues, before, c.Eta);
        ClaimAssert.That("W1", Math.Abs(l1 - l0 - change) <= W1Constants.LossRtol * (l0 + l1 + 1e-300), $"loss change {l1 - l0:R} vs Σ½λc²((1−ηλ)²−1) = {change:R} (difference {Math.Abs(l1 - l0 - change):E3} > {W1Constants.LossRtol} (L + L')) at {c}");
        double lMax = c.Eigenvalues.Max();
        if (c.Eta < 2 / lMax)
        {
            double bound = QuadraticDescent.DescentLemmaBound(lMax, c.Eta, grad.dot(grad).item<double>());
            ClaimAssert.That("W1", l1 < l0 && l1 - l0 <= bound + W1Constants.DescentRtol * l0, $"η < 2/λ_max: L {l0:R} → {l1:R}, descent-lemma bound {bound:R} at {c}; DescentRtol = {W1Constants.DescentRtol}");
        }
    }
}
