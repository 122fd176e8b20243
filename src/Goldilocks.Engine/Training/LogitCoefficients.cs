using Goldilocks.Losses;

namespace Goldilocks.Training;

/// <summary>
/// How the per-sample logit gradients are combined into an update (paper 000 Eq. 3): the update direction is
/// (1/N) Σ_μ J_μᵀ c_μ with coefficients c_μ ∈ R^K computed from the logits and labels (held constant).
/// </summary>
public abstract class LogitCoefficients
{
    /// <summary>Display name of the rule.</summary>
    public abstract string Name { get; }

    /// <summary>Coefficients c [N, K] for logits [N, K] and targets; detached.</summary>
    public abstract Tensor Compute(Tensor logits, Tensor targets);

    /// <summary>c = ∂ℓ/∂z: the true loss gradient.</summary>
    public static LogitCoefficients LossGradient(ILoss loss) => new Residual(loss);

    /// <summary>c = σ(z/τ) − e_y without the 1/τ factor: a network at T = 1 updated with the softmax output of the
    /// unscaled model (paper 000 Sec. 5: τ = α^L makes the α-scaled network follow the unscaled one).</summary>
    public static LogitCoefficients SoftmaxOutputAt(double tau) => new SoftmaxAt(tau);

    /// <summary>USO model (paper 000 App. E): c_k = 1/K − 1{y = k}, as if the softmax output were uniform.</summary>
    public static LogitCoefficients UniformSoftmaxOutput() => new Uniform();

    private sealed class Residual(ILoss loss) : LogitCoefficients
    {
        public override string Name => $"gradient of {loss.Name}";
        public override Tensor Compute(Tensor logits, Tensor targets) => loss.Residual(logits, targets);
    }

    private sealed class SoftmaxAt(double tau) : LogitCoefficients
    {
        private readonly CrossEntropy _ce = new(tau);
        public override string Name => $"softmax output at T={tau:G6}";
        public override Tensor Compute(Tensor logits, Tensor targets) => _ce.Residual(logits, targets) * _ce.Temperature;
    }

    private sealed class Uniform : LogitCoefficients
    {
        public override string Name => "uniform softmax output (USO)";
        public override Tensor Compute(Tensor logits, Tensor targets)
        {
            long k = logits.shape[1];
            var onehot = torch.nn.functional.one_hot(targets, k).to(logits.dtype);
            return torch.full_like(onehot, 1.0 / k) - onehot;
        }
    }
}
