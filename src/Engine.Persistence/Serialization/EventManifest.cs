using System.Globalization;

namespace Engine.Persistence.Serialization;

/// <summary>
/// An event type's stored name and schema version, written as <c>name.vN</c> (e.g.
/// <c>order-submitted.v1</c>). Names are lower-case kebab-case; versions start at 1.
/// </summary>
public readonly record struct EventManifest(string Name, int Version)
{
    /// <summary>The stored form, <c>name.vN</c>.</summary>
    public override string ToString() => Name + ".v" + Version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses <c>name.vN</c>; false for anything else.</summary>
    public static bool TryParse(string? text, out EventManifest manifest)
    {
        manifest = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var dot = text.LastIndexOf(".v", StringComparison.Ordinal);
        if (dot <= 0
            || !int.TryParse(text.AsSpan(dot + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || version < 1)
        {
            return false;
        }

        manifest = new EventManifest(text[..dot], version);
        return true;
    }
}
