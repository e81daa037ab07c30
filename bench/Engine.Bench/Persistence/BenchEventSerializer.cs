using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;

namespace Engine.Bench.Persistence;

/// <summary>JSON for <see cref="BenchEvent"/> under the explicit manifest <c>bench-event.v1</c>; bound in HOCON.</summary>
public sealed class BenchEventSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>The binding HOCON.</summary>
    public const string Hocon = """
        akka.actor.serializers.bench = "Engine.Bench.Persistence.BenchEventSerializer, Engine.Bench"
        akka.actor.serialization-bindings { "Engine.Bench.Persistence.BenchEvent, Engine.Bench" = bench }
        """;

    /// <inheritdoc />
    public override int Identifier => 9_901;

    /// <summary>The bytes the raw baselines store, the same as the plugins'.</summary>
    public static byte[] Bytes(BenchEvent e) => JsonSerializer.SerializeToUtf8Bytes(e);

    /// <inheritdoc />
    public override byte[] ToBinary(object obj) => Bytes((BenchEvent)obj);

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest) => manifest == "bench-event.v1"
        ? JsonSerializer.Deserialize<BenchEvent>(bytes)!
        : throw new ArgumentException("unknown manifest " + manifest, nameof(manifest));

    /// <inheritdoc />
    public override string Manifest(object o) => "bench-event.v1";
}
