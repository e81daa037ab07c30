using System.Reflection;
using System.Runtime.Loader;

namespace Engine.Actors.Strategies;

/// <summary>
/// The load context of one plugin assembly file. Every dependency the default context can provide (the shared
/// framework, the Engine.* assemblies, the host's packages) is taken from it, so <see cref="StrategyActor"/>, the
/// messages and the Akka types are the host's own and plugin types unify with them; only what the default context
/// lacks is loaded from the plugin's folder (through its .deps.json when present). Not collectible: plugins live as
/// long as the process.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private readonly string _folder;
    private readonly AssemblyDependencyResolver? _resolver;

    public PluginLoadContext(string assemblyPath)
        : base($"strategy-plugin:{Path.GetFileName(assemblyPath)}", isCollectible: false)
    {
        _folder = Path.GetDirectoryName(assemblyPath) ?? ".";
        try
        {
            _resolver = new AssemblyDependencyResolver(assemblyPath);
        }
        catch (InvalidOperationException)
        {
            _resolver = null;
        }
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (TryShared(assemblyName) is { } shared)
        {
            return shared;
        }

        var path = _resolver?.ResolveAssemblyToPath(assemblyName);
        if (path is null && assemblyName.Name is { } name)
        {
            var candidate = Path.Combine(_folder, name + ".dll");
            path = File.Exists(candidate) ? candidate : null;
        }

        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver?.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    private static Assembly? TryShared(AssemblyName assemblyName)
    {
        foreach (var loaded in Default.Assemblies)
        {
            if (AssemblyName.ReferenceMatchesDefinition(assemblyName, loaded.GetName()))
            {
                return loaded;
            }
        }

        try
        {
            return Default.LoadFromAssemblyName(assemblyName);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }
}
