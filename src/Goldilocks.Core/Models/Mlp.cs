namespace Goldilocks.Models;

/// <summary>
/// Fully connected network x → W_L σ(… σ(W_1 x)) with optional biases (default none). Without biases and with a
/// positively homogeneous activation it is L-homogeneous, L = number of weight layers.
/// </summary>
public sealed class Mlp : FlatModel
{
    private readonly List<(ParameterBlock Weight, ParameterBlock? Bias)> _layers = new();

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

    public Activation Activation { get; }

    public bool HasBias { get; }

    public override int? HomogeneityDegree => !HasBias && Activation.IsPositivelyHomogeneous() ? _layers.Count : null;

    protected override Tensor ForwardCore(Tensor theta, Tensor inputs) => From(0, FirstLayer(inputs, theta, theta), theta);

    /// <summary>W₁x + ε V₁x for the first layer (exact: it is linear in W₁), the other layers at θ + εv.</summary>
    protected override Tensor ForwardAlongCore(Tensor theta, Tensor v, Tensor epsilon, Tensor inputs)
    {
        var shifted = theta + epsilon * v;
        var z1 = FirstLayer(inputs, theta, shifted) + epsilon * torch.nn.functional.linear(inputs, _layers[0].Weight.Of(v));
        return From(0, z1, shifted);
    }

    /// <summary>The first layer's pre-activation, weights from <paramref name="weights"/>, bias from <paramref name="bias"/>.</summary>
    private Tensor FirstLayer(Tensor inputs, Tensor weights, Tensor bias) =>
        torch.nn.functional.linear(inputs, _layers[0].Weight.Of(weights), _layers[0].Bias?.Of(bias));

    /// <summary>The network from the pre-activation <paramref name="z"/> of layer <paramref name="layer"/> on.</summary>
    private Tensor From(int layer, Tensor z, Tensor theta)
    {
        var h = z;
        for (int l = layer + 1; l < _layers.Count; l++)
        {
            var (w, b) = _layers[l];
            h = torch.nn.functional.linear(Activation.Apply(h), w.Of(theta), b?.Of(theta));
        }
        return h;
    }
}
