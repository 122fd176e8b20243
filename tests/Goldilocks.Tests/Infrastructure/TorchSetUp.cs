
// One TorchSharp runtime per test process: loaded (and its native library fixed) before any test runs.
[SetUpFixture]
public sealed class TorchSetUp
{
    [OneTimeSetUp]
    public void LoadTorch()
    {
        TorchRuntime.EnsureLoaded();
        torch.set_default_dtype(ScalarType.Float64);
    }
}
