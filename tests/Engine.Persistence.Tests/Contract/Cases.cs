using Engine.Persistence.Tests.Support;

namespace Engine.Persistence.Tests.Contract;

/// <summary>The engine plugin on SQLite (WAL, synchronous=full).</summary>
public sealed class EngineSqliteContract() : PersistenceContract(new PluginCase("engine", "sqlite"));

/// <summary>The engine plugin on PostgreSQL (a fresh schema per test).</summary>
[RequiresPostgreSql]
public sealed class EnginePostgreSqlContract() : PersistenceContract(new PluginCase("engine", "postgresql"));

/// <summary>The engine plugin in memory (SIGKILL case not applicable).</summary>
public sealed class EngineInMemoryContract() : PersistenceContract(new PluginCase("engine", "in-memory"));

/// <summary>Akka.Persistence.Sql on SQLite (SQLite.MS, WAL switched on at start-up, tag table).</summary>
public sealed class AkkaSqlSqliteContract() : PersistenceContract(new PluginCase("akka-sql", "sqlite"));

/// <summary>Akka.Persistence.Sql on PostgreSQL (PostgreSQL.15, tag table, a fresh schema per test).</summary>
[RequiresPostgreSql]
public sealed class AkkaSqlPostgreSqlContract() : PersistenceContract(new PluginCase("akka-sql", "postgresql"));
