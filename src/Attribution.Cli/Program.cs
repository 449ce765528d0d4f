Console.Error.WriteLine("attribution: the command line is being built; see README.md.");
return 2;
