namespace Engine.Actors.Tests.Scenarios;

/// <summary>The 5 % attribution scenario of <see cref="QuantGatewayAttributionScenarios"/> with the engine journal on PostgreSQL.</summary>
[Collection(SoloScenarios.Name)]
public sealed class QuantGatewayAttributionPostgreSqlScenarios : QuantGatewayAttributionScenarioBase
{
    public QuantGatewayAttributionPostgreSqlScenarios()
        : base(ScenarioJournal.PostgreSql(PostgreSqlFactAttribute.ConnectionString
            ?? throw new InvalidOperationException("ENGINE_TEST_PG is not set: the PostgreSQL scenarios need a server.")))
    {
    }

    [PostgreSqlFact]
    public Task A_faulty_run_of_500_orders_on_postgresql_drains_clean_and_the_journal_equals_the_venue() =>
        FaultyRunDrainsCleanAsync(0.05, 11);
}
