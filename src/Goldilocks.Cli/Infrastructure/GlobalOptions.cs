
namespace Goldilocks.Cli.Infrastructure;

/// <summary>Options every sub-command accepts (recursive options of the root command).</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Device = new("--device")
    {
        Description = "Compute device: cpu (default), cuda or cuda:N. Also read from GOLDILOCKS_DEVICE.",
        Recursive = true,
    };

    public static readonly Option<string?> Out = new("--out", "-o")
    {
        Description = "Output folder for JSON, CSV and PNG files (default: out/<command>).",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print the JSON document on stdout instead of the table.",
        Recursive = true,
    };

    public static readonly Option<long> Seed = new("--seed")
    {
        Description = "Seed s of the run (default 0): data drawn with s, the k-th initialization with s + k, its subspace with s + k + 1000003.",
        DefaultValueFactory = _ => 0,
        Recursive = true,
    };

    public static void AddTo(Command root)
    {
        root.Options.Add(Device);
        root.Options.Add(Out);
        root.Options.Add(Json);
        root.Options.Add(Seed);
    }
}
