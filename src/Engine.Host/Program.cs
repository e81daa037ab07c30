using Engine.Host.Cli;

return await EngineCli.Create().Parse(args).InvokeAsync(EngineCli.Invocation());
