using Goldilocks.Data;
using Goldilocks.Losses;
using Goldilocks.Models;
using Goldilocks.Runtime;

namespace Goldilocks.Objectives;

/// <summary>
/// The training loss L(θ) = (1/N) Σ_μ ℓ(f(θ, x_μ), y_μ) of a model on a whole dataset. Evaluated in mini-batches of
/// <see cref="BatchSize"/> rows whose sums are divided by the full N, so every quantity is independent of the split.
/// </summary>
public sealed class Objective
{
    /// <summary>The mean loss of <paramref name="model"/> on <paramref name="data"/> under <paramref name="loss"/>.</summary>
    /// <param name="model">The network f(θ, x).</param>
    /// <param name="data">The dataset; its sample shape and class count must match the model.</param>
    /// <param name="loss">The per-sample loss ℓ (cross-entropy needs class labels).</param>
    /// <param name="batchSize">Rows per evaluation batch; 0 means the whole dataset in one batch.</param>
    public Objective(FlatModel model, Dataset data, ILoss loss, long batchSize = 0)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Data = data ?? throw new ArgumentNullException(nameof(data));
        Loss = loss ?? throw new ArgumentNullException(nameof(loss));
        if (batchSize < 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batch size must be ≥ 1 (or 0 for the whole dataset)");
        BatchSize = batchSize == 0 ? data.Count : batchSize;
        if (!data.Inputs.shape.Skip(1).SequenceEqual(model.InputShape))
            throw new ArgumentException($"{data.Name} has samples of shape [{string.Join(", ", data.Inputs.shape.Skip(1))}] but {model.Name} expects [{string.Join(", ", model.InputShape)}]", nameof(data));
        if (model.Incompatibility(data.DType, data.Device) is { } incompatibility)
            throw new ArgumentException($"{data.Name}: {incompatibility}", nameof(data));
        if (data.Classes != model.Outputs)
            throw new ArgumentException($"{data.Name} has {data.Classes} classes/outputs but {model.Name} has {model.Outputs} outputs", nameof(data));
        if (loss is CrossEntropy && !data.IsClassification)
            throw new ArgumentException("cross-entropy needs class labels, but the dataset holds regression targets", nameof(loss));
    }

    /// <summary>The network f(θ, x).</summary>
    public FlatModel Model { get; }

    /// <summary>The dataset the mean is taken over.</summary>
    public Dataset Data { get; }

    /// <summary>The per-sample loss ℓ.</summary>
    public ILoss Loss { get; }

    /// <summary>Rows per evaluation batch (N when the whole dataset is one batch).</summary>
    public long BatchSize { get; }

    /// <summary>N, the number of samples.</summary>
    public long Count => Data.Count;

    /// <summary>The same objective with another loss (e.g. another temperature).</summary>
    public Objective WithLoss(ILoss loss) => new(Model, Data, loss, BatchSize);

    /// <summary>The same objective evaluated in batches of <paramref name="batchSize"/> rows (0 = one batch); values do not change.</summary>
    public Objective WithBatchSize(long batchSize) => new(Model, Data, Loss, batchSize);

    /// <summary>Inputs and targets of one batch.</summary>
    public (Tensor Inputs, Tensor Targets) Batch(long start, long length) =>
        (Data.Inputs.narrow(0, start, length), Data.Targets.narrow(0, start, length));

    /// <summary>The evaluation batches [start, start + length) covering the dataset once.</summary>
    public IEnumerable<(long Start, long Length)> Batches() => Data.Batches(BatchSize);

    /// <summary>Checks θ (shape, dtype, device, finiteness) against the model and data.</summary>
    public Tensor ValidateParameters(Tensor theta, string name = "theta")
    {
        Guard.Shape(theta, name, Model.ParameterCount);
        Guard.SameDTypeAndDevice(theta, Data.DType, Data.Device, name);
        return Guard.Finite(theta, name);
    }

    /// <summary>L(θ).</summary>
    public double Value(Tensor theta)
    {
        ValidateParameters(theta);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        double total = 0;
        foreach (var (s, n) in Batches())
        {
            var (x, y) = Batch(s, n);
            total += Loss.Sum(Model.Forward(theta, x), y).ToDouble();
        }
        return Guard.FiniteResult(total / Count, "the loss L(θ)");
    }

    /// <summary>L(θ) and ∇L(θ) (a new tensor the caller owns).</summary>
    public (double Loss, Tensor Gradient) ValueAndGradient(Tensor theta)
    {
        ValidateParameters(theta);
        using var scope = torch.NewDisposeScope();
        var binding = Model.Bind(theta.detach());
        var grad = torch.zeros_like(theta);
        double total = 0;
        foreach (var (s, n) in Batches())
        {
            using var inner = torch.NewDisposeScope();
            var (x, y) = Batch(s, n);
            var sum = Loss.Sum(binding.Forward(x), y);
            total += sum.ToDouble();
            grad.add_(binding.Grad(sum));
        }
        grad.div_(Count);
        Guard.FiniteResult(grad, "the gradient ∇L(θ)");
        return (Guard.FiniteResult(total / Count, "the loss L(θ)"), grad.MoveToOuterDisposeScope());
    }

    /// <summary>Logits f(θ, x) for the whole dataset [N, K], without a graph.</summary>
    public Tensor Logits(Tensor theta)
    {
        ValidateParameters(theta);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var parts = Batches().Select(b => Model.Forward(theta, Batch(b.Start, b.Length).Inputs)).ToList();
        return torch.cat(parts, 0).MoveToOuterDisposeScope();
    }
}
