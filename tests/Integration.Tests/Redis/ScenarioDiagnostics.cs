using BackendStack.Tests.Controllers;
using Xunit.Abstractions;

namespace BackendStack.Tests.Redis;

/// <summary>What a failed scenario leaves for the reader: the operator's log and each server's log tail.</summary>
internal static class ScenarioDiagnostics
{
    public static async Task WriteAsync(ITestOutputHelper output, OperatorInstance op, RedisPodRunner runner)
    {
        output.WriteLine($"--- operator log ({op.Logs.Lines.Count} lines)");
        foreach (var (level, category, message) in op.Logs.Lines)
        {
            output.WriteLine($"{level} {category[(category.LastIndexOf('.') + 1)..]}: {message}");
        }

        foreach (var pod in runner.Pods)
        {
            var lines = await File.ReadAllLinesAsync(runner.Process(pod).LogPath);
            output.WriteLine($"--- {pod} ({runner.Process(pod).Host})");
            output.WriteLine(string.Join('\n', lines.TakeLast(40)));
        }
    }
}
