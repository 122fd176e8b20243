using Goldilocks.Data;
using Goldilocks.Models;

namespace Goldilocks.Cli.Infrastructure;

/// <summary>The --model names and the networks they build for a dataset's sample shape and class count; --model-file
/// (a TorchScript file) and --images, accepted wherever --model is; and <see cref="Load"/>, which every command uses to
/// get its data and network.</summary>
public static class ModelChoice
{
    public static readonly string[] Names = { "mlp", "lenet300100", "lenet5", "deeplinear" };

    public static readonly Option<string?> File = new("--model-file")
    {
        Description = "A TorchScript file (torch.jit.save, float64 or converted to it) to use instead of --model. Its weights are the " +
                      "initialization θ₀ (α-scaling scales them; T = α^L needs the homogeneity degree L measured on the file); " +
                      "--seed still draws the data subset and the random subspaces. Inputs go in as flat vectors [N, C·H·W] " +
                      "unless --images is given.",
    };

    public static readonly Option<bool> Images = new("--images")
    {
        Description = "Pass the inputs of --model-file as images [N, C, H, W] instead of flat vectors [N, C·H·W].",
    };

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

    /// <summary>Adds --model-file and --images to a command's options (beside its --model and --hidden).</summary>
    public static Option[] WithFile(params Option[] options) => options.Concat(new Option[] { File, Images }).ToArray();

    /// <summary>
    /// Loads the data (seed <see cref="SeedRule.Data"/> of <paramref name="seed"/>) and builds the network: --model (with
    /// --hidden) or --model-file. Bad combinations and files are usage errors (exit code 2) with one message: --model
    /// and --model-file together, --images without --model-file (except with lenet5, which always takes images), a
    /// file that is not TorchScript or does not map the inputs to logits [N, K], and a K that is not the dataset's
    /// number of classes. A command without --model passes null and the network it builds, <paramref name="fixedModel"/>.
    /// The data are loaded in <paramref name="dtype"/> (float64 unless the command has --dtype); every operator follows it.
    /// </summary>
    public static ModelSetup Load(ParseResult parse, long seed, Device device, DatasetOptions dataOptions, Option<string>? model, Option<int[]> hidden,
        string fixedModel = "mlp", ScalarType dtype = ScalarType.Float64)
    {
        string? file = parse.GetValue(File);
        bool images = parse.GetValue(Images);
        string name = (model is null ? fixedModel : parse.GetValue(model)!).ToLowerInvariant();
        if (file is not null && model is not null && parse.GetResult(model) is { Implicit: false })
            throw new CliUsageException("--model and --model-file name two networks: give only one of them");
        if (file is null && images && !NeedsImages(name))
            throw new CliUsageException($"--images is for --model-file (the built-in {name} takes flat vectors; lenet5 always takes images)");
        var request = dataOptions.Request(parse, SeedRule.Data(seed), file is null ? NeedsImages(name) : images);
        var data = request.Load(dtype, device);
        try
        {
            var network = file is null ? Create(name, data, parse.GetValue(hidden)!) : LoadFile(file, data, images);
            return new ModelSetup(request, data, network, file is null ? name : "file");
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    private static TorchScriptModel LoadFile(string file, Dataset data, bool images)
    {
        var shape = data.Inputs.shape.Skip(1).ToArray();
        TorchScriptModel network;
        try
        {
            network = TorchScriptModel.Load(file, data);
        }
        catch (FileNotFoundException)
        {
            throw new CliUsageException($"--model-file: no such file {file}");
        }
        catch (InvalidDataException e) when (e.InnerException is ArgumentException { ParamName: "inputShape" or "module" } probe)
        {
            // The module loaded but failed on, or returned the wrong shape for, the probe batch of the data's sample shape.
            string hint = images ? "" : $"; inputs go in as flat vectors [N, {string.Join(", ", shape)}]: give --images for a network that takes images [N, C, H, W]";
            throw new CliUsageException($"--model-file {file}: {FirstLine(probe.Message.Replace($" (Parameter '{probe.ParamName}')", ""))}{hint}");
        }
        catch (InvalidDataException e)
        {
            throw new CliUsageException($"--model-file: {FirstLine(e.Message)}");
        }
        if (network.Outputs != data.Classes)
        {
            network.Dispose();
            throw new CliUsageException($"--model-file {file} has K = {network.Outputs} outputs, but {data.Name} has {data.Classes} classes");
        }
        return network;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
