using Goldilocks.Benchmarks;

string mode = args.Length > 0 ? args[0] : "probe";
switch (mode)
{
    case "probe":
        Probe.Run(args.Length > 1 ? args[1] : Workload.LeNet300100);
        return 0;
    default:
        Console.Error.WriteLine($"unknown mode '{mode}'");
        return 2;
}
