using Engine.Host.Cli;

namespace Engine.Host.Tests;

public class RunCommandTests
{
    [Fact]
    public async Task Run_for_2s_with_the_default_file_starts_the_simulator_and_stops_cleanly()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "data", "engine.db").Replace('\\', '/');
        var config = dir.File("engine.conf", $$"""
            include "{{Path.Combine(CliRunner.RepoRoot(), "hocon", "engine.conf").Replace('\\', '/')}}"
            engine.journal.sqlite.path = "{{db}}"
            engine.snapshot-store.sqlite.path = "{{db}}"
            engine.run.status-interval = 500ms
            """);

        var (code, _, error) = await CliRunner.RunAsync("run", "--config", config, "--for", "2s");

        Assert.True(code == 0, error);
        Assert.True(File.Exists(db), "the journal was opened");
        var (auditCode, auditOutput, auditError) = await CliRunner.RunAsync("audit", "--journal", db);
        Assert.True(auditCode == 0, auditError);
        Assert.Contains("No violations.", auditOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_journal_that_cannot_be_opened_fails_start_up_with_one_clear_message()
    {
        using var dir = new TempDir();
        var blocker = dir.File("not-a-dir", "a file where a folder should be");
        var config = dir.File("engine.conf", $$"""
            engine.journal.sqlite.path = "{{blocker.Replace('\\', '/')}}/engine.db"
            """);

        var (code, _, error) = await CliRunner.RunAsync("run", "--config", config, "--for", "2s");

        Assert.Equal(1, code);
        Assert.StartsWith("engine run: start-up failed:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("60s", 60_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("00:00:05", 5_000)]
    public void Durations(string text, int milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5s")]
    [InlineData("0s")]
    public void Not_durations(string text) => Assert.False(DurationText.TryParse(text, out _));

    [Fact]
    public async Task A_bad_duration_is_refused_before_anything_starts()
    {
        var (code, _, error) = await CliRunner.RunAsync("run", "--for", "soon");

        Assert.NotEqual(0, code);
        Assert.Contains("'soon' is not a duration", error, StringComparison.Ordinal);
    }
}
