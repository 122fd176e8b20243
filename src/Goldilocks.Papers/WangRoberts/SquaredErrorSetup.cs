
namespace Goldilocks.Papers.WangRoberts;

/// <summary>
/// The laptop-scale setting in which progressive sharpening and the edge of stability appear robustly (Cohen et al.
/// 2021, Sec. 3: full-batch GD, squared error, tanh MLP): a bias-free MLP regressing one-hot labels of a few
/// synthetic-cluster samples with ℓ = ½‖z − y‖². Used for Wang &amp; Roberts Sec. 2.1, 3.2-3.3, App. G (W9-W12)
/// because cross-entropy on the separable clusters flattens instead (see specs/W9).
/// </summary>
/// <param name="Samples">Number of training samples.</param>
/// <param name="Features">Input features D.</param>
/// <param name="Classes">Number of classes K (one-hot targets of length K).</param>
/// <param name="Width">Width of every hidden layer.</param>
/// <param name="HiddenLayers">Number of hidden layers.</param>
/// <param name="Activation">Non-linearity (tanh by default).</param>
/// <param name="Separation">Spread of the cluster means (<see cref="SyntheticClusters"/>).</param>
public sealed record SquaredErrorSetup(int Samples = 32, int Features = 8, int Classes = 4, int Width = 16, int HiddenLayers = 2,
    Activation Activation = Activation.Tanh, double Separation = 1.0)
{
    /// <summary>The calibrated default (32 samples, 8 features, 4 classes, two tanh hidden layers of width 16).</summary>
    public static SquaredErrorSetup Default { get; } = new();

    /// <summary>The objective (MSE on one-hot targets) and Kaiming initial parameters; data and init both seeded.</summary>
    public (Objective Objective, Tensor Initial) Create(long seed)
    {
        using var scope = torch.NewDisposeScope();
        using var clusters = SyntheticClusters.Generate(Samples, Features, Classes, seed, Separation);
        var oneHot = torch.nn.functional.one_hot(clusters.Targets, Classes).to(clusters.Inputs.dtype);
        var data = new Dataset(clusters.Inputs.clone(), oneHot, Classes, $"one-hot {clusters.Name}");
        var model = new Mlp(Features, Enumerable.Repeat(Width, HiddenLayers).ToArray(), Classes, Activation);
        return (new Objective(model, data, new MeanSquaredError()), model.InitialParameters(seed).MoveToOuterDisposeScope());
    }
}
