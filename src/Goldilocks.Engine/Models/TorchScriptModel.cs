using System.Runtime.InteropServices;
using Goldilocks.Data;
using Goldilocks.Runtime;
using static TorchSharp.torch;

namespace Goldilocks.Models;

/// <summary>
/// A TorchScript file saved by PyTorch (<c>torch.jit.save</c>; files of PyTorch 1.13 load in TorchSharp 0.107) as a
/// <see cref="ModuleModel"/>: loaded with <c>torch.jit.load</c>, converted to the requested dtype and device, put in
/// evaluation mode, and checked on a probe batch to map inputs [N, ...] to logits [N, K] before any autograd call.
/// The model owns the loaded module: dispose it when done.
/// </summary>
public sealed class TorchScriptModel : ModuleModel
{
    private TorchScriptModel(jit.ScriptModule<Tensor, Tensor> module, string path, long[] inputShape)
        : base(module, inputShape, System.IO.Path.GetFileName(path), ownsModule: true)
    {
        Path = path;
    }

    /// <summary>The file the module was loaded from.</summary>
    public string Path { get; }

    /// <summary>Loads a TorchScript file whose module takes inputs shaped like the samples of <paramref name="data"/>,
    /// in its dtype and on its device.</summary>
    public static TorchScriptModel Load(string path, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Load(path, data.Inputs.shape.Skip(1).ToArray(), data.DType, data.Device);
    }

    /// <summary>Loads a TorchScript file.</summary>
    /// <param name="path">A file saved by <c>torch.jit.save</c>.</param>
    /// <param name="inputShape">Shape of one input sample as the module takes it: [C·H·W] for flat vectors,
    /// [C, H, W] for images.</param>
    /// <param name="dtype">The dtype to convert the parameters to (float64 by default).</param>
    /// <param name="device">The device to move the module to (CPU by default).</param>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">The file is not TorchScript, or its module does not map inputs of
    /// <paramref name="inputShape"/> to logits [N, K].</exception>
    public static TorchScriptModel Load(string path, long[] inputShape, ScalarType dtype = ScalarType.Float64, Device? device = null)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("a TorchScript file path is required", nameof(path));
        if (!File.Exists(path)) throw new FileNotFoundException($"TorchScript file not found: {path}", path);
        CheckZipMagic(path);
        TorchRuntime.EnsureLoaded();
        jit.ScriptModule<Tensor, Tensor> module;
        try
        {
            module = jit.load<Tensor, Tensor>(path);
        }
        catch (Exception e) when (e is ExternalException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException($"{path} is not a TorchScript module that torch.jit.load can read: {FirstLine(e.Message)}", e);
        }
        try
        {
            module.to(dtype);
            module.to(device ?? torch.CPU);
            return new TorchScriptModel(module, path, inputShape);
        }
        catch (Exception e) when (e is ArgumentException or ExternalException)
        {
            module.Dispose();
            throw new InvalidDataException($"{path}: {FirstLine(e.Message)}", e);
        }
    }

    /// <summary>A file saved by <c>torch.jit.save</c> is a zip archive; anything else is refused before native code
    /// reads it.</summary>
    private static void CheckZipMagic(string path)
    {
        Span<byte> head = stackalloc byte[4];
        int read;
        using (var stream = File.OpenRead(path)) read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        // Bytes not read stay 0 (stackalloc is zero-initialised), so a file shorter than 4 bytes fails the comparison.
        if (head[0] != (byte)'P' || head[1] != (byte)'K' || head[2] != 3 || head[3] != 4)
            throw new InvalidDataException($"{path} is not a TorchScript file: a file saved by torch.jit.save is a zip archive (it starts with \"PK\\x03\\x04\"), this one {(read < 4 ? $"has only {read} bytes" : "does not")}");
    }

    /// <summary>The first line of a native error (its summary; TorchScript appends a C++ trace), or the
    /// whole message when that line is blank.</summary>
    internal static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length == 0 ? message : line;
    }
}
