using Goldilocks.Tests.Claims.WangRoberts;
using static Goldilocks.Tests.Claims.WangRoberts.WangRobertsOracle;

namespace Goldilocks.Tests.Claims.Bridges;

/// <summary>X3: the DLN is homogeneous of degree nq in θ; GD with η' = c^{−(nq−2)}η follows the trajectory scaled by c.</summary>
public sealed class BridgeDlnHomogeneityTests
{
    [ClaimProperty(Arbitrary = new[] { typeof(WangRobertsArbitraries) }, MaxTest = X3Constants.PropertyCases)]
    [Claim("X3")]
    public void Loss_scales_as_c_to_the_nq_and_the_rescaled_GD_trajectory_is_the_scaled_trajectory(DlnCase c)
    {
        int degree = c.Theta.Length * c.Q;
        foreach (double scale in new[] { 0.5, 1.7, -2.0 })
        {
            var theta = c.Theta;
            var scaled = theta.Select(t => scale * t).ToArray();
            ClaimAssert.Close("X3", $"L(cθ) = c^(nq) L(θ), c = {scale}, {c}",
                DiagonalLinearNetworkTheory.Loss(c.Z, scaled), Math.Pow(scale, degree) * DiagonalLinearNetworkTheory.Loss(c.Z, theta), X3Constants.LossRtol);
            // a stable learning rate (0.5/λ₁) for 15 steps, and an unstable one (1.5/λ₁) for 3 steps
            foreach (var (factor, steps) in new[] { (0.5, 15), (1.5, 3) })
            {
                double eta = factor / Top(c.Z, theta).Value;
                double etaScaled = eta * Math.Pow(scale, -(degree - 2));
                var a = theta;
                var b = scaled;
                for (int t = 1; t <= steps; t++)
                {
                    a = Step(c.Z, a, eta);
                    b = Step(c.Z, b, etaScaled);
                    double err = Math.Sqrt(a.Zip(b, (x, y) => Math.Pow(scale * x - y, 2)).Sum() / a.Sum(x => x * x * scale * scale));
                    ClaimAssert.That("X3", err <= X3Constants.TrajectoryRtol, $"θ'_t = cθ_t at step {t}: relative error {err:E3} > {X3Constants.TrajectoryRtol} (c = {scale}, η = {factor}/λ₁, {c})");
                }
            }
        }
    }

    /// <summary>Negative control: without the rescaled learning rate (η' = η) the scaled run leaves cθ_t at the first step.</summary>
    [Test]
    [Claim("X3")]
    [Category(Categories.NegativeControl)]
    public void Without_the_rescaled_learning_rate_the_trajectories_separate()
    {
        var z = EvenPolynomialLoss.Monomial(2);
        var theta = new[] { 0.3, 1.1, -0.8 };
        const double scale = X3Constants.ControlScale;
        double eta = 0.5 / Top(z, theta).Value;
        var a = Step(z, theta, eta);
        var b = Step(z, theta.Select(t => scale * t).ToArray(), eta);
        double err = Math.Sqrt(a.Zip(b, (x, y) => Math.Pow(scale * x - y, 2)).Sum() / a.Sum(x => x * x * scale * scale));
        TestContext.Out.WriteLine($"η' = η, c = {scale}, n = 3, q = 2: relative distance of θ'_1 from cθ_1 = {err:E3}");
        ClaimAssert.That("X3", err > X3Constants.TrajectoryRtol, $"η' = η must break the scaled trajectory: relative error {err:E3} ≤ {X3Constants.TrajectoryRtol}");
    }
}
