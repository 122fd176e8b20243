using Goldilocks.Data;
using Goldilocks.Models;

namespace Goldilocks.Cli.Infrastructure;

/// <summary>The --model names and the networks they build for a dataset's sample shape and class count.</summary>
public static class ModelChoice
{
    public static readonly string[] Names = { "mlp", "lenet300100", "lenet5", "deeplinear" };

    /// <summary>LeNet-5 needs image-shaped inputs [C, S, S]; the others flat vectors.</summary>
    public static bool NeedsImages(string name) => name.Equals("lenet5", StringComparison.OrdinalIgnoreCase);

    public static FlatModel Create(string name, Dataset data, IReadOnlyList<int> hidden)
    {
        var shape = data.Inputs.shape.Skip(1).ToArray();
        int features = (int)shape.Aggregate(1L, (a, b) => a * b);
        return name.ToLowerInvariant() switch
        {
            "mlp" => new Mlp(features, hidden, data.Classes, Activation.ReLU, bias: false),
            "lenet300100" => Mlp.LeNet300100(features, data.Classes),
            "deeplinear" => Mlp.DeepLinear(features, hidden, data.Classes),
            "lenet5" when shape.Length == 3 && shape[1] == shape[2] => new LeNet5((int)shape[0], (int)shape[1], data.Classes),
            "lenet5" => throw new CliUsageException($"lenet5 needs square images, but {data.Name} has samples of shape [{string.Join(", ", shape)}]"),
            _ => throw new CliUsageException($"unknown model '{name}': use one of {string.Join(", ", Names)}"),
        };
    }
}
