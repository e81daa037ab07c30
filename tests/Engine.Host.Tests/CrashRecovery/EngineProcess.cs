using System.Diagnostics;

namespace Engine.Host.Tests.CrashRecovery;

/// <summary>
/// The real engine (<c>engine.dll</c> next to the test assembly) as a child process, its stdout and stderr collected
/// line by line so a test can await a line. Dispose kills it (and its children) when it is still running.
/// </summary>
internal sealed class EngineProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private EngineProcess(Process process) => _process = process;

    /// <summary>Lines seen so far (stdout and stderr interleaved as they arrived).</summary>
    public int LineCount
    {
        get
        {
            lock (_gate)
            {
                return _lines.Count;
            }
        }
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Starts <c>dotnet engine.dll</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static EngineProcess Start(string workingDirectory, params string[] arguments)
    {
        var engineDll = Path.Combine(AppContext.BaseDirectory, "engine.dll");
        if (!File.Exists(engineDll))
        {
            throw new InvalidOperationException("engine.dll not found next to the tests: " + engineDll);
        }

        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(engineDll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var engine = new EngineProcess(process);
        process.OutputDataReceived += (_, e) => engine.Add(e.Data);
        process.ErrorDataReceived += (_, e) => engine.Add(e.Data);
        process.Exited += (_, _) => engine.Pulse();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return engine;
    }

    /// <summary>
    /// The first line at or after index <paramref name="from"/> that <paramref name="match"/> accepts, with its index.
    /// Throws <see cref="TimeoutException"/> (with the output so far) when none comes in time or the process exits first.
    /// </summary>
    public async Task<(int Index, string Line)> WaitForLineAsync(Func<string, bool> match, int from, TimeSpan timeout, string what)
    {
        using var cts = new CancellationTokenSource(timeout);
        var next = from;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                for (; next < _lines.Count; next++)
                {
                    if (match(_lines[next]))
                    {
                        return (next, _lines[next]);
                    }
                }

                changed = _changed.Task;
            }

            if (_process.HasExited)
            {
                _process.WaitForExit();
                if (LineCount == next)
                {
                    throw new TimeoutException($"the engine exited ({_process.ExitCode}) before {what}:\n{Output()}");
                }

                continue;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no line {what} within {timeout}:\n{Output()}");
            }
        }
    }

    /// <summary>SIGKILL: the process dies at once, with whatever it had in flight.</summary>
    public async Task KillAsync(TimeSpan timeout)
    {
        _process.Kill(entireProcessTree: true);
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
    }

    /// <summary>SIGTERM (what a service manager sends), then waits for the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the engine did not stop within {timeout} of SIGTERM:\n{Output()}");
        }

        return _process.ExitCode;
    }

    /// <summary>Everything the process wrote so far.</summary>
    public string Output()
    {
        lock (_gate)
        {
            return string.Join('\n', _lines);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";

    private void Add(string? line)
    {
        if (line is null)
        {
            Pulse();
            return;
        }

        lock (_gate)
        {
            _lines.Add(line);
        }

        Pulse();
    }

    private void Pulse()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }
}
