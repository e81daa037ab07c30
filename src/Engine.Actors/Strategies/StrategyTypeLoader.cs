using System.Reflection;
using Engine.Config;

namespace Engine.Actors.Strategies;

/// <summary>
/// Resolves configured strategies to types: the assembly (a <c>.dll</c> file in the plugins folder, each file in its
/// own <see cref="PluginLoadContext"/>, or an already loadable assembly by name), the type in it, that it is a concrete
/// <see cref="StrategyActor"/> with a public constructor taking a <see cref="StrategyContext"/>, and, for a
/// <see cref="StrategyActor{TParameters}"/>, that its parameters bind. Every failure is a sentence naming the strategy
/// and what was expected. One instance per host; a file is loaded once per instance. Not thread-safe.
/// </summary>
internal sealed class StrategyTypeLoader
{
    private readonly string _pluginsFolder;
    private readonly Dictionary<string, Assembly> _files = new(StringComparer.Ordinal);

    public StrategyTypeLoader(string pluginsFolder) => _pluginsFolder = pluginsFolder;

    public StrategyResolution Resolve(StrategyOptions options)
    {
        var (assembly, source, error) = LoadAssembly(options);
        if (assembly is null)
        {
            return StrategyResolution.Fail($"strategy '{options.Name}': {error}");
        }

        var type = assembly.GetType(options.Type, throwOnError: false, ignoreCase: false);
        if (type is null)
        {
            var known = StrategyTypesIn(assembly);
            var hint = known.Count == 0 ? "it contains no strategy types" : $"strategy types there: {string.Join(", ", known)}";
            return StrategyResolution.Fail($"strategy '{options.Name}': type '{options.Type}' not found in {source}; {hint}");
        }

        if (!typeof(StrategyActor).IsAssignableFrom(type) || type.IsAbstract || type.IsGenericTypeDefinition)
        {
            return StrategyResolution.Fail(
                $"strategy '{options.Name}': type '{type.FullName}' is not a concrete subclass of {typeof(StrategyActor).FullName}");
        }

        if (type.GetConstructor([typeof(StrategyContext)]) is null)
        {
            return StrategyResolution.Fail(
                $"strategy '{options.Name}': type '{type.FullName}' has no public constructor taking a {nameof(StrategyContext)}");
        }

        if (ParametersTypeOf(type) is { } parametersType)
        {
            try
            {
                HoconBinder.Bind(options.Parameters, string.Empty, parametersType);
            }
            catch (ConfigException e)
            {
                return StrategyResolution.Fail(
                    $"strategy '{options.Name}': parameters do not bind to {parametersType.Name}: {string.Join("; ", e.Errors)}");
            }
        }

        return new StrategyResolution(type, source, null);
    }

    /// <summary>The <typeparamref name="TParameters"/> of the <see cref="StrategyActor{TParameters}"/> base of <paramref name="type"/>, if any.</summary>
    internal static Type? ParametersTypeOf(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(StrategyActor<>))
            {
                return t.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private (Assembly? Assembly, string Source, string? Error) LoadAssembly(StrategyOptions options)
    {
        var name = options.Assembly.Trim();
        if (name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            var path = Path.GetFullPath(Path.Combine(_pluginsFolder, name));
            if (_files.TryGetValue(path, out var cached))
            {
                return (cached, path, null);
            }

            if (!File.Exists(path))
            {
                return (null, string.Empty, $"assembly file '{path}' not found (plugins folder '{Path.GetFullPath(_pluginsFolder)}')");
            }

            try
            {
                var assembly = new PluginLoadContext(path).LoadFromAssemblyPath(path);
                _files[path] = assembly;
                return (assembly, path, null);
            }
            catch (Exception e) when (e is BadImageFormatException or FileLoadException)
            {
                return (null, string.Empty, $"assembly file '{path}' could not be loaded: {e.Message}");
            }
        }

        foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (string.Equals(loaded.GetName().Name, name, StringComparison.Ordinal))
            {
                return (loaded, $"{name} (loaded)", null);
            }
        }

        try
        {
            return (Assembly.Load(new AssemblyName(name)), $"{name} (loaded)", null);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException or ArgumentException)
        {
            return (null, string.Empty,
                $"assembly '{name}' is neither loaded nor loadable by name; name a plugin file with its .dll extension (looked up in '{Path.GetFullPath(_pluginsFolder)}')");
        }
    }

    private static List<string> StrategyTypesIn(Assembly assembly)
    {
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types;
        }

        return [.. types
            .Where(t => t is not null && typeof(StrategyActor).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => t!.FullName ?? t.Name)
            .Order(StringComparer.Ordinal)];
    }
}
