namespace Goldilocks.Tests.Infrastructure;

/// <summary>Folders of the repository, found by walking up from the test assembly to the folder holding GoldilocksVerification.sln.</summary>
public static class RepositoryPaths
{
    public const string SolutionFile = "GoldilocksVerification.sln";

    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
            throw new DirectoryNotFoundException($"no {SolutionFile} above {TestContext.CurrentContext.TestDirectory}");
        }
    }

    public static string Specs => Path.Combine(Root, "specs");

    /// <summary>Reviewed snapshot files (SnapshotCurves); see baselines/README.md for accepting a change.</summary>
    public static string Snapshots => Path.Combine(Root, "baselines", "snapshots");
}
