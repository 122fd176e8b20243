return Goldilocks.Cli.CliApp.Run(args);
