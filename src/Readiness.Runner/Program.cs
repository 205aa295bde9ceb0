return Readiness.Runner.Cli.ReadinessCli.Run(args);
