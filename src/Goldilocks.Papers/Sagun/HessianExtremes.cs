namespace Goldilocks.Papers.Sagun;

/// <summary>S6/S7: the top-k Hessian eigenvalues and the smallest one, by Lanczos, and the training steps taken.</summary>
public sealed record HessianExtremes(IReadOnlyList<double> Top, double Bottom, int Steps)
{
    /// <summary>Top-<paramref name="k"/> and smallest Hessian eigenvalue at θ (Lanczos, tolerance 1e-6, at most 80 iterations).</summary>
    public static HessianExtremes At(Objective objective, Tensor theta, int k, int steps = 0)
    {
        using var point = new LinearizationPoint(objective, theta);
        var op = new HessianOperator(point);
        var top = Lanczos.Run(op, k, SpectrumEnd.LargestAlgebraic, 1e-6, maxIterations: 80).Eigenvalues;
        var bottom = Lanczos.Run(op, 1, SpectrumEnd.SmallestAlgebraic, 1e-6, maxIterations: 80).Eigenvalues[0];
        return new HessianExtremes(top, bottom, steps);
    }

    /// <summary>S6: the 2K extremes after a fixed number of full-batch steps (MinibatchSgd, whole dataset per batch) on a
    /// ReLU <see cref="SagunNetwork"/> of the given width.</summary>
    public static HessianExtremes AfterTraining(long seed, int width, int classes = 5, int steps = 400, double learningRate = 0.5)
    {
        using var scope = torch.NewDisposeScope();
        var (model, objective) = SagunNetwork.Create(seed, classes, Activation.ReLU, width);
        var trained = MinibatchSgd.Run(objective, model.InitialParameters(seed), learningRate, steps, objective.Count, seed).FinalParameters;
        return At(objective, trained, 2 * classes, steps);
    }

    /// <summary>S6 (Sagun Sec. 3.2: "same step size until a sufficient stopping condition"): full-batch GD until the training
    /// loss is at most <paramref name="lossTarget"/> (or <paramref name="maxSteps"/>), then the 2K extremes.</summary>
    public static HessianExtremes AtTrainingLoss(long seed, int width, double lossTarget, int classes = 5, double learningRate = 0.5, int maxSteps = 5000)
    {
        using var scope = torch.NewDisposeScope();
        var (model, objective) = SagunNetwork.Create(seed, classes, Activation.ReLU, width);
        var run = GradientDescent.Run(objective, model.InitialParameters(seed), learningRate, maxSteps, recordEvery: maxSteps, onStep: s => s.Loss > lossTarget);
        return At(objective, run.FinalParameters, 2 * classes, run.StepsTaken);
    }
}
