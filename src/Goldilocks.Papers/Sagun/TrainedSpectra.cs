namespace Goldilocks.Papers.Sagun;

/// <summary>S4/S5: the dense Hessian eigenvalues (ascending) at initialisation and after training, and the training accuracy.</summary>
public sealed record TrainedSpectra(IReadOnlyList<double> AtInit, IReadOnlyList<double> Trained, double Accuracy)
{
    /// <summary>Full-batch gradient descent on <see cref="SagunNetwork"/> from its Kaiming initialisation (one seed for
    /// data, initialisation and training); the full spectrum before and after (Sagun et al. Sec. 3.1, Fig. 1-2). A tiny
    /// <paramref name="separation"/> collapses the clusters, so the labels carry no information about the inputs (the
    /// random-label null of S4 and S5).</summary>
    public static TrainedSpectra Run(long seed, int classes, Activation activation, int steps = 300, double learningRate = 0.5, double separation = 5.0)
    {
        using var scope = torch.NewDisposeScope();
        var (model, objective) = SagunNetwork.Create(seed, classes, activation, separation: separation);
        var theta = model.InitialParameters(seed);
        var init = SymmetricEigen.Eigenvalues(DenseMaterializer.Hessian(objective, theta));
        var trained = GradientDescent.Run(objective, theta, learningRate, steps, recordEvery: steps).FinalParameters;
        return new TrainedSpectra(init, SymmetricEigen.Eigenvalues(DenseMaterializer.Hessian(objective, trained)), Goldilocks.Training.Accuracy.Of(objective, trained));
    }
}
