using BackendStack.Emulator.Api;
using Microsoft.AspNetCore.Http;

namespace BackendStack.Emulator.Streaming;

/// <summary>The query of an exec or attach request: which streams, a TTY, the container and (exec only) the command.</summary>
internal sealed record RemoteCommandOptions(string? Container, IReadOnlyList<string> Command, bool Stdin, bool Stdout, bool Stderr, bool Tty)
{
    public static RemoteCommandOptions From(IQueryCollection query, bool exec)
    {
        ArgumentNullException.ThrowIfNull(query);
        var options = new RemoteCommandOptions(
            string.IsNullOrEmpty(query["container"]) ? null : query["container"].ToString(),
            [.. query["command"].OfType<string>()],
            IsTrue(query["stdin"]), IsTrue(query["stdout"]), IsTrue(query["stderr"]), IsTrue(query["tty"]));
        if (exec && options.Command.Count == 0)
        {
            throw StatusErrors.BadRequest("you must specify at least 1 command");
        }

        if (!options.Stdin && !options.Stdout && !options.Stderr)
        {
            throw StatusErrors.BadRequest("you must specify at least 1 of stdin, stdout, stderr");
        }

        // With a terminal, stderr is the terminal too (kubectl asks for stdout only).
        return options.Tty ? options with { Stderr = false } : options;
    }

    private static bool IsTrue(string? value) => value is "true" or "1" or "True";
}
