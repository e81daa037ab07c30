using System.Globalization;
using System.Text;
using Akka.Actor;
using Akka.Serialization;

namespace Engine.Persistence.CrashWriter;

/// <summary>Serializes <see cref="CrashEvent"/> as its decimal text under manifest <c>crash-event.v1</c>; bound in HOCON.</summary>
public sealed class CrashEventSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>The binding HOCON for this serializer.</summary>
    public const string Hocon = """
        akka.actor.serializers.crash = "Engine.Persistence.CrashWriter.CrashEventSerializer, Engine.Persistence.CrashWriter"
        akka.actor.serialization-bindings { "Engine.Persistence.CrashWriter.CrashEvent, Engine.Persistence.CrashWriter" = crash }
        """;

    /// <inheritdoc />
    public override int Identifier => 9_802;

    /// <inheritdoc />
    public override byte[] ToBinary(object obj) =>
        obj is CrashEvent e ? Encoding.UTF8.GetBytes(e.Seq.ToString(CultureInfo.InvariantCulture)) : throw new ArgumentException("not a CrashEvent", nameof(obj));

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest) => manifest == "crash-event.v1"
        ? new CrashEvent(long.Parse(Encoding.UTF8.GetString(bytes), CultureInfo.InvariantCulture))
        : throw new ArgumentException("unknown manifest " + manifest, nameof(manifest));

    /// <inheritdoc />
    public override string Manifest(object o) => "crash-event.v1";
}
