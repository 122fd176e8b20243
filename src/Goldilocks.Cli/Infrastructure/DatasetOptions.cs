using Goldilocks.Data;

namespace Goldilocks.Cli.Infrastructure;

/// <summary>--dataset, --samples, --data-dir, --features: the data options shared by the experiment commands.</summary>
public sealed class DatasetOptions
{
    public static readonly string[] Names = { "auto", "synthetic", "fashion-mnist", "cifar10", "noise" };

    public DatasetOptions(int defaultSamples, string defaultDataset = "synthetic")
    {
        Dataset = new Option<string>("--dataset")
        {
            Description = "auto (fashion-mnist when installed, else synthetic), synthetic (built-in Gaussian class clusters), " +
                          "fashion-mnist (Debian dataset-fashion-mnist or --data-dir), cifar10 (binary batches in --data-dir) or " +
                          "noise (standard Gaussian images, balanced random labels).",
            DefaultValueFactory = _ => defaultDataset,
        }.OneOf(Names);
        Samples = new Option<int>("--samples") { Description = "Number of training samples (class-balanced).", DefaultValueFactory = _ => defaultSamples }.AtLeast(1);
    }

    public Option<string> Dataset { get; }

    public Option<int> Samples { get; }

    public Option<string?> DataDirectory { get; } = new("--data-dir") { Description = "Folder with the dataset files (FashionMNIST IDX or CIFAR-10 binary batches)." };

    public Option<double[]?> Prior { get; } = new Option<double[]?>("--prior")
    {
        Description = "Class prior Q (K values summing to 1): an imbalanced subset drawn per class (Cui et al. 2019) instead of a balanced one.",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<int> Features { get; } = new Option<int>("--features")
    {
        Description = "Input dimension of the synthetic dataset.",
        DefaultValueFactory = _ => 20,
    }.AtLeast(1);

    public void AddTo(Command command)
    {
        command.Options.Add(Dataset);
        command.Options.Add(Samples);
        command.Options.Add(DataDirectory);
        command.Options.Add(Features);
        command.Options.Add(Prior);
    }

    public DatasetRequest Request(ParseResult parse, long seed, bool images)
    {
        string? dir = parse.GetValue(DataDirectory);
        var kind = parse.GetValue(Dataset)!.ToLowerInvariant() switch
        {
            "auto" => FashionMnist.IsAvailable(dir) ? DatasetKind.FashionMnist : DatasetKind.Synthetic,
            "fashion-mnist" => DatasetKind.FashionMnist,
            "cifar10" => DatasetKind.Cifar10,
            "noise" => DatasetKind.GaussianNoise,
            _ => DatasetKind.Synthetic,
        };
        if (kind == DatasetKind.FashionMnist && !FashionMnist.IsAvailable(dir))
            throw new CliUsageException(FashionMnist.InstallHint + (dir is null ? "" : $" (looked in {dir})"));
        if (kind == DatasetKind.Cifar10 && !Cifar10.IsAvailable(dir))
            throw new CliUsageException(Cifar10.InstallHint + (dir is null ? "" : $" (looked in {dir})"));
        return new DatasetRequest(kind, parse.GetValue(Samples), seed, images, parse.GetValue(Features), DataDirectory: dir, Prior: parse.GetValue(Prior) is { Length: > 0 } q ? q : null);
    }

    public static JsonObject Json(DatasetRequest r, Dataset data) => new()
    {
        ["dataset"] = r.Kind.ToString(),
        ["datasetName"] = data.Name,
        ["samples"] = r.Samples,
        ["features"] = r.Kind == DatasetKind.Synthetic && !r.Images ? r.Features : null,
        ["dataDirectory"] = r.DataDirectory,
        ["prior"] = r.Prior is null ? null : new JsonArray(r.Prior.Select(q => (JsonNode?)q).ToArray()),
        ["classPrior"] = new JsonArray(data.ClassPrior().Select(q => (JsonNode?)q).ToArray()),
    };
}
