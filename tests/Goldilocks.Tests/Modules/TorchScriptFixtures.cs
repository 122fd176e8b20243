using System.Text.Json;

namespace Goldilocks.Tests.Modules;

/// <summary>The committed TorchScript files of tests/Goldilocks.Tests/Fixtures/TorchScript and PyTorch's numbers for them
/// (reference.json, made by scripts/make-torchscript-fixtures.py; reading them needs no Python).</summary>
public static class TorchScriptFixtures
{
    public static readonly string[] Models = { "relu_mlp", "biased_mlp", "leaky_mlp", "small_cnn" };

    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "Goldilocks.Tests", "Fixtures", "TorchScript");

    public static string File(string name) => Path.Combine(Folder, name);

    private static readonly Lazy<JsonDocument> Document = new(() => JsonDocument.Parse(System.IO.File.ReadAllText(File("reference.json"))));

    public static JsonElement Reference => Document.Value.RootElement;

    public static JsonElement Model(string name) => Reference.GetProperty("models").GetProperty(name);

    public static long[] SampleShape(string name) => name == "small_cnn" ? new long[] { 1, 28, 28 } : new long[] { 784 };

    /// <summary>The 8 samples and labels, shaped as <paramref name="name"/> takes them, float64.</summary>
    public static Dataset Data(string name, int classes = 10)
    {
        var x = System.IO.File.ReadAllBytes(File("inputs.f64"));
        var y = System.IO.File.ReadAllBytes(File("labels.i64"));
        var inputs = new double[x.Length / 8];
        Buffer.BlockCopy(x, 0, inputs, 0, x.Length);
        var labels = new long[y.Length / 8];
        Buffer.BlockCopy(y, 0, labels, 0, y.Length);
        var shape = new long[] { labels.Length }.Concat(SampleShape(name)).ToArray();
        return new Dataset(torch.tensor(inputs, dtype: ScalarType.Float64).view(shape), torch.tensor(labels, dtype: ScalarType.Int64), classes, $"fixture samples for {name}");
    }

    public static TorchScriptModel Load(string name, Dataset data) => TorchScriptModel.Load(File(Model(name).GetProperty("file").GetString()!), data);

    /// <summary>The HVP probe of reference.json: v[i] = sin(0.37 i + 0.11).</summary>
    public static Tensor Probe(long size) =>
        torch.tensor(Enumerable.Range(0, (int)size).Select(i => Math.Sin(0.37 * i + 0.11)).ToArray(), dtype: ScalarType.Float64);

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();
}
