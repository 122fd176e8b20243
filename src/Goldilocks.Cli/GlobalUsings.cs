global using TorchSharp;
global using Tensor = TorchSharp.torch.Tensor;
global using Device = TorchSharp.torch.Device;
global using ScalarType = TorchSharp.torch.ScalarType;
global using System.CommandLine;
global using System.Text.Json.Nodes;
global using Goldilocks.Cli.Infrastructure;
global using Goldilocks.Experiments;
