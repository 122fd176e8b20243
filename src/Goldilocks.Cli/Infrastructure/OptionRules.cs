
namespace Goldilocks.Cli.Infrastructure;

/// <summary>Parse-time validators: a bad value becomes a parse error (message on stderr, exit code 2).</summary>
public static class OptionRules
{
    public static Option<double> PositiveFinite(this Option<double> option)
    {
        option.Validators.Add(r =>
        {
            if (!TryGet(r, out double v)) return;
            if (!double.IsFinite(v) || v <= 0) r.AddError($"{option.Name} must be a positive finite number, got {v}");
        });
        return option;
    }

    public static Option<double[]> PositiveFinite(this Option<double[]> option)
    {
        option.Validators.Add(r =>
        {
            if (!TryGet(r, out double[]? values) || values is null) return;
            if (values.Length == 0) r.AddError($"{option.Name} needs at least one value");
            foreach (var v in values.Where(v => !double.IsFinite(v) || v <= 0))
                r.AddError($"{option.Name} values must be positive finite numbers, got {v}");
        });
        return option;
    }

    public static Option<int> AtLeast(this Option<int> option, int min)
    {
        option.Validators.Add(r =>
        {
            if (!TryGet(r, out int v)) return;
            if (v < min) r.AddError($"{option.Name} must be ≥ {min}, got {v}");
        });
        return option;
    }

    public static Option<int[]> AllAtLeast(this Option<int[]> option, int min)
    {
        option.Validators.Add(r =>
        {
            if (!TryGet(r, out int[]? values) || values is null) return;
            foreach (var v in values.Where(v => v < min))
                r.AddError($"{option.Name} values must be ≥ {min}, got {v}");
        });
        return option;
    }

    /// <summary>Accepts one of <paramref name="allowed"/> (case-insensitive) and names them in the error.</summary>
    public static Option<string> OneOf(this Option<string> option, params string[] allowed)
    {
        option.Validators.Add(r =>
        {
            if (!TryGet(r, out string? v)) return;
            if (v is null || !allowed.Contains(v, StringComparer.OrdinalIgnoreCase))
                r.AddError($"unknown {option.Name.TrimStart('-')} '{v}': use one of {string.Join(", ", allowed)}");
        });
        return option;
    }

    public static Option<string?> Shard(this Option<string?> option)
    {
        option.Validators.Add(r =>
        {
            if (!TryGet(r, out string? v) || v is null) return;
            try { ShardSpec.Parse(v); }
            catch (FormatException e) { r.AddError($"{option.Name}: {e.Message}"); }
        });
        return option;
    }

    /// <summary>The option's value, or false when the token did not convert (the parser reports that error itself).</summary>
    private static bool TryGet<T>(System.CommandLine.Parsing.OptionResult r, out T value)
    {
        try
        {
            value = r.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }
}
