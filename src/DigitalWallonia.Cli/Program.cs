using DigitalWallonia.Cli;

return await Dw.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
