using Goldilocks.Data;
using Goldilocks.Models;

namespace Goldilocks.Cli.Infrastructure;

/// <summary>A command's data and network (disposed together), from <see cref="ModelChoice.Load"/>.</summary>
public sealed record ModelSetup(DatasetRequest Request, Dataset Data, FlatModel Model, string Choice) : IDisposable
{
    /// <summary>The settings every command records about its network and data: model, modelFile, modelName,
    /// parameterCount, the homogeneity degree L (measured for a file, declared for a built-in model; null with the reason
    /// when there is none) and the data.</summary>
    public void AddTo(JsonObject settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["model"] = Choice;
        settings["modelName"] = Model.Name;
        if (Model is TorchScriptModel file)
        {
            settings["modelFile"] = Path.GetFullPath(file.Path);
            settings["images"] = Request.Images;
        }
        settings["parameterCount"] = Model.ParameterCount;
        settings["homogeneityDegree"] = Model.HomogeneityDegree;
        if (Model.HomogeneityDegree is null) settings["homogeneityReason"] = HomogeneityReason(Model);
        settings["data"] = DatasetOptions.Json(Request, Data);
    }

    /// <summary>Why <paramref name="model"/> has no degree L: the measurement's reason for a module, the declaration for a
    /// built-in model.</summary>
    public static string HomogeneityReason(FlatModel model) => model is ModuleModel module
        ? module.Homogeneity.Reason ?? "not measured"
        : $"{model.Name} is not positively homogeneous (it has biases or a non-homogeneous activation)";

    /// <summary>Throws the usage error of a command that needs L (T = α^L, η = η₀α^(2−L), Eq. 5), naming why there is none.</summary>
    public int RequireDegree(string what) => Model.HomogeneityDegree ??
        throw new CliUsageException($"{what} needs the homogeneity degree L of the model, and {Model.Name} has none: {HomogeneityReason(Model)}");

    public void Dispose()
    {
        (Model as IDisposable)?.Dispose();
        Data.Dispose();
    }
}
