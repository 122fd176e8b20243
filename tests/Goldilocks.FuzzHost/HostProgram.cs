using System.Globalization;

namespace Goldilocks.FuzzHost;

/// <summary>
/// Entry point of the child process the reliability tests launch. Modes:
/// <c>fuzz SEED COUNT</c>, <c>native-fault</c>, <c>determinism SEED THREADS</c>, <c>soak PRODUCTS WARMUP [leak]</c>.
/// Each prints machine-readable lines (prefix <c>FUZZ-SUMMARY</c>, <c>DET</c>, <c>SOAK</c>) and exits 0; a broken
/// fuzz contract exits 3, an unexpected exception exits non-zero with the stack trace on stderr; a native abort exits 134.
/// </summary>
public static class HostProgram
{
    public const int UsageError = 2;

    /// <summary>Exit code of a fuzz run in which some input broke the contract (listed on the summary line).</summary>
    public const int ContractBroken = 3;

    public static int Main(string[] args)
    {
        if (args.Length == 0) return Usage();
        TorchRuntime.EnsureLoaded();
        torch.set_default_dtype(ScalarType.Float64);
        switch (args[0])
        {
            case "fuzz" when args.Length == 3:
                var summary = new Fuzzer(Long(args[1])).Run(Int(args[2]));
                Console.WriteLine(summary.ToLine());
                return summary.Unexpected.Count == 0 ? 0 : ContractBroken;
            case "native-fault":
                NativeFault.Inject();
                Console.WriteLine("NATIVE-FAULT survived (the fault was not fatal)");
                return 0;
            case "determinism" when args.Length == 3:
                torch.set_num_threads(Int(args[2]));
                foreach (var line in DeterminismProbe.Run(Long(args[1]))) Console.WriteLine(line);
                return 0;
            case "soak" when args.Length == 3:
                Console.WriteLine(Soak.Run(Int(args[1]), Int(args[2])).ToLine());
                return 0;
            case "soak" when args.Length == 4 && args[3] == "leak":
                Console.WriteLine(Soak.Run(Int(args[1]), Int(args[2]), leakPerProduct: true).ToLine());
                return 0;
            default:
                return Usage();
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: Goldilocks.FuzzHost fuzz SEED COUNT | native-fault | determinism SEED THREADS | soak PRODUCTS WARMUP [leak]");
        return UsageError;
    }

    private static long Long(string s) => long.Parse(s, CultureInfo.InvariantCulture);
    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}
