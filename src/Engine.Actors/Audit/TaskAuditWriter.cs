using System.Globalization;
using System.Text.Json;

namespace Engine.Actors.Audit;

/// <summary>The task audit for people (timelines, trade results, a summary) and as one JSON document.</summary>
public static class TaskAuditWriter
{
    /// <summary>Writes each command's timeline, each trade result and the summary line.</summary>
    public static void WriteTable(TaskAuditReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine();
        foreach (var command in report.Commands)
        {
            output.WriteLine(string.Create(c, $"{command.Login} task command {command.CommandId} {command.Operation} -> {command.Final}"));
            foreach (var entry in command.Timeline)
            {
                output.WriteLine(string.Create(c, $"    #{entry.SequenceNr,-5} {entry.Timestamp:yyyy-MM-dd HH:mm:ss.fff} {entry.Event,-20} {entry.Detail}"));
            }
        }

        foreach (var trade in report.Trades)
        {
            output.WriteLine(string.Create(c, $"{trade.Login} trade {trade.ResultId} #{trade.SequenceNr} {trade.Timestamp:yyyy-MM-dd HH:mm:ss} {trade.Detail}"));
        }

        var byFinal = report.Commands.GroupBy(x => x.Final).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        output.WriteLine(string.Create(c,
            $"Tasks: {report.EventsRead} events, {report.Commands.Length} task commands ({string.Join(", ", byFinal)}), {report.Trades.Length} trade results ({report.Trades.Count(t => t.Succeeded)} done, {report.Trades.Count(t => !t.Succeeded)} failed), {report.Violations.Length} violations"));
    }

    /// <summary>Writes the report as one JSON object.</summary>
    public static void WriteJson(TaskAuditReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteNumber("tasksEventsRead", report.EventsRead);
        json.WriteObjects("taskCommands", report.Commands, WriteCommand);
        json.WriteObjects("tradeResults", report.Trades, WriteTrade);
        json.WriteStartArray("taskViolations");
        foreach (var violation in report.Violations)
        {
            json.WriteStringValue(violation.ToString());
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCommand(Utf8JsonWriter json, TaskCommandAudit command)
    {
        json.WriteString("login", command.Login);
        json.WriteString("commandId", command.CommandId);
        json.WriteString("operation", command.Operation);
        json.WriteString("final", command.Final);
        json.WriteBoolean("resolved", command.IsResolved);
        json.WriteNumber("events", command.Timeline.Length);
    }

    private static void WriteTrade(Utf8JsonWriter json, TradeResultAudit trade)
    {
        json.WriteString("login", trade.Login);
        json.WriteString("resultId", trade.ResultId);
        json.WriteString("taskId", trade.TaskId);
        json.WriteBoolean("succeeded", trade.Succeeded);
        json.WriteString("detail", trade.Detail);
    }
}
