using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Akka.Actor;
using Akka.Configuration;
using Akka.Serialization;
using Engine.Actors.Risk;

namespace Engine.Host.Cluster;

/// <summary>
/// Remoting serializer of the risk messages Akka's default JSON serializer cannot carry between nodes: the
/// <see cref="RiskSnapshot"/> pushed to order books on other nodes and the <see cref="RiskStatus"/> answered to the operator
/// surface of another node (their immutable dictionaries, keyed by <see cref="Engine.Messages.Risk.RiskScope"/> and
/// symbol, do not survive it). System.Text.Json, string manifests; bound on cluster nodes by <see cref="Config"/>. The
/// snapshot's in-process mark feed is not carried (a cluster's risk actor has none; the receiving book uses the marks).
/// The other risk messages (subscription, commands, state changes) survive the default serializer and keep it.
/// Identifier <see cref="SerializerIdentifier"/> (4111). Thread-safe.
/// </summary>
public sealed class RiskSingletonSerializer : SerializerWithStringManifest
{
    /// <summary>The serializer's fixed identifier.</summary>
    public const int SerializerIdentifier = 4111;

    private const string SnapshotManifest = "risk-snapshot";
    private const string StatusManifest = "risk-status";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        Converters = { new RiskSingletonScopeJsonConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipFeed } },
    };

    /// <summary>Created by Akka from the <c>akka.actor.serializers</c> configuration.</summary>
    public RiskSingletonSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    /// <summary>The HOCON that registers the serializer and binds the two messages to it.</summary>
    public static Akka.Configuration.Config Config { get; } = ConfigurationFactory.ParseString($$"""
        akka.actor {
          serializers.engine-risk = "{{typeof(RiskSingletonSerializer).AssemblyQualifiedName}}"
          serialization-bindings {
            "{{typeof(RiskSnapshot).AssemblyQualifiedName}}" = engine-risk
            "{{typeof(RiskStatus).AssemblyQualifiedName}}" = engine-risk
          }
        }
        """);

    /// <inheritdoc />
    public override int Identifier => SerializerIdentifier;

    /// <inheritdoc />
    public override string Manifest(object o) => o switch
    {
        RiskSnapshot => SnapshotManifest,
        RiskStatus => StatusManifest,
        _ => throw new ArgumentException($"{o?.GetType().FullName ?? "null"} is not a risk message; expected {nameof(RiskSnapshot)} or {nameof(RiskStatus)}", nameof(o)),
    };

    /// <inheritdoc />
    public override byte[] ToBinary(object obj) => obj switch
    {
        RiskSnapshot snapshot => JsonSerializer.SerializeToUtf8Bytes(snapshot, Json),
        RiskStatus status => JsonSerializer.SerializeToUtf8Bytes(status, Json),
        _ => throw new ArgumentException($"{obj?.GetType().FullName ?? "null"} is not a risk message; expected {nameof(RiskSnapshot)} or {nameof(RiskStatus)}", nameof(obj)),
    };

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest) => manifest switch
    {
        SnapshotManifest => JsonSerializer.Deserialize<RiskSnapshot>(bytes, Json) ?? throw Empty(manifest),
        StatusManifest => JsonSerializer.Deserialize<RiskStatus>(bytes, Json) ?? throw Empty(manifest),
        _ => throw new System.Runtime.Serialization.SerializationException($"unknown risk message manifest '{manifest}'; expected {SnapshotManifest} or {StatusManifest}"),
    };

    private static System.Runtime.Serialization.SerializationException Empty(string manifest) => new($"risk message '{manifest}' is null; expected an object");

    /// <summary>The snapshot's mark feed is an in-process object: never written, so it reads back as none.</summary>
    private static void SkipFeed(JsonTypeInfo info)
    {
        if (info.Type != typeof(RiskSnapshot))
        {
            return;
        }

        foreach (var property in info.Properties.Where(p => p.Name == nameof(RiskSnapshot.Feed)))
        {
            property.ShouldSerialize = (_, _) => false;
        }
    }
}
