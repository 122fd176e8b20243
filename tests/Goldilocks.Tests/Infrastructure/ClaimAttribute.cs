namespace Goldilocks.Tests.Infrastructure;

/// <summary>
/// Marks a test as checking one claim (e.g. "G4"), specified in specs/&lt;ID&gt;-&lt;name&gt;.md and indexed in
/// specs/README.md. The traceability test maps every spec in specs/ to the tests that carry its ID; NUnit also sees it
/// as a category, so <c>dotnet test --filter Category=G4</c> runs one claim.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class ClaimAttribute : CategoryAttribute
{
    public ClaimAttribute(string id) : base(id) => Id = id;

    public string Id { get; }
}
