using Goldilocks.Runtime;

namespace Goldilocks.Models;

/// <summary>
/// A network as a function of one flat parameter vector: logits = f(θ, x), θ ∈ R^P.
/// Scaling (αθ), subspaces (θ₀ + Vw) and Jacobians are then plain tensor algebra on θ. Derivatives go through
/// <see cref="Bind"/>: for the built-in models θ itself is the autograd leaf; <see cref="ModuleModel"/> adapts any
/// TorchSharp or TorchScript module by binding θ into the module's own parameter tensors.
/// </summary>
public abstract class FlatModel
{
    private readonly List<ParameterBlock> _blocks = new();

    /// <summary>Initialises a model with no parameters yet; derived constructors add blocks with <see cref="AddBlock"/>.</summary>
    /// <param name="name">Display name, e.g. "LeNet-300-100".</param>
    /// <param name="inputShape">Shape of one input sample.</param>
    /// <param name="outputs">Number of logits K.</param>
    protected FlatModel(string name, long[] inputShape, int outputs)
    {
        Name = name;
        InputShape = inputShape;
        Outputs = outputs;
    }

    /// <summary>Display name, e.g. "LeNet-300-100".</summary>
    public string Name { get; }

    /// <summary>Shape of one input sample (e.g. [784] or [1, 28, 28]).</summary>
    public long[] InputShape { get; }

    /// <summary>Number of logits K.</summary>
    public int Outputs { get; }

    /// <summary>The parameter blocks in θ order: each is a named, reshaped slice of θ.</summary>
    public IReadOnlyList<ParameterBlock> Blocks => _blocks;

    /// <summary>P: length of the flat parameter vector θ.</summary>
    public long ParameterCount => _blocks.Sum(b => b.Count);

    /// <summary>
    /// Degree L of positive homogeneity, f(αθ, x) = α^L f(θ, x) for α &gt; 0, or null when the model is not
    /// homogeneous (biases, tanh). Paper 000, Sec. 2 ("Homogeneous networks").
    /// </summary>
    public abstract int? HomogeneityDegree { get; }

    /// <summary>Number of weight layers.</summary>
    public int WeightLayers => _blocks.Where(b => !b.IsBias).Select(b => b.Layer).Distinct().Count();

    /// <summary>Logits [N, K] for inputs [N, ...InputShape]; differentiable in θ.</summary>
    public Tensor Forward(Tensor theta, Tensor inputs)
    {
        Guard.Shape(theta, nameof(theta), ParameterCount);
        CheckInputs(inputs, theta.dtype, theta.device);
        return ForwardCore(theta, inputs);
    }

    /// <summary>Checks a batch of inputs against <see cref="InputShape"/>, the dtype and the device.</summary>
    private protected void CheckInputs(Tensor inputs, ScalarType dtype, Device device)
    {
        if (inputs.dim() != InputShape.Length + 1 || !inputs.shape.Skip(1).SequenceEqual(InputShape))
            throw new ArgumentException(
                $"{Name} expects inputs of shape [N, {string.Join(", ", InputShape)}], got [{string.Join(", ", inputs.shape)}]", nameof(inputs));
        Guard.SameDTypeAndDevice(inputs, dtype, device, nameof(inputs));
    }

    /// <summary>Logits [N, K] for inputs already checked against <see cref="InputShape"/> and θ already checked to have length P.</summary>
    protected abstract Tensor ForwardCore(Tensor theta, Tensor inputs);

    /// <summary>
    /// Binds θ for differentiation: the autograd leaves holding θ's values and the forward pass using them. Here the one
    /// leaf is θ itself when it is a leaf that requires grad (otherwise a detached leaf sharing its storage), and the
    /// forward pass is <see cref="Forward"/>, so the binding costs nothing.
    /// </summary>
    public virtual ParameterBinding Bind(Tensor theta)
    {
        Guard.Shape(theta, nameof(theta), ParameterCount);
        var leaf = theta.requires_grad && theta.is_leaf ? theta : theta.detach().requires_grad_(true);
        return new ParameterBinding(new[] { leaf }, x => Forward(leaf, x), static () => true, Name);
    }

    /// <summary>Why the model cannot be evaluated on data of this dtype and device, or null when it can.</summary>
    internal virtual string? Incompatibility(ScalarType dtype, Device device) => null;

    /// <summary>Appends a block of the given <paramref name="shape"/> at the end of θ and returns it.</summary>
    /// <param name="name">Parameter name, e.g. "fc1.weight".</param>
    /// <param name="layer">Index of the weight layer it belongs to.</param>
    /// <param name="isBias">True for a bias (initialised to zero).</param>
    /// <param name="fanIn">Inputs per output unit (Kaiming scale √(2/fanIn)).</param>
    /// <param name="shape">Shape of the block.</param>
    protected ParameterBlock AddBlock(string name, int layer, bool isBias, long fanIn, params long[] shape)
    {
        var block = new ParameterBlock(name, layer, isBias, ParameterCount, shape, fanIn);
        _blocks.Add(block);
        return block;
    }

    /// <summary>
    /// Kaiming-normal initialization (He et al. 2015, fan-in mode, gain √2): weights ~ N(0, 2/fan_in),
    /// biases zero, drawn from a generator seeded with <paramref name="seed"/> on the CPU (so the same seed gives
    /// the same θ on every device) and then moved to <paramref name="device"/>.
    /// </summary>
    public Tensor InitialParameters(long seed, ScalarType dtype = ScalarType.Float64, Device? device = null)
    {
        TorchRuntime.EnsureLoaded();
        using var scope = torch.NewDisposeScope();
        var gen = new torch.Generator((ulong)seed);
        var theta = torch.zeros(ParameterCount, dtype: ScalarType.Float64);
        foreach (var b in _blocks.Where(b => !b.IsBias))
        {
            var w = torch.randn(new[] { b.Count }, dtype: ScalarType.Float64, generator: gen) * Math.Sqrt(2.0 / b.FanIn);
            theta.narrow(0, b.Offset, b.Count).copy_(w);
        }
        return theta.to(dtype).to(device ?? torch.CPU).MoveToOuterDisposeScope();
    }

    /// <summary>Name, P and homogeneity degree L, e.g. "LeNet-300-100 (P = 266200, L = 3)".</summary>
    public override string ToString() => $"{Name} (P = {ParameterCount}, L = {HomogeneityDegree?.ToString() ?? "none"})";
}
