using System.Text.Json.Nodes;
using Goldilocks.Cli;

namespace Goldilocks.Tests.Cli;

/// <summary>Runs <see cref="CliApp.Run"/> in-process with stdout/stderr captured.</summary>
public static class CliRunner
{
    private static readonly object Gate = new();

    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public JsonObject Json() => JsonNode.Parse(Out)?.AsObject() ?? throw new AssertionException($"stdout is not a JSON object: {Out}");

        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
    }

    public static Result Run(params string[] args)
    {
        lock (Gate)
        {
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            using var o = new StringWriter();
            using var e = new StringWriter();
            Console.SetOut(o);
            Console.SetError(e);
            try
            {
                int code = CliApp.Run(args);
                return new Result(code, o.ToString(), e.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }
    }

    /// <summary>A fresh temporary folder, deleted by the caller's TearDown.</summary>
    public static string TempFolder() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "goldilocks-tests", Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>Options that make <c>curvature</c> take well under a second after TorchSharp is loaded.</summary>
    public static readonly string[] SmallCurvature = { "curvature", "--samples", "40", "--features", "6", "--hidden", "5" };

    /// <summary><paramref name="head"/> then <paramref name="tail"/>; adds "-d 4" to a curvature call that sets no dimension.</summary>
    public static string[] With(this string[] head, params string[] tail)
    {
        var all = head.Concat(tail).ToList();
        if (all.FirstOrDefault() == "curvature" && !all.Contains("-d") && !all.Contains("--dimension")) all.AddRange(new[] { "-d", "4" });
        return all.ToArray();
    }
}
