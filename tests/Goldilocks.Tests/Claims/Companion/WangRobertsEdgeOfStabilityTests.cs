
namespace Goldilocks.Tests.Claims.Companion;

/// <summary>W9, W10, W12 on the squared-error setting (tanh MLP 8-16-16-4, 32 one-hot cluster samples, full-batch GD,
/// η = 0.3); margins calibrated per seed (specs/W9, W10, W12; WangRobertsEdgeOfStabilityCalibration.Calibrate).
/// W11 and the sign of the W12 sharpening factor did not reproduce in this setting (see the specs).</summary>
[Category(Categories.Statistical)]
[Category(Categories.Slow)]
public sealed class WangRobertsEdgeOfStabilityTests
{
    private static readonly long Seed = SeedOffset.Apply(0L);

    [Test]
    [Claim("W9")]
    public void Sharpness_rises_to_2_over_eta_and_hovers_there_while_the_loss_falls_non_monotonically()
    {
        var (objective, theta0) = SquaredErrorSetup.Default.Create(Seed);
        var run = WangRobertsEdgeOfStability.Track(objective, theta0, extras: false);
        run.FinalParameters?.Dispose();
        ClaimAssert.That("W9", !run.Diverged, "the η = 0.3 run diverged");
        var s = EdgeOfStabilityStatistics.Sharpening(run);
        ClaimAssert.That("W9", s.InitialRatio <= W9MaxInitialRatio && s.PeakRatio >= W9MinPeakRatio,
            $"ηS/2 should rise from ≤ {W9MaxInitialRatio} to ≥ {W9MinPeakRatio}: {s.InitialRatio:F3} → peak {s.PeakRatio:F3}");
        ClaimAssert.That("W9", s.LateFractionNearLimit >= W9MinFractionNear,
            $"late ηS/2 inside [0.8, 1.3] for {s.LateFractionNearLimit:P0} of records (< {W9MinFractionNear:P0}; median {s.LateMedianRatio:F3})");
        ClaimAssert.That("W9", s.LossIncreases >= 1, $"no loss increase between records ({s.LossIncreases}): training was monotone");
        ClaimAssert.That("W9", s.FinalLossFraction <= W9MaxLossFraction, $"final/initial loss {s.FinalLossFraction:F4} > {W9MaxLossFraction}");
    }

    [Test]
    [Claim("W12")]
    public void Suppressing_unstable_directions_makes_the_loss_monotone_while_sharpness_keeps_rising()
    {
        var (objective, theta0) = SquaredErrorSetup.Default.Create(Seed);
        var run = WangRobertsEdgeOfStability.Suppressed(objective, theta0);
        run.FinalParameters?.Dispose();
        var s = EdgeOfStabilityStatistics.Suppression(run);
        ClaimAssert.That("W12", s.MaxSuppressed >= 1, "no direction was ever suppressed: the run never reached 2/η");
        ClaimAssert.That("W12", s.LossIncreases == 0, $"suppressed run: {s.LossIncreases} loss increases step to step (monotone expected)");
        ClaimAssert.That("W12", s.SharpnessRise > 0, $"suppressed run: sharpness change {s.SharpnessRise:F3} (a rise expected)");
    }

    [Test]
    [Claim("W10")]
    public void Peak_sharpness_after_switching_to_a_small_eta_is_lower_for_a_larger_eta0()
    {
        var (objective, theta0) = SquaredErrorSetup.Default.Create(Seed);
        double base03 = WangRobertsEdgeOfStability.SwitchPeak(objective, theta0, WangRobertsEdgeOfStability.Eta, WangRobertsEdgeOfStability.SwitchEarly);
        double large = WangRobertsEdgeOfStability.SwitchPeak(objective, theta0, WangRobertsEdgeOfStability.LargeEta0, WangRobertsEdgeOfStability.SwitchEarly);
        ClaimAssert.That("W10", large <= W10MaxRatio * base03,
            $"peak S after the switch to η = 0.1: η₀ = 0.45 → {large:F3}, η₀ = 0.3 → {base03:F3} (ratio {large / base03:F3} > {W10MaxRatio})");
    }

    // Calibrated margins (specs/W9, W10, W12: Tolerance).
    private const double W9MaxInitialRatio = 0.8, W9MinPeakRatio = 1.0, W9MinFractionNear = 0.8, W9MaxLossFraction = 0.05, W10MaxRatio = 0.9;
}
