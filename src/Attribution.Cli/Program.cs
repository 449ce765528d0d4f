using Attribution.Cli;

return CliApp.Run(args, Console.Out, Console.Error, stdoutIsTerminal: !Console.IsOutputRedirected);
