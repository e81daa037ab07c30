using System.CommandLine;
using System.Globalization;
using Engine.Actors.Audit;
using Engine.Host.Audit;
using Engine.Persistence.Journal;
using Engine.Persistence.PostgreSql;
using Engine.Persistence.Sqlite;
using Engine.Messages.Identifiers;

namespace Engine.Host.Cli;

/// <summary>
/// <c>engine audit [--journal PATH | --pg CONNECTION] [--plugin engine|akka-sql] [--login L] [--from T] [--to T] [--format table|json]</c>:
/// replays the order journals through the engine's own lifecycle (<see cref="OrderAudit"/>) and prints each order's
/// timeline and a summary. Exit 0 when every invariant holds, 1 on a violation or when the journal cannot be read,
/// 2 for bad arguments.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var journal = new Option<string?>("--journal") { Description = "SQLite journal file. Default: ./data/engine.db." };
        var pg = new Option<string?>("--pg") { Description = "PostgreSQL connection string of the journal (instead of --journal)." };
        var login = new Option<string[]>("--login") { Description = "Audit only this login (repeatable).", AllowMultipleArgumentsPerToken = true };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Only orders created at or after this time (ISO 8601, UTC when no offset)." };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Only orders created before this time." };
        var plugin = new Option<string>("--plugin") { Description = "The persistence plugin that wrote the journal: engine or akka-sql.", DefaultValueFactory = _ => new JournalOptions().ResolvedPlugin() };
        plugin.AcceptOnlyFromAmong("engine", "akka-sql");
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        from.CustomParser = ParseTime;
        to.CustomParser = ParseTime;

        var command = new Command("audit", "Replay the order journals, print timelines and a summary, check the invariants.")
        {
            journal, pg, plugin, login, from, to, format,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(journal) is not null && result.GetResult(pg) is not null)
            {
                result.AddError("--journal and --pg cannot be used together");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var connection = parse.GetValue(pg);
            var options = connection is null
                ? new JournalOptions { Plugin = parse.GetValue(plugin)!, Database = "sqlite", Sqlite = new SqliteOptions { Path = parse.GetValue(journal) ?? new SqliteOptions().Path } }
                : new JournalOptions { Plugin = parse.GetValue(plugin)!, Database = "postgresql", PostgreSql = new PostgreSqlOptions { ConnectionString = connection } };
            IReadOnlyList<AuditedEvent> events;
            try
            {
                events = await AuditJournalReader.ReadAsync(options, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"engine audit: cannot read the journal: {ex.Message}");
                return ExitCodes.Failure;
            }

            var logins = (parse.GetValue(login) ?? []).Select(l => new LoginId(l)).ToHashSet();
            var report = OrderAudit.Run(events, new AuditFilter(logins, parse.GetValue(from), parse.GetValue(to)));
            var tasks = TaskAudit.Run(events, new AuditFilter(logins, parse.GetValue(from), parse.GetValue(to)));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
            {
                using var buffer = new MemoryStream();
                AuditJsonWriter.Write(report, buffer);
                var json = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
                if (tasks.EventsRead > 0)
                {
                    // One JSON document: the task report goes under "tasks" of the order report.
                    using var taskBuffer = new MemoryStream();
                    TaskAuditWriter.WriteJson(tasks, taskBuffer);
                    var document = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
                    document["tasks"] = System.Text.Json.Nodes.JsonNode.Parse(taskBuffer.ToArray());
                    json = document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
                }

                await output.WriteLineAsync(json);
            }
            else
            {
                AuditTableWriter.Write(report, output);
                if (tasks.EventsRead > 0)
                {
                    TaskAuditWriter.WriteTable(tasks, output);
                }

                RiskAuditWriter.Write(await RiskAuditReader.ReadAsync(options, cancellationToken), parse.GetValue(from), parse.GetValue(to), output);
            }

            foreach (var violation in report.Violations)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"audit violation: {violation}");
            }

            foreach (var violation in tasks.Violations)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"audit violation: {violation}");
            }

            return report.IsClean && tasks.IsClean ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static DateTimeOffset? ParseTime(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        result.AddError($"'{text}' is not a time; expected ISO 8601 such as 2026-01-31T12:00:00Z");
        return null;
    }
}
