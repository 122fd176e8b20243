
namespace Goldilocks.Papers.WangRoberts;

/// <summary>
/// The sum-of-multiplications (SoM) form of an MLP (Wang &amp; Roberts Eq. 3, App. A.1) and its ReLU-mask
/// linearisation (App. D): f(x)_o = Σ_paths (Π weights along the path) x_i + Σ_bias paths (Π weights) b_{j,k}, where a
/// ReLU unit enters as its 0/1 mask M. Evaluated by explicit path enumeration in plain double arithmetic (exponential
/// in depth: small networks only), so it shares no code with <see cref="FlatModel.Forward"/>.
/// </summary>
public static class SumOfMultiplications
{
    /// <summary>Path count above which <see cref="Evaluate"/> refuses.</summary>
    public const long MaxPaths = 2_000_000;

    /// <summary>
    /// Outputs f(x) [K] as a sum over paths. <paramref name="masks"/>[l][u] ∈ {0, 1} is the state of hidden unit u after
    /// weight layer l (null: all ones, i.e. σ = I, the Eq. 3 case).
    /// </summary>
    public static double[] Evaluate(Mlp model, double[] parameters, double[] input, IReadOnlyList<double[]>? masks = null)
    {
        var layers = Layers(model, parameters);
        if (input.Length != layers[0].In) throw new ArgumentException($"input has {input.Length} features, the model expects {layers[0].In}", nameof(input));
        if (masks is not null && masks.Count != layers.Count - 1) throw new ArgumentException($"need {layers.Count - 1} hidden masks, got {masks.Count}", nameof(masks));
        long paths = layers.Aggregate(1L, (a, l) => a * Math.Max(l.In, 1));
        if (paths > MaxPaths) throw new ArgumentException($"{paths} paths exceed the enumeration limit {MaxPaths}", nameof(model));
        var outputs = new double[model.Outputs];
        for (int o = 0; o < model.Outputs; o++)
        {
            // input contributions: paths x_i → … → output o
            for (int i = 0; i < input.Length; i++) outputs[o] += PathSum(layers, masks, 0, i, o) * input[i];
            // bias contributions: b_{j,k} → … → output o
            for (int j = 0; j < layers.Count; j++)
            {
                if (layers[j].Bias is null) continue;
                for (int k = 0; k < layers[j].Out; k++)
                    outputs[o] += (j + 1 == layers.Count ? (k == o ? 1 : 0) : Mask(masks, j, k) * PathSum(layers, masks, j + 1, k, o)) * layers[j].Bias![k];
            }
        }
        return outputs;
    }

    /// <summary>The ReLU masks M_l = 1{pre-activation &gt; 0} of every hidden layer at input x (App. D).</summary>
    public static double[][] ReluMasks(Mlp model, double[] parameters, double[] input)
    {
        var layers = Layers(model, parameters);
        var masks = new List<double[]>();
        var h = input;
        for (int l = 0; l + 1 < layers.Count; l++)
        {
            var pre = Enumerable.Range(0, layers[l].Out).Select(u =>
                Enumerable.Range(0, layers[l].In).Sum(i => layers[l].W[u, i] * h[i]) + (layers[l].Bias?[u] ?? 0)).ToArray();
            var m = pre.Select(p => p > 0 ? 1.0 : 0.0).ToArray();
            masks.Add(m);
            h = pre.Select((p, u) => p * m[u]).ToArray();
        }
        return masks.ToArray();
    }

    /// <summary>Σ over paths from unit <paramref name="unit"/> entering weight layer <paramref name="layer"/> to output o
    /// of the product of weights (and masks of the hidden units passed).</summary>
    private static double PathSum(IReadOnlyList<Layer> layers, IReadOnlyList<double[]>? masks, int layer, int unit, int output)
    {
        var l = layers[layer];
        if (layer + 1 == layers.Count) return l.W[output, unit];
        double total = 0;
        for (int next = 0; next < l.Out; next++)
        {
            double m = Mask(masks, layer, next);
            if (m != 0) total += l.W[next, unit] * m * PathSum(layers, masks, layer + 1, next, output);
        }
        return total;
    }

    private static double Mask(IReadOnlyList<double[]>? masks, int layer, int unit) => masks is null ? 1 : masks[layer][unit];

    private sealed record Layer(double[,] W, double[]? Bias)
    {
        public int Out => W.GetLength(0);
        public int In => W.GetLength(1);
    }

    private static List<Layer> Layers(Mlp model, double[] parameters)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (parameters.Length != model.ParameterCount)
            throw new ArgumentException($"{model.Name} has {model.ParameterCount} parameters, got {parameters.Length}", nameof(parameters));
        if (model.Activation is not (Activation.ReLU or Activation.Identity))
            throw new ArgumentException($"the SoM form needs identity or ReLU activations, got {model.Activation}", nameof(model));
        var layers = new List<Layer>();
        foreach (var group in model.Blocks.GroupBy(b => b.Layer).OrderBy(g => g.Key))
        {
            var wb = group.Single(b => !b.IsBias);
            var bb = group.SingleOrDefault(b => b.IsBias);
            var w = new double[wb.Shape[0], wb.Shape[1]];
            for (int r = 0; r < wb.Shape[0]; r++)
                for (int c = 0; c < wb.Shape[1]; c++) w[r, c] = parameters[wb.Offset + r * wb.Shape[1] + c];
            layers.Add(new Layer(w, bb is null ? null : parameters.Skip((int)bb.Offset).Take((int)bb.Count).ToArray()));
        }
        return layers;
    }
}
