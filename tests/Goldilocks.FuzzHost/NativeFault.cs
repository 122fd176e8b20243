namespace Goldilocks.FuzzHost;

/// <summary>
/// Deliberately bypasses SafeAutograd: native <c>torch.autograd.grad</c> on an input the output does not use (without
/// allow_unused) throws a c10::Error that TorchSharp 0.107 does not translate, so the process aborts (exit 134).
/// The reliability tests use it to show that the harness detects a native abort, i.e. that the immunity test can fail.
/// </summary>
public static class NativeFault
{
    public static void Inject()
    {
        var used = torch.ones(3).requires_grad_(true);
        var unused = torch.ones(3).requires_grad_(true);
        var output = (used * 2).sum();
        Console.Error.WriteLine("injecting native fault: autograd.grad on an unused input");
        Console.Error.Flush();
        torch.autograd.grad(new[] { output }, new[] { unused });
    }
}
