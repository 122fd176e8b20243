using Goldilocks.Runtime;

namespace Goldilocks.Data;

/// <summary>
/// A labelled dataset held as tensors: inputs [N, ...] and either class labels (int64 [N], values in [0, K)) or
/// regression targets (float [N, K]). Validated on construction; disposal frees the native memory.
/// </summary>
public sealed class Dataset : IDisposable
{
    /// <summary>Validates and takes ownership of <paramref name="inputs"/> and <paramref name="targets"/>.</summary>
    /// <param name="inputs">Floating-point inputs [N, ...] with N ≥ 1 and finite entries.</param>
    /// <param name="targets">Class labels int64 [N] in [0, K), or finite floating-point regression targets [N, K].</param>
    /// <param name="classes">K: the number of classes (≥ 2 for labels) or of regression outputs.</param>
    /// <param name="name">Name used in messages and reports.</param>
    public Dataset(Tensor inputs, Tensor targets, int classes, string name = "dataset")
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (classes < 1) throw new ArgumentOutOfRangeException(nameof(classes), classes, "the number of classes/outputs must be ≥ 1");
        long n = inputs.shape.Length == 0 ? 0 : inputs.shape[0];
        if (n == 0) throw new ArgumentException($"{name}: the dataset is empty", nameof(inputs));
        if (targets.shape.Length == 0 || targets.shape[0] != n)
            throw new ArgumentException($"{name}: {n} inputs but targets of shape [{string.Join(", ", targets.shape)}]", nameof(targets));
        if (!inputs.is_floating_point()) throw new ArgumentException($"{name}: inputs must be floating point, got {inputs.dtype}", nameof(inputs));
        Guard.Finite(inputs, $"{name} inputs");
        if (targets.dtype == ScalarType.Int64)
        {
            if (targets.dim() != 1) throw new ArgumentException($"{name}: class labels must be a vector [N]", nameof(targets));
            if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "classification needs K ≥ 2 classes");
            long min = targets.min().item<long>(), max = targets.max().item<long>();
            if (min < 0 || max >= classes)
                throw new ArgumentException($"{name}: labels must lie in [0, {classes}), found range [{min}, {max}]", nameof(targets));
        }
        else
        {
            if (!targets.is_floating_point() || targets.dim() != 2 || targets.shape[1] != classes)
                throw new ArgumentException($"{name}: regression targets must be floating point [N, {classes}]", nameof(targets));
            Guard.Finite(targets, $"{name} targets");
        }
        Inputs = inputs.DetachFromDisposeScope();
        Targets = targets.DetachFromDisposeScope();
        Classes = classes;
        Name = name;
    }

    /// <summary>Inputs [N, ...] (owned by the dataset).</summary>
    public Tensor Inputs { get; }

    /// <summary>Class labels int64 [N] or regression targets [N, K] (owned by the dataset).</summary>
    public Tensor Targets { get; }

    /// <summary>K: number of classes, or of regression outputs.</summary>
    public int Classes { get; }

    /// <summary>Name used in messages and reports.</summary>
    public string Name { get; }

    /// <summary>N: number of samples.</summary>
    public long Count => Inputs.shape[0];

    /// <summary>True for class labels (int64 targets), false for regression targets.</summary>
    public bool IsClassification => Targets.dtype == ScalarType.Int64;

    /// <summary>Floating-point dtype of the inputs.</summary>
    public ScalarType DType => Inputs.dtype;

    /// <summary>Device holding the tensors.</summary>
    public Device Device => Inputs.device;

    /// <summary>Contiguous mini-batches [start, start+size) covering the data exactly once.</summary>
    public IEnumerable<(long Start, long Length)> Batches(long batchSize)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batch size must be ≥ 1");
        for (long s = 0; s < Count; s += batchSize) yield return (s, Math.Min(batchSize, Count - s));
    }

    /// <summary>The same data converted to another dtype/device (a new dataset the caller owns).</summary>
    public Dataset To(ScalarType dtype, Device device) => new(
        Inputs.to(dtype).to(device), IsClassification ? Targets.to(device) : Targets.to(dtype).to(device), Classes, Name);

    /// <summary>Rows [start, start+length) as a new dataset (copies).</summary>
    public Dataset Slice(long start, long length)
    {
        if (start < 0 || length < 1 || start > Count - length)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"{Name}: rows [{start}, {start}+{length}) are not a non-empty range inside [0, {Count})");
        return new(Inputs.narrow(0, start, length).clone(), Targets.narrow(0, start, length).clone(), Classes, Name);
    }

    /// <summary>Empirical class prior Q (paper 000 Sec. 4): Q_k = fraction of labels equal to k.</summary>
    public double[] ClassPrior()
    {
        if (!IsClassification) throw new InvalidOperationException($"{Name} has regression targets, not class labels");
        using var scope = torch.NewDisposeScope();
        var counts = torch.bincount(Targets.cpu(), minlength: Classes).to(ScalarType.Float64);
        return (counts / (double)Count).data<double>().ToArray();
    }

    /// <summary>Frees the native memory of the inputs and targets.</summary>
    public void Dispose()
    {
        Inputs.Dispose();
        Targets.Dispose();
    }
}
