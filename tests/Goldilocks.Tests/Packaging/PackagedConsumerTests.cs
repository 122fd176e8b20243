using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Goldilocks.Tests.Reliability;

namespace Goldilocks.Tests.Packaging;

/// <summary>
/// The packages a user installs: <c>dotnet pack</c> of the engine and of the tool into a temporary folder; a fresh
/// consumer project that references only Goldilocks.Engine and TorchSharp-cpu loads TorchSharp on this machine (the
/// native fix travels with the package) and computes a Hessian-vector product of its own nn.Module, checked against a
/// dense autograd Hessian in the consumer; the tool installed into a temporary tool path runs
/// <c>goldilocks curvature --model-file</c>.
/// </summary>
[TestFixture]
[Category(Categories.Slow)]
[NonParallelizable]
public sealed class PackagedConsumerTests
{
    private static readonly string Fixtures = Path.Combine(RepositoryPaths.Root, "tests", "Goldilocks.Tests", "Fixtures", "TorchScript");
    private string _folder = "";

    [SetUp]
    public void SetUp() => _folder = CliTempFolder();

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static string CliTempFolder() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "goldilocks-packaging", Guid.NewGuid().ToString("N"))).FullName;

    [Test]
    public void Consumer_of_the_engine_package_and_the_installed_tool_work_on_a_TorchScript_file()
    {
        // A version of its own per run, so the global package cache never serves a stale copy of this package.
        string version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId;
        string feed = Directory.CreateDirectory(Path.Combine(_folder, "feed")).FullName;
        foreach (var project in new[] { "src/Goldilocks.Engine", "src/Goldilocks.Cli" })
            Dotnet(RepositoryPaths.Root, TimeSpan.FromMinutes(5), "pack", Path.Combine(RepositoryPaths.Root, project), "-c", "Release", "--no-build", "-o", feed, $"-p:PackageVersion={version}");
        File.Exists(Path.Combine(feed, $"Goldilocks.Engine.{version}.nupkg")).Should().BeTrue();
        File.Exists(Path.Combine(feed, $"Goldilocks.Tool.{version}.nupkg")).Should().BeTrue();

        // The consumer: Program.cs from Packaging/Consumer, a project with exactly two package references.
        string consumer = Directory.CreateDirectory(Path.Combine(_folder, "consumer")).FullName;
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "Goldilocks.Tests", "Packaging", "Consumer", "Program.cs"), Path.Combine(consumer, "Program.cs"));
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Goldilocks.Engine" Version="{version}" />
                <PackageReference Include="TorchSharp-cpu" Version="0.107.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        // The consumer folder is outside the repository, so none of its Directory.*.props apply.
        var run = Dotnet(consumer, TimeSpan.FromMinutes(5), "run", "-c", "Release", "--",
            Path.Combine(Fixtures, "relu_mlp.pt"), Path.Combine(Fixtures, "inputs.f64"), Path.Combine(Fixtures, "labels.i64"));
        TestContext.Out.WriteLine(run.StdOut);
        var module = run.Lines("module:").Single();
        double error = double.Parse(module[(module.IndexOf("|diff| = ", StringComparison.Ordinal) + 9)..], CultureInfo.InvariantCulture);
        error.Should().BeLessThan(1e-12, "the package's Hessian-vector product of the consumer's module must equal the dense autograd Hessian times v");
        var torchScript = run.Lines("torchscript:").Single();
        var reference = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures, "reference.json")))!;
        double expectedTop = reference["models"]!["relu_mlp"]!["topEigenvalue"]!.GetValue<double>();
        double top = double.Parse(torchScript.Split("top eigenvalue ")[1].Split(' ')[0], CultureInfo.InvariantCulture);
        Math.Abs(top - expectedTop).Should().BeLessThan(1e-6 * Math.Abs(expectedTop), $"top eigenvalue {top:R} vs PyTorch {expectedTop:R}");
        torchScript.Should().Contain("degree 2").And.Contain("converged True");

        // The tool, installed into a temporary tool path.
        string tools = Path.Combine(_folder, "tools");
        Dotnet(_folder, TimeSpan.FromMinutes(5), "tool", "install", "Goldilocks.Tool", "--version", version, "--tool-path", tools, "--add-source", feed);
        var curvature = ChildProcess.Run(Path.Combine(tools, "goldilocks"), new[]
        {
            "curvature", "--model-file", Path.Combine(Fixtures, "relu_mlp.pt"), "--dataset", "fashion-mnist", "--samples", "50", "-d", "4", "--json",
            "--out", Path.Combine(_folder, "out"),
        }, TimeSpan.FromMinutes(3));
        curvature.ExitCode.Should().Be(0, curvature.Describe());
        var settings = JsonNode.Parse(curvature.StdOut)!["settings"]!;
        settings["parameterCount"]!.GetValue<long>().Should().Be(6352);
        settings["homogeneityDegree"]!.GetValue<int>().Should().Be(2);
    }

    private static ChildResult Dotnet(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var sw = Stopwatch.StartNew();
        var r = ChildProcess.Run(ChildProcess.DotnetHost, args, timeout, workingDirectory: workingDirectory);
        TestContext.Out.WriteLine($"dotnet {string.Join(' ', args.Take(2))}: exit {r.ExitCode} in {sw.Elapsed.TotalSeconds:F1} s");
        r.ExitCode.Should().Be(0, $"dotnet {string.Join(' ', args)}\n{r.Describe()}");
        return r;
    }
}
