namespace Goldilocks.Models;

/// <summary>
/// Fully connected network x → W_L σ(… σ(W_1 x)) with optional biases (default none). Without biases and with a
/// positively homogeneous activation it is L-homogeneous, L = number of weight layers.
/// </summary>
public sealed class Mlp : FlatModel
{
    private readonly List<(ParameterBlock Weight, ParameterBlock? Bias)> _layers = new();

    /// <summary>A fully connected network with the given widths.</summary>
    /// <param name="inputs">Input features D.</param>
    /// <param name="hidden">Hidden widths, first to last (empty for a linear model).</param>
    /// <param name="outputs">Number of logits K.</param>
    /// <param name="activation">Non-linearity between layers.</param>
    /// <param name="bias">Add a bias to every layer (the model is then not homogeneous).</param>
    /// <param name="name">Display name; derived from the widths when null.</param>
    public Mlp(int inputs, IReadOnlyList<int> hidden, int outputs, Activation activation = Activation.ReLU, bool bias = false, string? name = null)
        : base(name ?? $"MLP-{inputs}-{string.Join("-", hidden)}{(hidden.Count > 0 ? "-" : "")}{outputs}-{activation}{(bias ? "-bias" : "")}", new long[] { inputs }, outputs)
    {
        if (inputs < 1) throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "inputs must be ≥ 1");
        if (outputs < 1) throw new ArgumentOutOfRangeException(nameof(outputs), outputs, "outputs must be ≥ 1");
        if (hidden.Any(h => h < 1)) throw new ArgumentOutOfRangeException(nameof(hidden), "every hidden width must be ≥ 1");
        Activation = activation;
        HasBias = bias;
        var widths = new[] { inputs }.Concat(hidden).Append(outputs).ToArray();
        for (int l = 0; l + 1 < widths.Length; l++)
        {
            var w = AddBlock($"fc{l + 1}.weight", l, false, widths[l], widths[l + 1], widths[l]);
            var b = bias ? AddBlock($"fc{l + 1}.bias", l, true, widths[l], widths[l + 1]) : null;
            _layers.Add((w, b));
        }
    }

    /// <summary>LeNet-300-100 (LeCun et al. 1998) without biases, as in paper 000 Sec. 5.</summary>
    public static Mlp LeNet300100(int inputs = 784, int classes = 10) =>
        new(inputs, new[] { 300, 100 }, classes, Activation.ReLU, bias: false, name: "LeNet-300-100");

    /// <summary>Deep linear network: identity activations, no biases; homogeneous of degree depth.</summary>
    public static Mlp DeepLinear(int inputs, IReadOnlyList<int> hidden, int outputs) =>
        new(inputs, hidden, outputs, Activation.Identity, bias: false, name: $"DeepLinear-{inputs}-{string.Join("-", hidden.Append(outputs))}");

    /// <summary>Non-linearity between layers.</summary>
    public Activation Activation { get; }

    /// <summary>True when every layer has a bias.</summary>
    public bool HasBias { get; }

    /// <inheritdoc/>
    public override int? HomogeneityDegree => !HasBias && Activation.IsPositivelyHomogeneous() ? _layers.Count : null;

    /// <inheritdoc/>
    protected override Tensor ForwardCore(Tensor theta, Tensor inputs)
    {
        var h = inputs;
        for (int l = 0; l < _layers.Count; l++)
        {
            var (w, b) = _layers[l];
            h = torch.nn.functional.linear(h, w.Of(theta), b?.Of(theta));
            if (l + 1 < _layers.Count) h = Activation.Apply(h);
        }
        return h;
    }
}
