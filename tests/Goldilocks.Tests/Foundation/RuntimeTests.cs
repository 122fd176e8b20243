
namespace Goldilocks.Tests.Foundation;

public sealed class RuntimeTests
{
    [Test]
    public void Native_library_is_loaded_and_double_backward_works()
    {
        TestContext.Out.WriteLine($"native fix: {TorchRuntime.NativeFixStatus}");
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { 0.5, -1.25, 2.0 }, dtype: ScalarType.Float64).requires_grad_(true);
        var y = (x * x * x).sum();                                   // y = Σ x³
        var g = SafeAutograd.Grad(y, x, createGraph: true);          // 3x²
        var h = SafeAutograd.Grad(g, x, torch.ones_like(g));          // Σ_j ∂(3x_j²)/∂x = 6x
        ClaimAssert.RelativeError(g, 3 * x.detach() * x.detach()).Should().BeLessThan(1e-15);
        ClaimAssert.RelativeError(h, 6 * x.detach()).Should().BeLessThan(1e-15);
    }

    [TestCase(null, 2, 2)]
    [TestCase("", 3, 3)]
    [TestCase("  ", 0, 1)]
    [TestCase("1", 8, 1)]
    [TestCase("16", 2, 16)]
    [TestCase(" 4,2", 8, 4)]
    public void The_thread_count_follows_OMP_NUM_THREADS_else_the_processor_count(string? value, int processors, int expected) =>
        TorchRuntime.ThreadCount(value, processors).Should().Be(expected);

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("two")]
    [TestCase("1.5")]
    [TestCase(",4")]
    public void A_thread_count_that_is_not_a_positive_integer_is_rejected_by_name(string value) =>
        FluentActions.Invoking(() => TorchRuntime.ThreadCount(value, 2)).Should().Throw<FormatException>()
            .WithMessage($"OMP_NUM_THREADS='{value}' is not a thread count*");

    [Test]
    public void The_loaded_runtime_runs_at_the_thread_count_it_reports()
    {
        TorchRuntime.EnsureLoaded();
        TorchRuntime.Threads.Should().Be(TorchRuntime.ThreadCount(Environment.GetEnvironmentVariable(TorchRuntime.ThreadsVariable), Environment.ProcessorCount));
        torch.get_num_threads().Should().Be(TorchRuntime.Threads);
    }

    [Test]
    public void Cpu_is_the_default_device_and_unknown_devices_are_rejected()
    {
        TorchRuntime.ResolveDevice("cpu").type.Should().Be(DeviceType.CPU);
        FluentActions.Invoking(() => TorchRuntime.ResolveDevice("tpu")).Should().Throw<ArgumentException>().WithMessage("*Unknown device*");
    }

    [Test]
    public void Asking_for_cuda_is_a_cuda_device_where_cuda_exists_and_a_clear_error_elsewhere()
    {
        if (TorchRuntime.CudaAvailable)
            TorchRuntime.ResolveDevice("cuda").type.Should().Be(DeviceType.CUDA);
        else
            FluentActions.Invoking(() => TorchRuntime.ResolveDevice("cuda")).Should().Throw<InvalidOperationException>().WithMessage("*CUDA is not available*");
    }

    [Test]
    [Category(Categories.Cuda)]
    [Explicit("Needs a CUDA build of TorchSharp and a GPU: dotnet test -p:TorchBackend=cuda --filter Category=Cuda")]
    public void Cuda_double_backward_matches_cpu()
    {
        Assert.That(TorchRuntime.CudaAvailable, Is.True, "no CUDA build of TorchSharp or no GPU in this process (build with -p:TorchBackend=cuda on a GPU machine)");
        using var scope = torch.NewDisposeScope();
        var device = TorchRuntime.ResolveDevice("cuda");
        var x = torch.tensor(new[] { 0.5, -1.25, 2.0 }, dtype: ScalarType.Float64, device: device).requires_grad_(true);
        var g = SafeAutograd.Grad((x * x * x).sum(), x, createGraph: true);
        var h = SafeAutograd.Grad(g, x, torch.ones_like(g));
        ClaimAssert.RelativeError(h.cpu(), 6 * x.detach().cpu()).Should().BeLessThan(1e-14);
    }

    [Test]
    public void Elf_patcher_renames_only_missing_glibcxx_needs()
    {
        string lib = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (!File.Exists(lib)) Assert.Ignore("libLibTorchSharp.so is not beside the test assembly on this platform.");
        var bytes = File.ReadAllBytes(lib);
        var all = ElfVersionNeedPatcher.ReadVersionNeeds(bytes, out _, out _).Select(n => n.Version).ToHashSet();
        // A system that provides every version the library asks for: nothing to do.
        ElfVersionNeedPatcher.PatchGlibcxxNeeds((byte[])bytes.Clone(), all).Should().Be(0);
        // After the runtime fix the copy beside the tests loads, so it needs nothing the system lacks.
        var system = ElfVersionNeedPatcher.GlibcxxVersionsIn(File.ReadAllBytes("/lib/x86_64-linux-gnu/libstdc++.so.6"));
        ElfVersionNeedPatcher.ReadVersionNeeds(bytes, out _, out _)
            .Where(n => n.Version.StartsWith("GLIBCXX_", StringComparison.Ordinal))
            .Should().OnlyContain(n => system.Contains(n.Version));
        // The hashes the linker wrote agree with ours for every unpatched entry (an oracle independent of our code).
        ElfVersionNeedPatcher.ReadVersionNeeds(bytes, out _, out _)
            .Where(n => n.Version != "GLIBCXX_3.4.30")
            .Should().OnlyContain(n => n.Hash == ElfVersionNeedPatcher.ElfHash(n.Version));
    }
}
