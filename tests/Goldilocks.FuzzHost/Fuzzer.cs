using System.Collections;
using System.Globalization;

namespace Goldilocks.FuzzHost;

/// <summary>Counts of one fuzz run. <see cref="Unexpected"/> names each (case, outcome) that broke the contract.</summary>
public sealed record FuzzSummary(long Seed, int Tried, int Threw, int Returned, SortedDictionary<string, int> Exceptions, SortedSet<string> Unexpected)
{
    public string ToLine() => FormattableString.Invariant(
        $"FUZZ-SUMMARY seed={Seed} tried={Tried} threw={Threw} returned={Returned} exceptions={string.Join(",", Exceptions.Select(e => $"{e.Key}:{e.Value}"))}{(Unexpected.Count == 0 ? "" : " unexpected=" + string.Join(";", Unexpected))}");
}

/// <summary>
/// Drives the public API with random invalid and edge-case inputs. The contract checked: every call either returns
/// a result whose numbers are all finite, or throws one of the documented .NET exceptions (argument, state, data)
/// with a message. Anything else (a native <c>ExternalException</c>, a NaN result, a NullReferenceException, …)
/// is reported in <see cref="FuzzSummary.Unexpected"/>; a native abort kills the process, which the parent test sees.
/// </summary>
public sealed class Fuzzer
{
    private static readonly Type[] Expected =
    {
        typeof(ArgumentException), typeof(InvalidOperationException), typeof(InvalidDataException), typeof(FileNotFoundException),
        typeof(OverflowException), // a float64 overflow of a result (Guard.FiniteResult), reported instead of NaN
    };

    private readonly long _seed;
    private readonly Random _random;
    private readonly FuzzCases _cases;

    public Fuzzer(long seed)
    {
        _seed = seed;
        _random = new Random(unchecked((int)seed));
        _cases = new FuzzCases(seed);
    }

    public FuzzSummary Run(int count)
    {
        var exceptions = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var unexpected = new SortedSet<string>(StringComparer.Ordinal);
        int threw = 0, returned = 0;
        var all = _cases.All;
        for (int i = 0; i < count; i++)
        {
            var (name, make) = all[_random.Next(all.Count)];
            using var scope = torch.NewDisposeScope();
            var (input, call) = make(_random);
            // Written before the call so that a native abort leaves the offending input on stderr.
            Console.Error.WriteLine($"#{i} {name}: {input}");
            try
            {
                var result = call();
                string? bad = FiniteCheck.FirstNonFinite(result);
                if (bad is not null) unexpected.Add($"{name}({input})-returned-non-finite-{bad}".Replace(' ', '_'));
                else returned++;
            }
            catch (Exception e) when (Expected.Any(t => t.IsInstanceOfType(e)) && !string.IsNullOrWhiteSpace(e.Message))
            {
                threw++;
                string type = e.GetType().Name;
                exceptions[type] = exceptions.GetValueOrDefault(type) + 1;
            }
            catch (Exception e)
            {
                Console.Error.WriteLine(e);
                unexpected.Add($"{name}({input})-threw-{e.GetType().Name}".Replace(' ', '_'));
            }
        }
        return new FuzzSummary(_seed, count, threw, returned, exceptions, unexpected);
    }
}

/// <summary>Finds a NaN/±Inf anywhere in a result: doubles, arrays, tuples, tensors, records (two levels of properties).</summary>
public static class FiniteCheck
{
    public static string? FirstNonFinite(object? result, int depth = 0)
    {
        switch (result)
        {
            case null: return null;
            case double d: return double.IsFinite(d) ? null : d.ToString(CultureInfo.InvariantCulture);
            case Tensor t:
                if (t.IsInvalid || !t.is_floating_point() || t.numel() == 0) return null;
                using (var scope = torch.NewDisposeScope())
                    return torch.isfinite(t).all().item<bool>() ? null : "tensor";
            case string: return null;
            case System.Runtime.CompilerServices.ITuple tuple:
                for (int i = 0; i < tuple.Length; i++)
                    if (FirstNonFinite(tuple[i], depth) is { } bad) return $"Item{i + 1}={bad}";
                return null;
            case IEnumerable items:
                foreach (var item in items)
                    if (FirstNonFinite(item, depth) is { } bad) return bad;
                return null;
        }
        if (depth > 1 || result.GetType().IsPrimitive || result.GetType().IsEnum) return null;
        foreach (var p in result.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
            if (FirstNonFinite(p.GetValue(result), depth + 1) is { } bad) return $"{p.Name}={bad}";
        return null;
    }
}
