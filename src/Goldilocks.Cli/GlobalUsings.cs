global using System.CommandLine;
global using System.Text.Json.Nodes;
global using Goldilocks.Cli.Infrastructure;
