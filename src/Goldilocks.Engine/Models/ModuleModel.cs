using Goldilocks.Runtime;
using static TorchSharp.torch;

namespace Goldilocks.Models;

/// <summary>
/// Any TorchSharp module that maps inputs [N, ...] to logits [N, K] (an <c>nn.Sequential</c>, a custom
/// <c>nn.Module&lt;Tensor, Tensor&gt;</c>, or a TorchScript module: see <see cref="TorchScriptModel"/>) seen as a model of
/// one flat parameter vector θ ∈ R^P: θ is the module's trainable parameters (those that require grad), flattened and
/// concatenated in <c>parameters()</c> order. Derivatives are taken with respect to the parameter tensors themselves,
/// as PyHessian does: <see cref="Bind"/> copies θ into them (without a graph) and the module's forward pass uses them,
/// so the Hessian, G-term and H-term products, projections, Lanczos, Hutchinson, α-scaling and gradient descent all
/// work as for the built-in models. The homogeneity degree is measured (<see cref="Homogeneity"/>), not declared.
/// </summary>
/// <remarks>
/// <para>The module has one set of parameter tensors, so one binding is current at a time: binding other values (another
/// <see cref="Curvature.LinearizationPoint"/>, <see cref="Objectives.Objective.Value"/> at another θ) overwrites them, and
/// graphs built earlier are stale. A generation counter tells: <see cref="ParameterBinding.IsCurrent"/> turns false, a
/// linearization point rebuilds its graphs, and a stale graph is refused with an <see cref="InvalidOperationException"/>
/// before autograd could touch its outdated saved tensors (which would abort the process inside native code). Binding
/// the values the parameters already hold copies nothing and keeps earlier bindings current.</para>
/// <para>The module is put in evaluation mode (dropout off, batch-norm running statistics), so the loss is a
/// deterministic function of θ. Not thread-safe. <see cref="FlatModel.Forward"/> evaluates at θ without a graph; a θ
/// that requires grad is refused there (differentiate through <see cref="Bind"/>).</para>
/// </remarks>
public class ModuleModel : FlatModel, IDisposable
{
    /// <summary>Rows of the random probe batch that checks the output shape and measures the homogeneity degree.</summary>
    public const int ProbeSamples = 8;

    private readonly nn.Module _module;
    private readonly nn.IModule<Tensor, Tensor> _callable;
    private readonly Tensor[] _parameters;
    private readonly bool _ownsModule;
    private readonly Tensor _initialWeights;
    private long _generation;
    private bool _disposed;

    /// <summary>Adapts <paramref name="module"/> (which stays the caller's: it is not disposed with the model).</summary>
    /// <param name="module">An <c>nn.Module</c> whose forward maps inputs [N, ...<paramref name="inputShape"/>] to logits
    /// [N, K]; all its trainable parameters must share one floating dtype and device.</param>
    /// <param name="inputShape">Shape of one input sample as the module takes it, e.g. [784] or [1, 28, 28].</param>
    /// <param name="name">A name for messages and reports (default: the module's type name).</param>
    public ModuleModel(nn.IModule<Tensor, Tensor> module, long[] inputShape, string? name = null)
        : this(module, inputShape, name, ownsModule: false)
    {
    }

    private protected ModuleModel(nn.IModule<Tensor, Tensor> module, long[] inputShape, string? name, bool ownsModule)
        : base(name ?? module?.GetType().Name ?? "module", CheckedInputShape(inputShape), ProbeOutputs(module, inputShape, name))
    {
        _module = (nn.Module)module!;
        _callable = module!;
        _ownsModule = ownsModule; // ProbeOutputs has put the module in evaluation mode
        var named = TrainableParameters(_module);
        _parameters = named.Select(p => (Tensor)p.Parameter).ToArray();
        int layer = -1;
        foreach (var (parameterName, p) in named)
        {
            bool isBias = p.dim() <= 1;
            if (!isBias || layer < 0) layer++;
            AddBlock(parameterName, layer, isBias, p.dim() >= 2 ? p.numel() / p.shape[0] : 1, p.shape);
        }
        DType = _parameters[0].dtype;
        Device = _parameters[0].device;
        using var scope = torch.NewDisposeScope();
        var theta = CurrentParameters();
        var probe = ProbeInputs(inputShape, DType, Device);
        Homogeneity = Models.Homogeneity.Measure(this, theta, probe);
        Load(theta);
        _initialWeights = theta.detach().clone().DetachFromDisposeScope();
    }

