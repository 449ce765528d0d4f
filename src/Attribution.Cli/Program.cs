using Attribution.Cli;

// Progress goes to standard error, and only when a person is watching it: redirected runs stay quiet.
return CliApp.Run(args, Console.Out, Console.Error, stdoutIsTerminal: !Console.IsOutputRedirected, showProgress: !Console.IsErrorRedirected);
