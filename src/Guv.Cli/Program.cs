using Guv.Cli;

return await GuvCli.RunAsync(args);
