using Goldilocks.Objectives;

namespace Goldilocks.Training;

/// <summary>The loss on the segment θ(t) = (1-t)θ_a + tθ_b at the given t values (Sagun et al. Sec. 4.1, Fig. 10).</summary>
/// <param name="T">The positions t ∈ [0, 1], ascending.</param>
/// <param name="Losses">L(θ(t)) at each position.</param>
public sealed record InterpolationProfile(double[] T, double[] Losses)
{
    /// <summary>max_t [L(θ(t)) - ((1-t)L(θ_a) + tL(θ_b))]: height above the chord; ≤ 0 means no barrier.</summary>
    public double Barrier => T.Select((t, i) => Losses[i] - ((1 - t) * Losses[0] + t * Losses[^1])).Max();

    /// <summary>max_t L(θ(t)) - max(L(θ_a), L(θ_b)): how far the path rises above the worse end point.</summary>
    public double RiseAboveEndpoints => Losses.Max() - Math.Max(Losses[0], Losses[^1]);
}

/// <summary>The loss along the straight line between two parameter vectors (Sagun et al. Sec. 4.1).</summary>
public static class LinearInterpolation
{
    /// <summary>L on <paramref name="points"/> ≥ 2 equally spaced t ∈ [0, 1] (both ends included).</summary>
    public static InterpolationProfile Profile(Objective objective, Tensor a, Tensor b, int points = 21)
    {
        ArgumentNullException.ThrowIfNull(objective);
        objective.ValidateParameters(a, nameof(a));
        objective.ValidateParameters(b, nameof(b));
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points), points, "need at least the two end points");
        var t = Enumerable.Range(0, points).Select(i => i / (double)(points - 1)).ToArray();
        var losses = new double[points];
        for (int i = 0; i < points; i++)
        {
            using var scope = torch.NewDisposeScope();
            losses[i] = objective.Value(a * (1 - t[i]) + b * t[i]);
        }
        return new InterpolationProfile(t, losses);
    }
}
