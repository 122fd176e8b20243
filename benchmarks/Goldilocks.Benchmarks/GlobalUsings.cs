global using TorchSharp;
global using Tensor = TorchSharp.torch.Tensor;
global using ScalarType = TorchSharp.torch.ScalarType;
