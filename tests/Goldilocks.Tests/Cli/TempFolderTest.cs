namespace Goldilocks.Tests.Cli;

/// <summary>Base of tests that write files: a fresh temporary folder per test, deleted afterwards.</summary>
public abstract class TempFolderTest
{
    protected string Dir { get; private set; } = "";

    [SetUp]
    public void CreateFolder() => Dir = CliRunner.TempFolder();

    [TearDown]
    public void DeleteFolder() => Directory.Delete(Dir, recursive: true);

    protected string Sub(string name) => Path.Combine(Dir, name);
}
