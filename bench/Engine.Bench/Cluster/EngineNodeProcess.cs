using System.Diagnostics;

namespace Engine.Bench.Cluster;

/// <summary>
/// One engine node as its own operating-system process: <c>dotnet engine.dll run --config &lt;file&gt;</c>, the very
/// command a user runs, built from src/Engine.Host (<see cref="EngineDll"/>). Every line it writes (stdout and stderr)
/// is kept with the time the bench read it on <see cref="Clock"/>, and copied to a log file. <see cref="Kill"/> is
/// SIGKILL: no leave, no coordinated shutdown, no socket closed by the engine; the kernel closes its sockets.
/// </summary>
internal sealed class EngineNodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private readonly List<(TimeSpan At, string Text)> _lines = [];
    private bool _closed;

    private EngineNodeProcess(int index, Process process, StreamWriter log, Stopwatch clock)
    {
        Index = index;
        _process = process;
        _log = log;
        Clock = clock;
    }

    /// <summary>The node's number in the run (1 = the first seed, which forms the cluster; not necessarily the oldest member).</summary>
    public int Index { get; }

    /// <summary>The clock <see cref="Lines"/> are stamped on, shared by the run.</summary>
    public Stopwatch Clock { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// The engine host built next to this bench: src/Engine.Host/bin/&lt;the bench's configuration&gt;/net10.0/engine.dll
    /// under the repository root (the folder holding Engine.sln above the bench's own folder); <c>ENGINE_BENCH_ENGINE_DLL</c>
    /// names another. The bench's project references the host, so building the bench builds it.
    /// </summary>
    public static string EngineDll()
    {
        if (Environment.GetEnvironmentVariable("ENGINE_BENCH_ENGINE_DLL") is { Length: > 0 } given)
        {
            return File.Exists(given) ? given : throw new FileNotFoundException("ENGINE_BENCH_ENGINE_DLL names no file", given);
        }

        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent?.Name ?? "Release";
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Engine.sln")))
            {
                var dll = Path.Combine(dir.FullName, "src", "Engine.Host", "bin", configuration, framework, "engine.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"build the engine first: dotnet build src/Engine.Host -c {configuration}", dll);
            }
        }

        throw new FileNotFoundException("no Engine.sln above " + AppContext.BaseDirectory + "; set ENGINE_BENCH_ENGINE_DLL to the engine's engine.dll");
    }

    /// <summary>Starts <c>engine run --config <paramref name="configPath"/></c>, working in <paramref name="folder"/>, its log in <paramref name="logPath"/>.</summary>
    public static EngineNodeProcess Start(int index, string engineDll, string configPath, string folder, string logPath, Stopwatch clock)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { engineDll, "run", "--config", configPath })
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var node = new EngineNodeProcess(index, process, new StreamWriter(logPath) { AutoFlush = true }, clock);
        process.OutputDataReceived += (_, e) => node.Add(e.Data);
        process.ErrorDataReceived += (_, e) => node.Add(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("could not start " + info.FileName);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>A copy of the lines read so far, from line <paramref name="from"/> on.</summary>
    public IReadOnlyList<(TimeSpan At, string Text)> Lines(int from = 0)
    {
        lock (_gate)
        {
            return from >= _lines.Count ? [] : _lines.GetRange(from, _lines.Count - from);
        }
    }

    /// <summary>How many lines were read so far.</summary>
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

    /// <summary>SIGKILL, now; returns the clock's reading just before the signal.</summary>
    public TimeSpan Kill()
    {
        var at = Clock.Elapsed;
        _process.Kill(entireProcessTree: false);
        return at;
    }

    /// <summary>Kills the process if it still runs and waits for its exit and its last lines.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
        lock (_gate)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    private void Add(string? text)
    {
        if (text is null)
        {
            return;
        }

        var at = Clock.Elapsed;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _lines.Add((at, text));
            _log.WriteLine(text);
        }
    }

    /// <summary>The <c>dotnet</c> host running this bench (so the engine runs on the same runtime), else <c>dotnet</c> on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
