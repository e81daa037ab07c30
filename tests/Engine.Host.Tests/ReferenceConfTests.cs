using Engine.Actors.Orders;
using Engine.Actors.Strategies;
using Engine.Host.Configuration;
using Engine.Config;
using Engine.Persistence.Journal;
using Engine.Persistence.Snapshots;

namespace Engine.Host.Tests;

public class ReferenceConfTests
{
    [Fact]
    public void The_documented_defaults_are_the_code_defaults()
    {
        using var dir = new TempDir();
        var options = EngineConfiguration.Load(dir.File("empty.conf", "engine {}\n")).Options;

        Assert.Equal(new JournalOptions(), options.Journal);
        Assert.Equal(new SnapshotStoreOptions(), options.SnapshotStore);
        Assert.Equal(new LoggingOptions(), options.Logging);
        Assert.Equal(new RunOptions(), options.Run);
        Assert.Equal(new OrderBookOptions(), options.Orders);
        Assert.Equal(new StrategyHostOptions(), options.StrategyHost);
        Assert.Empty(options.Logins);
        Assert.Empty(options.Strategies);
    }

    [Fact]
    public void The_reference_documents_every_key_the_engine_binds()
    {
        var text = ReferenceText();
        var reference = HoconConfig.Parse(text, "reference.conf");

        var undocumented = Keys(typeof(EngineOptions), "engine")
            .Where(k => !reference.HasPath(k.Path) && !(k.Optional && text.Contains($"# {k.Path[(k.Path.LastIndexOf('.') + 1)..]} =", StringComparison.Ordinal)))
            .Select(k => k.Path)
            .ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void The_kernel_section_is_gone()
    {
        Assert.Null(typeof(EngineOptions).GetProperty("Kernel"));
        Assert.False(HoconConfig.Parse(ReferenceText(), "reference.conf").HasPath("engine.kernel"));
    }

    private static string ReferenceText()
    {
        using var stream = typeof(EngineConfiguration).Assembly.GetManifestResourceStream("Engine.Host.reference.conf")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Every key bound under <paramref name="path"/> for <paramref name="type"/>: one per settable property (kebab-case or
    /// <see cref="HoconKeyAttribute"/>), recursing into option records; lists (logins, strategies, accounts, faults) are
    /// documented by example and not walked. Optional (nullable) keys may be documented as a comment.
    /// </summary>
    private static IEnumerable<(string Path, bool Optional)> Keys(Type type, string path)
    {
        var nullability = new System.Reflection.NullabilityInfoContext();
        foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = path + "." + (property.GetCustomAttributes(typeof(HoconKeyAttribute), false).OfType<HoconKeyAttribute>().FirstOrDefault()?.Key
                ?? HoconNaming.ToKebabCase(property.Name));
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var optional = Nullable.GetUnderlyingType(property.PropertyType) is not null
                || nullability.Create(property).WriteState == System.Reflection.NullabilityState.Nullable;
            if (IsOptionsRecord(propertyType) && !optional)
            {
                foreach (var nested in Keys(propertyType, key))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return (key, optional);
            }
        }
    }

    private static bool IsOptionsRecord(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("Engine.", StringComparison.Ordinal) == true
        && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type);
}
