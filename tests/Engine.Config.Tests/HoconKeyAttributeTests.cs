using Engine.Config;

namespace Engine.Config.Tests;

/// <summary><see cref="HoconKeyAttribute"/> replaces the derived kebab-case key of a member.</summary>
public class HoconKeyAttributeTests
{
    public sealed record StoreOptions
    {
        [HoconKey("postgresql")]
        public ServerOptions PostgreSql { get; init; } = new();
    }

    public sealed record ServerOptions
    {
        public string Schema { get; init; } = "public";
    }

    [Fact]
    public void The_explicit_key_binds_and_the_derived_one_is_unknown()
    {
        var good = HoconConfig.Parse("s { postgresql.schema = audit }", "a.conf").Resolve(_ => null);
        Assert.Equal("audit", good.Bind<StoreOptions>("s").PostgreSql.Schema);

        var bad = HoconConfig.Parse("s { postgre-sql.schema = audit }", "a.conf").Resolve(_ => null);
        var error = Assert.Throws<ConfigException>(() => bad.Bind<StoreOptions>("s"));
        Assert.Equal("a.conf:1: s.postgre-sql: unknown key; expected one of: postgresql", Assert.Single(error.Errors).ToString());
    }
}
