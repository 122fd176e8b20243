namespace Goldilocks.Papers.FortScherlis;

/// <summary>F10: the radius r_init of the Kaiming initialisation and ‖θ_T‖ after training from c·θ_init.</summary>
public sealed record RadiusDriftResult(double Multiple, double InitialRadius, double FinalRadius)
{
    /// <summary>‖θ_T‖/r_init.</summary>
    public double Ratio => FinalRadius / InitialRadius;
}

/// <summary>Fort &amp; Scherlis Sec. 4 (claim F10): full-batch gradient descent on <see cref="SmallZoneNetwork"/> started
/// well inside the zone (c ≪ 1) drifts outward.</summary>
public static class RadiusDrift
{
    /// <summary>Full-batch GD (MinibatchSgd with the whole dataset as the batch) from c·θ_init for one seed.</summary>
    public static RadiusDriftResult Run(long seed, double multiple, int steps = 300, double learningRate = 0.2)
    {
        using var scope = torch.NewDisposeScope();
        var (objective, theta, rInit) = Start(seed);
        var result = MinibatchSgd.Run(objective, theta * multiple, learningRate, steps, objective.Count, seed);
        return new RadiusDriftResult(multiple, rInit, result.FinalParameters.norm().item<double>());
    }

    /// <summary>The F10 null model: the same full-batch GD from c·θ_init, except that the radial component of every step
    /// (its projection on θ/‖θ‖) gets a random sign from <paramref name="signs"/> (+1 or −1, each with probability 1/2),
    /// so the steps have no outward preference; their tangential part is that of GD.</summary>
    public static RadiusDriftResult RunWithRandomRadialSigns(long seed, double multiple, Random signs, int steps = 300, double learningRate = 0.2)
    {
        ArgumentNullException.ThrowIfNull(signs);
        using var scope = torch.NewDisposeScope();
        var (objective, theta0, rInit) = Start(seed);
        var theta = (theta0 * multiple).detach();
        for (int step = 0; step < steps; step++)
        {
            using var inner = torch.NewDisposeScope();
            var (_, g) = objective.ValueAndGradient(theta);
            var u = theta / theta.norm();
            var radial = (g * u).sum() * u;
            theta.sub_((g + radial * (signs.Next(2) == 0 ? -2.0 : 0.0)) * learningRate);
        }
        return new RadiusDriftResult(multiple, rInit, theta.norm().item<double>());
    }

    /// <summary>The objective, θ_init and r_init = ‖θ_init‖ of one seed.</summary>
    private static (Objective Objective, Tensor Theta, double InitialRadius) Start(long seed)
    {
        var (model, objective) = SmallZoneNetwork.Create(seed);
        var theta = model.InitialParameters(seed);
        return (objective, theta, theta.norm().item<double>());
    }
}
