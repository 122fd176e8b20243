using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Goldilocks.Tests.Cli;

/// <summary>
/// Field-by-field comparison of a command's JSON with its reviewed baseline (baselines/README.md, "Numeric baselines").
/// Numbers agree when |actual − expected| ≤ rtol · max(|actual|, |expected|, scale), where scale is the largest magnitude
/// among the baseline numbers of the same JSON object or array: a quantity whose exact value is 0 (the smallest
/// eigenvalue of a PSD G-term, a cancelling trace) is computed as round-off of the size of its neighbours, so it is
/// compared at that scale and not relative to itself. Strings, booleans, nulls, key sets and array lengths must match.
/// </summary>
public static class JsonBaseline
{
    /// <summary>Every difference as "path: expected X, got Y (rtol …)"; empty when the documents agree.</summary>
    public static List<string> Differences(JsonNode? expected, JsonNode? actual, Func<string, double> rtolOf, string path = "")
    {
        var found = new List<string>();
        Compare(expected, actual, rtolOf, path, scale: 0, found);
        return found;
    }

    private static void Compare(JsonNode? e, JsonNode? a, Func<string, double> rtolOf, string path, double scale, List<string> found)
    {
        switch (e, a)
        {
            case (null, null):
                return;
            case (JsonObject eo, JsonObject ao):
            {
                double s = ScaleOf(eo.Select(kv => kv.Value));
                foreach (var key in eo.Select(kv => kv.Key).Union(ao.Select(kv => kv.Key)))
                {
                    string p = path.Length == 0 ? key : $"{path}.{key}";
                    if (!eo.ContainsKey(key)) found.Add($"{p}: not in the baseline, got {ao[key]?.ToJsonString()}");
                    else if (!ao.ContainsKey(key)) found.Add($"{p}: missing, baseline has {eo[key]?.ToJsonString()}");
                    else Compare(eo[key], ao[key], rtolOf, p, s, found);
                }
                return;
            }
            case (JsonArray ea, JsonArray aa):
            {
                if (ea.Count != aa.Count) { found.Add($"{path}: {ea.Count} elements in the baseline, got {aa.Count}"); return; }
                double s = ScaleOf(ea);
                for (int i = 0; i < ea.Count; i++) Compare(ea[i], aa[i], rtolOf, $"{path}[{i}]", s, found);
                return;
            }
            case (JsonValue ev, JsonValue av) when IsNumber(ev) && IsNumber(av):
            {
                double x = Value(ev), y = Value(av), rtol = rtolOf(path);
                double bound = rtol * Math.Max(Math.Max(Math.Abs(x), Math.Abs(y)), scale);
                if (!(Math.Abs(x - y) <= bound))
                    found.Add(FormattableString.Invariant($"{path}: expected {x:R}, got {y:R} (|diff| {Math.Abs(x - y):G3} > {bound:G3} = rtol {rtol:G1} · scale)"));
                return;
            }
            default:
                string es = e?.ToJsonString() ?? "null", acts = a?.ToJsonString() ?? "null";
                if (es != acts) found.Add($"{path}: expected {es}, got {acts}");
                return;
        }
    }

    private static bool IsNumber(JsonValue v) => v.GetValueKind() == JsonValueKind.Number;

    private static double Value(JsonValue v) => double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);

    private static double ScaleOf(IEnumerable<JsonNode?> nodes) =>
        nodes.OfType<JsonValue>().Where(IsNumber).Select(v => Math.Abs(Value(v))).DefaultIfEmpty(0).Max();
}
