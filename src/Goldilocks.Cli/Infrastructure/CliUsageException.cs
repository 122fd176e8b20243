namespace Goldilocks.Cli.Infrastructure;

/// <summary>An invalid option value found after parsing (e.g. d &gt; P once the model is known): exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
