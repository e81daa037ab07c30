using System.Text;
using Akka.Actor;
using Akka.Serialization;

namespace Engine.Persistence.Tests.Support;

/// <summary>
/// The contract suite's serializer, bound in HOCON: <see cref="Evt"/> as <c>value\ntag</c> (manifest <c>evt.v1</c>),
/// <see cref="Snap"/> as its text (<c>snap.v1</c>). Refuses the value <c>poison</c>, to make a write be rejected.
/// </summary>
public sealed class ContractSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <inheritdoc />
    public override int Identifier => 9_801;

    /// <inheritdoc />
    public override byte[] ToBinary(object obj) => obj switch
    {
        Evt { Value: "poison" } => throw new InvalidOperationException("poison cannot be serialized"),
        Evt e => Encoding.UTF8.GetBytes(e.Value + "\n" + e.Tag),
        Snap s => Encoding.UTF8.GetBytes(s.State),
        _ => throw new ArgumentException("unexpected " + obj.GetType(), nameof(obj)),
    };

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return manifest switch
        {
            "evt.v1" => new Evt(text[..text.IndexOf('\n', StringComparison.Ordinal)], text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..]),
            "snap.v1" => new Snap(text),
            _ => throw new ArgumentException("unknown manifest " + manifest, nameof(manifest)),
        };
    }

    /// <inheritdoc />
    public override string Manifest(object o) => o is Snap ? "snap.v1" : "evt.v1";
}
