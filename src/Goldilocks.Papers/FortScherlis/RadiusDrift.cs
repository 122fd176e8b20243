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
        var (model, objective) = SmallZoneNetwork.Create(seed);
        var theta = model.InitialParameters(seed);
        double rInit = theta.norm().item<double>();
        var result = MinibatchSgd.Run(objective, theta * multiple, learningRate, steps, objective.Count, seed);
        return new RadiusDriftResult(multiple, rInit, result.FinalParameters.norm().item<double>());
    }
}
