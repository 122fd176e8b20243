namespace Goldilocks.Cli;

/// <summary>Entry point of the <c>goldilocks</c> command (sub-commands are added by the CLI work).</summary>
public static class CliApp
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("goldilocks: no commands yet");
        return 2;
    }
}
