using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Goldilocks.Papers.Reporting;

/// <summary>
/// Source-generated System.Text.Json metadata of the result records the commands write (camelCase names, the record
/// as it is). A non-finite number is written as null (JSON has no NaN; an undefined quantity such as PC of a zero
/// matrix or the final loss of a diverged run is null) and null reads back as NaN.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    Converters = new[] { typeof(FiniteDoubleConverter) })]
[JsonSerializable(typeof(CurvaturePoint))]
[JsonSerializable(typeof(FullSpaceCurvature))]
[JsonSerializable(typeof(IReadOnlyList<CurvaturePoint>))]
[JsonSerializable(typeof(TemperatureSweepGrids))]
[JsonSerializable(typeof(TrainabilityCell))]
[JsonSerializable(typeof(TrainabilityResults))]
[JsonSerializable(typeof(SpectrumResult))]
[JsonSerializable(typeof(InstabilityResults))]
[JsonSerializable(typeof(ConfidenceResult))]
[JsonSerializable(typeof(GammaResults))]
[JsonSerializable(typeof(PriorGradientResults))]
[JsonSerializable(typeof(HutchinsonPoint))]
[JsonSerializable(typeof(IReadOnlyList<HutchinsonPoint>))]
[JsonSerializable(typeof(DimensionPoint))]
[JsonSerializable(typeof(IReadOnlyList<DimensionPoint>))]
[JsonSerializable(typeof(PreCollapsePoint))]
[JsonSerializable(typeof(IReadOnlyList<PreCollapsePoint>))]
public sealed partial class ResultJson : JsonSerializerContext
{
    /// <summary>The record as a JSON node, for a document's <c>results</c>.</summary>
    public static JsonNode ToNode<T>(T value, JsonTypeInfo<T> type) =>
        JsonSerializer.SerializeToNode(value, type) ?? throw new InvalidOperationException($"{typeof(T).Name} serialised to null");

    /// <summary>The record read back from a JSON node written by <see cref="ToNode"/>.</summary>
    public static T FromNode<T>(JsonNode node, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(node);
        try
        {
            return node.Deserialize(type) ?? throw new InvalidDataException($"expected a {typeof(T).Name}, got null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not a {typeof(T).Name}: {e.Message}", e);
        }
    }
}

/// <summary>Writes a non-finite double as null and reads null as NaN (the policy of <see cref="ReportJson.Number"/>).</summary>
public sealed class FiniteDoubleConverter : JsonConverter<double>
{
    /// <summary>True: null tokens reach <see cref="Read"/> (and become NaN).</summary>
    public override bool HandleNull => true;

    /// <summary>Reads a number, or null as NaN.</summary>
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    /// <summary>Writes a finite number as is and a non-finite one as null.</summary>
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteNullValue();
    }
}
