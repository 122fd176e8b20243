
namespace Goldilocks.Cli.Infrastructure;

/// <summary>--resume and --shard i/n of the sweep commands.</summary>
public static class SweepOptions
{
    public static readonly Option<bool> Resume = new("--resume")
    {
        Description = "Reuse the cells already saved under --out/cells (same settings) and compute only the missing ones.",
    };

    public static readonly Option<string?> Shard = new Option<string?>("--shard")
    {
        Description = "Run only grid cells with index ≡ i (mod n), written i/n; join shard folders with 'goldilocks merge'.",
    }.Shard();

    public static void AddTo(Command command)
    {
        command.Options.Add(Resume);
        command.Options.Add(Shard);
    }

    public static ShardSpec ShardOf(ParseResult parse) => parse.GetValue(Shard) is { } s ? ShardSpec.Parse(s) : ShardSpec.All;
}