    /// <summary>The dtype of the parameters (inputs and θ must have it).</summary>
    public ScalarType DType { get; }

    /// <summary>The device of the parameters (inputs and θ must be on it).</summary>
    public Device Device { get; }

    /// <summary>The adapted module.</summary>
    public nn.Module Module => _module;

    /// <summary>The homogeneity degree measured on a probe batch at the module's parameters when the model was made:
    /// f(αθ) = α^L f(θ) at α = 0.5, 2, 3 to 1e-10 relative (float64), or null with the reason.</summary>
    public HomogeneityMeasurement Homogeneity { get; }

    /// <inheritdoc/>
    public override int? HomogeneityDegree => Homogeneity.Degree;

    /// <summary>How many times the parameter tensors were overwritten with new values (a binding made at one generation
    /// is stale at the next).</summary>
    public long Generation => _generation;

    /// <summary>The values the parameter tensors hold now, as a new flat vector θ [P] (for a module loaded from a file,
    /// its trained or initial weights; <see cref="FlatModel.InitialParameters"/> draws Kaiming-normal weights instead).</summary>
    public Tensor CurrentParameters()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var noGrad = torch.no_grad();
        return torch.cat(_parameters.Select(p => p.detach().reshape(-1)).ToArray(), 0);
    }

    /// <summary>The values the parameter tensors held when the model was made (for a TorchScript file, the file's
    /// weights), as a new flat vector θ [P]; unlike <see cref="CurrentParameters"/> it does not change when other values
    /// are bound. The starting point of an experiment on a given module.</summary>
    public Tensor InitialWeights()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _initialWeights.clone();
    }

    /// <summary>Copies θ into the module's parameter tensors (only when their values differ) and returns the binding:
    /// the parameter tensors as autograd leaves and the module's forward pass.</summary>
    public override ParameterBinding Bind(Tensor theta)
    {
        Load(theta);
        long generation = _generation;
        return new ParameterBinding(_parameters, Call, () => !_disposed && _generation == generation, Name);
    }

    /// <summary>Logits at θ without a graph (θ is copied into the parameters).</summary>
    protected override Tensor ForwardCore(Tensor theta, Tensor inputs)
    {
        if (theta.requires_grad && torch.is_grad_enabled())
            throw new InvalidOperationException(
                $"{Name} is a module: its logits are differentiable in its parameter tensors, not in a flat θ. " +
                "Differentiate through Bind(θ) (Objective, LinearizationPoint and GradientDescent do), or evaluate under no_grad");
        using var noGrad = torch.no_grad();
        Load(theta);
        return Call(inputs);
    }

    internal override string? Incompatibility(ScalarType dtype, Device device) =>
        dtype != DType ? $"the data has dtype {dtype} but the parameters of {Name} have {DType} (convert the module, e.g. module.to({dtype}))"
        : device.ToString() != Device.ToString() ? $"the data is on {device} but the parameters of {Name} are on {Device}"
        : null;

    /// <summary>Disposes the module when the model owns it (a loaded TorchScript file); a module passed to the public
    /// constructor stays the caller's. Bindings turn stale.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _initialWeights.Dispose();
        if (_ownsModule) _module.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Load(Tensor theta)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Guard.Shape(theta, nameof(theta), ParameterCount);
        Guard.SameDTypeAndDevice(theta, DType, Device, nameof(theta));
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var parts = Blocks.Select(b => theta.narrow(0, b.Offset, b.Count)).ToArray();
        if (_parameters.Zip(parts).All(pair => torch.eq(pair.First.reshape(-1), pair.Second).all().item<bool>())) return;
        for (int i = 0; i < _parameters.Length; i++) _parameters[i].copy_(parts[i].view(_parameters[i].shape));
        _generation++;
    }

    private Tensor Call(Tensor inputs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        CheckInputs(inputs, DType, Device);
        var logits = _callable.call(inputs);
        if (logits.dim() != 2 || logits.shape[0] != inputs.shape[0] || logits.shape[1] != Outputs)
            throw new InvalidOperationException($"{Name} returned logits of shape [{string.Join(", ", logits.shape)}] for {inputs.shape[0]} inputs; expected [{inputs.shape[0]}, {Outputs}]");
        return logits;
    }

    private static (string Name, TorchSharp.Modules.Parameter Parameter)[] TrainableParameters(nn.Module module)
    {
        var named = module.named_parameters().Where(p => p.parameter.requires_grad).ToArray();
        foreach (var (_, p) in named) p.DetachFromDisposeScope();
        return named;
    }

    private static long[] CheckedInputShape(long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Length == 0 || inputShape.Any(d => d < 1))
            throw new ArgumentException($"the input shape of one sample must be non-empty with positive sizes, got [{string.Join(", ", inputShape)}]", nameof(inputShape));
        return inputShape.ToArray();
    }

    /// <summary>Validates the module (parameters, one dtype and device) and returns K from ONE forward pass on a probe
    /// batch, before any autograd call.</summary>
    private static int ProbeOutputs(nn.IModule<Tensor, Tensor>? module, long[] inputShape, string? name)
    {
        ArgumentNullException.ThrowIfNull(module); // the input shape was checked by the argument before this one
        TorchRuntime.EnsureLoaded();
        name ??= module.GetType().Name;
        if (module is not nn.Module m)
            throw new ArgumentException($"{name} is not a TorchSharp nn.Module", nameof(module));
        var parameters = TrainableParameters(m);
        if (parameters.Length == 0)
            throw new ArgumentException($"{name} has no trainable parameters (none requires grad)", nameof(module));
        var (dtype, device) = (parameters[0].Parameter.dtype, parameters[0].Parameter.device);
        if (!parameters[0].Parameter.is_floating_point())
            throw new ArgumentException($"{name}: parameter {parameters[0].Name} has dtype {dtype}; a floating dtype is required", nameof(module));
        foreach (var (pname, p) in parameters)
        {
            if (p.dtype != dtype || p.device.ToString() != device.ToString())
                throw new ArgumentException($"{name}: parameter {pname} is {p.dtype} on {p.device}, but {parameters[0].Name} is {dtype} on {device}; all parameters must share one dtype and device", nameof(module));
        }
        m.eval();
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var probe = ProbeInputs(inputShape, dtype, device);
        Tensor output;
        try
        {
            output = module.call(probe);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ArgumentException($"{name} failed on a probe batch of inputs [{ProbeSamples}, {string.Join(", ", inputShape)}]: {e.Message}", nameof(inputShape), e);
        }
        if (output is null || output.dim() != 2 || output.shape[0] != ProbeSamples || output.shape[1] < 1)
            throw new ArgumentException(
                $"{name} must map inputs [N, {string.Join(", ", inputShape)}] to logits [N, K], but for N = {ProbeSamples} it returned [{string.Join(", ", output?.shape ?? Array.Empty<long>())}]", nameof(module));
        if (output.dtype != dtype)
            throw new ArgumentException($"{name} returned logits of dtype {output.dtype}; its parameters have {dtype}", nameof(module));
        if (output.shape[1] > int.MaxValue) throw new ArgumentException($"{name} returned {output.shape[1]} logits per sample", nameof(module));
        return (int)output.shape[1];
    }

    /// <summary>Seeded standard-normal inputs [<see cref="ProbeSamples"/>, ...inputShape], drawn on the CPU.</summary>
    private static Tensor ProbeInputs(long[] inputShape, ScalarType dtype, Device device) =>
        torch.randn(new long[] { ProbeSamples }.Concat(inputShape).ToArray(), dtype: ScalarType.Float64, generator: new torch.Generator(20240611))
            .to(dtype).to(device);
}
