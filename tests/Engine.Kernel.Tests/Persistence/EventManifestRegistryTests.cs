using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Persistence.Serialization;

namespace Engine.Kernel.Tests.Persistence;

public sealed class EventManifestRegistryTests
{
    [Theory]
    [InlineData("order-submitted.v1", "order-submitted", 1)]
    [InlineData("a.b.v12", "a.b", 12)]
    [InlineData("order-submitted", null, 0)]
    [InlineData("order-submitted.v0", null, 0)]
    [InlineData("order-submitted.vx", null, 0)]
    [InlineData(".v1", null, 0)]
    [InlineData("", null, 0)]
    public void Manifest_text_parses_only_name_dot_v_number(string text, string? name, int version)
    {
        var ok = EventManifest.TryParse(text, out var manifest);

        Assert.Equal(name is not null, ok);
        if (ok)
        {
            Assert.Equal(new EventManifest(name!, version), manifest);
            Assert.Equal(text, manifest.ToString());
        }
    }

    [Fact]
    public void Round_trips_a_registered_event_with_its_manifest()
    {
        var registry = new EventManifestRegistry().Register<PriceSet>("price-set", 2);

        var serialized = registry.Serialize(new PriceSet("BTCUSDT", 101.25m));
        var back = registry.Deserialize(serialized.Manifest, serialized.Payload, "orders/x");

        Assert.Equal("price-set.v2", serialized.Manifest);
        Assert.Equal(new PriceSet("BTCUSDT", 101.25m), back);
    }

    [Fact]
    public void Chains_upcasters_from_an_old_version_to_the_current_one()
    {
        var registry = new EventManifestRegistry()
            .Register<PriceSet>("price-set", 3)
            .AddUpcaster(new RenameField("price-set", 1, "sym", "instrument"))
            .AddUpcaster(new RenameField("price-set", 2, "instrument", "symbol"));

        var back = registry.Deserialize("price-set.v1", """{"sym":"ETHUSDT","price":3.5}""", "orders/x");

        Assert.Equal(new PriceSet("ETHUSDT", 3.5m), back);
    }

    [Theory]
    [InlineData("nothing-like-it.v1", "no type is registered")]
    [InlineData("price-set.v9", "newer than the registered version")]
    [InlineData("price-set.v1", "no upcaster from v1 to v2")]
    [InlineData("price-set", "not of the form")]
    public void Unreadable_manifest_names_the_manifest_and_the_persistence_id(string manifest, string reason)
    {
        var registry = new EventManifestRegistry().Register<PriceSet>("price-set", 2);

        var ex = Assert.Throws<UnknownManifestException>(() => registry.Deserialize(manifest, "{}", "orders/login-7"));

        Assert.Equal(manifest, ex.Manifest);
        Assert.Equal("orders/login-7", ex.PersistenceId);
        Assert.Contains(manifest, ex.Message, StringComparison.Ordinal);
        Assert.Contains("orders/login-7", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Conflicting_registrations_are_rejected()
    {
        var registry = new EventManifestRegistry().Register<PriceSet>("price-set", 1);

        Assert.Throws<ArgumentException>(() => registry.Register<string>("price-set", 1));
        Assert.Throws<ArgumentException>(() => registry.Register<PriceSet>("other", 1));
        Assert.Throws<InvalidOperationException>(() => registry.Serialize("not registered"));
    }

    private sealed record PriceSet(string Symbol, decimal Price);

    private sealed class RenameField(string name, int fromVersion, string from, string to) : IEventUpcaster
    {
        public string Name => name;

        public int FromVersion => fromVersion;

        public JsonElement Upcast(JsonElement payload)
        {
            var node = JsonNode.Parse(payload.GetRawText())!.AsObject();
            var value = node[from]!.DeepClone();
            node.Remove(from);
            node[to] = value;
            return JsonSerializer.SerializeToElement(node);
        }
    }
}
