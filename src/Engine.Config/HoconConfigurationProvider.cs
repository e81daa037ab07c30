using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Engine.Config;

/// <summary>
/// Exposes a resolved HOCON file as flat <see cref="IConfiguration"/> keys: <c>a.b.c</c> becomes <c>a:b:c</c>,
/// list elements become <c>a:0</c>, <c>a:1</c>; null values become null entries. Errors in the file surface as
/// <see cref="ConfigException"/> from <see cref="Load"/>.
/// </summary>
public sealed class HoconConfigurationProvider : ConfigurationProvider
{
    private readonly HoconConfigurationSource _source;

    /// <summary>Creates a provider for the source.</summary>
    public HoconConfigurationProvider(HoconConfigurationSource source) => _source = source;

    /// <inheritdoc />
    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(_source.Path) && _source.Optional)
        {
            Data = data;
            return;
        }

        var config = HoconConfig.Load(_source.Path).Resolve(_source.Environment);
        Flatten(config.Root, null, data);
        Data = data;
    }

    /// <summary>Flattens a resolved tree into configuration keys.</summary>
    public static IDictionary<string, string?> Flatten(HoconConfig config)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Flatten(config.Root, null, data);
        return data;
    }

    private static void Flatten(HoconElement element, string? prefix, Dictionary<string, string?> data)
    {
        switch (element)
        {
            case HoconObject obj:
                foreach (var (key, value) in obj.Fields)
                {
                    Flatten(value, prefix is null ? key : ConfigurationPath.Combine(prefix, key), data);
                }

                break;
            case HoconArray array:
                for (var i = 0; i < array.Items.Count; i++)
                {
                    var index = i.ToString(CultureInfo.InvariantCulture);
                    Flatten(array.Items[i], prefix is null ? index : ConfigurationPath.Combine(prefix, index), data);
                }

                break;
            case HoconValue scalar when prefix is not null:
                data[prefix] = scalar.Kind == HoconValueKind.Null ? null : scalar.Text;
                break;
            default:
                break;
        }
    }
}
