namespace Goldilocks.Tests.Infrastructure;

/// <summary>Test categories. <c>.ci/run</c> runs everything; developers can skip slow ones with
/// <c>dotnet test --filter "TestCategory!=Slow"</c>.</summary>
public static class Categories
{
    /// <summary>About 5 s or more on 2 cores: <c>dotnet test --filter Category!=Slow</c> must stay under 3 minutes.</summary>
    public const string Slow = "Slow";

    /// <summary>Needs a CUDA build of TorchSharp and a GPU; reported as skipped otherwise.</summary>
    public const string Cuda = "Cuda";

    /// <summary>Statistical claim with calibrated seeds and margins.</summary>
    public const string Statistical = "Statistical";

    /// <summary>Negative control: the identity must fail once its premise is removed.</summary>
    public const string NegativeControl = "NegativeControl";

    /// <summary>FsCheck property (every <see cref="ClaimPropertyAttribute"/>); scripts/explore-properties.sh re-runs them on random seeds.</summary>
    public const string Property = "Property";

    /// <summary>Snapshot comparison against reviewed files in baselines/.</summary>
    public const string Snapshot = "Snapshot";

    /// <summary>Regression check: compares with a reviewed earlier result and catches any change; it checks no claim.</summary>
    public const string Regression = "Regression";
}
