using System.CommandLine;

namespace Guv.Cli.Commands;

/// <summary><c>guv demo</c>: the whole system on one machine.</summary>
internal static class DemoCommand
{
    public static Command Build()
    {
        var command = new Command("demo", "Run guv on this machine against a real RabbitMQ and local workers.");
        command.SetAction((_, _) => Task.FromResult(0));
        return command;
    }
}
