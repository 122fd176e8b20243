using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp;

namespace Goldilocks.Runtime;

/// <summary>
/// The one place that makes TorchSharp's native library loadable and selects the compute device.
/// Every entry point (library, CLI, tests) goes through <see cref="EnsureLoaded"/>; a module initializer
/// also runs the native fix as soon as this assembly is used, so plain consumers need no manual step.
/// </summary>
public static class TorchRuntime
{
    /// <summary>Environment variable that selects the device: <c>cpu</c> (default), <c>cuda</c> or <c>cuda:N</c>.</summary>
    public const string DeviceVariable = "GOLDILOCKS_DEVICE";

    /// <summary>
    /// Environment variable that fixes the CPU thread count, after the OpenMP convention: a positive integer (the first
    /// entry of a comma list); unset means <see cref="Environment.ProcessorCount"/>. Results are bitwise reproducible
    /// only at a fixed thread count, because parallel reductions sum in an order that depends on it.
    /// </summary>
    public const string ThreadsVariable = "OMP_NUM_THREADS";

    /// <summary>The CPU thread count of this process's tensor operations, set by <see cref="EnsureLoaded"/>.</summary>
    public static int Threads { get; private set; }

    private static readonly object Gate = new();
    private static bool _loaded;

    /// <summary>What the native fix did in this process (for the runtime test and <c>goldilocks --version</c>).</summary>
    public static string NativeFixStatus { get; private set; } = "not run";

#pragma warning disable CA2255 // a library module initializer is the point: consumers must not need a manual step.
    [ModuleInitializer]
    internal static void OnAssemblyLoad() => FixNativeLibrary();
#pragma warning restore CA2255

    /// <summary>Loads TorchSharp's native library (fixing it first where needed) and sets the thread count
    /// (<see cref="ThreadsVariable"/>).</summary>
    /// <exception cref="FormatException"><see cref="ThreadsVariable"/> is set to something other than a positive integer.</exception>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_loaded) return;
            int threads = ThreadCount(Environment.GetEnvironmentVariable(ThreadsVariable), Environment.ProcessorCount);
            FixNativeLibrary();
            // libgomp's worker threads busy-wait by default. With several processes on few cores (test host + child
            // processes, parallel shards) that made a Hessian-vector product ~16x slower (102 ms vs 6.2 ms measured at load ≈ 20).
            SetNativeDefault("OMP_WAIT_POLICY", "PASSIVE");
            // Every thread's OpenMP team, not only this one's, then has the same size (set_num_threads is per thread).
            SetNativeDefault(ThreadsVariable, threads.ToString(System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                torch.InitializeDeviceType(DeviceType.CPU);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException(
                    $"TorchSharp's native library failed to load ({NativeFixStatus}). " +
                    "On Linux x64 the project needs glibc ≥ 2.36 and libstdc++ ≥ GLIBCXX_3.4.30.", e);
            }
            torch.set_num_threads(threads);
            Threads = threads;
            _loaded = true;
        }
    }

    /// <summary>
    /// Resolves a device from an explicit name, else <see cref="DeviceVariable"/>, else CPU.
    /// Asking for CUDA where this build or machine has none is an error, never a silent CPU fallback.
    /// </summary>
    public static Device ResolveDevice(string? name = null)
    {
        EnsureLoaded();
        name ??= Environment.GetEnvironmentVariable(DeviceVariable);
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Equals("cpu", StringComparison.OrdinalIgnoreCase))
            return torch.CPU;
        name = name.Trim().ToLowerInvariant();
        if (!name.StartsWith("cuda", StringComparison.Ordinal))
            throw new ArgumentException($"Unknown device '{name}': use 'cpu', 'cuda' or 'cuda:N'.", nameof(name));
        if (!CudaAvailable)
            throw new InvalidOperationException(
                $"Device '{name}' was requested but CUDA is not available: this process has " +
                (IsCudaBuild ? "a CUDA build of TorchSharp but no usable GPU." : "the CPU build of TorchSharp (rebuild with -p:TorchBackend=cuda on a machine with a GPU)."));
        return torch.device(name);
    }

    /// <summary>True when the loaded TorchSharp backend can run on a GPU.</summary>
    public static bool CudaAvailable
    {
        get
        {
            EnsureLoaded();
            try { return torch.cuda.is_available(); }
            catch (Exception) { return false; }
        }
    }

    /// <summary>True when the project was built with <c>-p:TorchBackend=cuda</c>.</summary>
    public static bool IsCudaBuild => typeof(TorchRuntime).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .OfType<System.Reflection.AssemblyMetadataAttribute>()
        .Any(a => a.Key == "TorchBackend" && a.Value == "cuda");

    /// <summary>The thread count <see cref="ThreadsVariable"/> asks for (<paramref name="processors"/> when unset).</summary>
    /// <exception cref="FormatException">The variable is set but its first entry is not a positive integer.</exception>
    internal static int ThreadCount(string? value, int processors)
    {
        if (string.IsNullOrWhiteSpace(value)) return Math.Max(1, processors);
        string first = value.Split(',')[0].Trim();
        if (int.TryParse(first, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n >= 1)
            return n;
        throw new FormatException($"{ThreadsVariable}='{value}' is not a thread count: use a positive integer, or unset it to use all {processors} processors.");
    }

    /// <summary>Sets an environment variable for the native libraries before they load, unless the user set it. libgomp
    /// reads OMP_WAIT_POLICY and OMP_NUM_THREADS once, when it loads, from the C environment, so they are set with libc's
    /// setenv (the .NET environment is not the C one on Linux) before libtorch is loaded.</summary>
    private static void SetNativeDefault(string name, string value)
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(name) is not null) return;
        try
        {
            _ = SetEnv(name, value, 0);
            Environment.SetEnvironmentVariable(name, value);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: leave the native default.
        }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv(string name, string value, int overwrite);

    private static void FixNativeLibrary()
    {
        lock (Gate)
        {
            if (NativeFixStatus != "not run") return;
            NativeFixStatus = TryFixNativeLibrary();
        }
    }

    private static string TryFixNativeLibrary()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return "not needed on this platform";
        string? library = FindLibTorchSharp();
        if (library is null) return "libLibTorchSharp.so not found beside the application";
        string? libstdcxx = FindSystemLibStdCxx();
        if (libstdcxx is null) return "system libstdc++.so.6 not found; left the library as it is";

        var provided = ElfVersionNeedPatcher.GlibcxxVersionsIn(File.ReadAllBytes(libstdcxx));
        byte[] elf = File.ReadAllBytes(library);
        int patched = ElfVersionNeedPatcher.PatchGlibcxxNeeds(elf, provided);
        if (patched == 0) return $"not needed: {libstdcxx} provides every GLIBCXX version {library} needs";

        // Replace the build-output copy atomically (the NuGet cache is never touched): a concurrent
        // process sees either the old file or the whole new one.
        string temp = $"{library}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temp, elf);
        File.Move(temp, library, overwrite: true);
        return $"patched {patched} GLIBCXX version need(s) in {library}";
    }

    private static string? FindLibTorchSharp()
    {
        var roots = new[] { AppContext.BaseDirectory, Path.GetDirectoryName(typeof(torch).Assembly.Location) ?? "" };
        foreach (var root in roots.Where(r => r.Length > 0).Distinct())
        {
            foreach (var candidate in new[]
                     {
                         Path.Combine(root, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"),
                         Path.Combine(root, "libLibTorchSharp.so"),
                     })
            {
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    private static string? FindSystemLibStdCxx() => new[]
    {
        "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
    }.FirstOrDefault(File.Exists);
}
