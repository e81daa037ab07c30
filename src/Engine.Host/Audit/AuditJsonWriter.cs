using System.Text.Json;
using Engine.Actors.Audit;

namespace Engine.Host.Audit;

/// <summary>
/// The audit as ONE JSON object: <c>eventsRead</c>, <c>clean</c>, <c>orders</c> (each with its <c>timeline</c>), <c>fills</c>,
/// <c>externalOrders</c>, <c>externalFills</c>, <c>sessions</c> (start, end, how it ended, the <c>node</c> it ran on or null), <c>protocolViolations</c> (per
/// login, with the raw frame), <c>violations</c>, <c>summary</c> (orders by status, volume, fees, positions from all
/// fills, inferred venue ids). Numbers are JSON numbers. Each kind of record has one method writing its fields
/// (<see cref="AuditJson.WriteObjects"/> wraps them in objects and arrays).
/// </summary>
internal static class AuditJsonWriter
{
    public static void Write(AuditReport report, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("eventsRead", report.EventsRead);
        w.WriteBoolean("clean", report.IsClean);
        w.WriteObjects("orders", report.Orders, WriteOrder);
        w.WriteObjects("fills", report.Fills, WriteFill);
        w.WriteObjects("externalOrders", report.ExternalOrders, WriteOrder);
        w.WriteObjects("externalFills", report.ExternalFills, WriteFill);
        w.WriteObjects("sessions", report.Sessions, WriteSession);
        WriteProtocolViolations(w, report);
        w.WriteObjects("balanceChecks", report.BalanceChecks, WriteBalanceCheck);
        w.WriteObjects("violations", report.Violations, WriteViolation);
        WriteSummary(w, report);
        w.WriteEndObject();
    }

    private static void WriteFill(Utf8JsonWriter w, AuditedFill f)
    {
        w.WriteString("login", f.Login.Value);
        w.WriteString("clientOrderId", f.ClientOrderId.Value);
        w.WriteString("fillId", f.FillId.ToString());
        w.WriteString("symbol", f.Symbol.Value);
        w.WriteString("side", f.Side.ToString());
        w.WriteNumber("price", f.Price);
        w.WriteNumber("quantity", f.Quantity);
        if (f.Fee is { } fee)
        {
            w.WriteNumber("fee", fee);
            w.WriteString("feeAsset", f.FeeAsset);
        }

        w.WriteString("timestamp", f.Timestamp);
    }

    private static void WriteSession(Utf8JsonWriter w, AuditSession session)
    {
        w.WriteString("login", session.Login.Value);
        w.WriteString("start", session.Start);
        w.WriteString("end", session.End);
        w.WriteString("how", session.How);
        w.WriteBoolean("endedInOrder", session.EndedInOrder);
        if (session.Node is { } node)
        {
            w.WriteString("node", node);
        }
        else
        {
            w.WriteNull("node");
        }

        w.WriteStartArray("leftOpen");
        foreach (var left in session.LeftOpen)
        {
            w.WriteStringValue(left);
        }

        w.WriteEndArray();
    }

    private static void WriteBalanceCheck(Utf8JsonWriter w, AuditBalanceCheck b)
    {
        w.WriteString("login", b.Login.Value);
        w.WriteString("asset", b.Asset);
        w.WriteNumber("sequenceNr", b.SequenceNr);
        w.WriteNumber("firstReported", b.FirstReported);
        w.WriteNumber("fromFills", b.FromFills);
        w.WriteNumber("adjustments", b.Adjustments);
        w.WriteNumber("expected", b.Expected);
        w.WriteNumber("lastReported", b.LastReported);
        w.WriteBoolean("holds", b.Holds);
    }

    private static void WriteViolation(Utf8JsonWriter w, AuditViolation v)
    {
        w.WriteString("persistenceId", v.PersistenceId);
        w.WriteNumber("sequenceNr", v.SequenceNr);
        w.WriteString("login", v.Login);
        w.WriteString("clientOrderId", v.ClientOrderId);
        w.WriteString("event", v.Event);
        w.WriteString("message", v.Message);
    }

    /// <summary><c>protocolViolations</c>: an object with one array per login, logins in ordinal order.</summary>
    private static void WriteProtocolViolations(Utf8JsonWriter w, AuditReport report)
    {
        w.WriteStartObject("protocolViolations");
        foreach (var login in report.ProtocolViolations.GroupBy(v => v.Login.Value, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            w.WriteObjects(login.Key, login, WriteProtocolViolation);
        }

        w.WriteEndObject();
    }

    private static void WriteProtocolViolation(Utf8JsonWriter w, AuditProtocolViolation v)
    {
        w.WriteNumber("sequenceNr", v.SequenceNr);
        w.WriteString("timestamp", v.Timestamp);
        w.WriteString("clientOrderId", v.ClientOrderId.Value);
        w.WriteString("venueOrderId", v.VenueOrderId?.Value);
        w.WriteString("report", v.Report);
        w.WriteString("reason", v.Reason);
        w.WriteString("rawFrame", v.RawFrame);
    }

    private static void WriteOrder(Utf8JsonWriter w, AuditedOrder order)
    {
        var o = order.Final;
        w.WriteString("login", o.Login.Value);
        w.WriteString("clientOrderId", o.ClientOrderId.Value);
        w.WriteString("venueOrderId", o.VenueOrderId?.ToString());
        w.WriteString("symbol", o.Symbol.Value);
        w.WriteString("side", o.Side.ToString());
        w.WriteString("type", o.Type.ToString());
        w.WriteNumber("quantity", o.Quantity);
        if (o.Price is { } price)
        {
            w.WriteNumber("price", price);
        }

        w.WriteString("status", o.Status.ToString());
        w.WriteNumber("filled", o.FilledQuantity);
        w.WriteNumber("averagePrice", o.AveragePrice);
        w.WriteNumbers("fees", o.Fees);
        w.WriteObjects("timeline", order.Timeline, WriteTimelineEntry);
    }

    private static void WriteTimelineEntry(Utf8JsonWriter w, AuditTimelineEntry e)
    {
        w.WriteNumber("sequenceNr", e.SequenceNr);
        w.WriteString("timestamp", e.Timestamp);
        w.WriteString("event", e.Event);
        w.WriteString("outcome", e.Outcome.ToString());
        w.WriteString("status", e.StatusAfter.ToString());
        w.WriteString("detail", e.Detail);
    }

    private static void WriteSummary(Utf8JsonWriter w, AuditReport report)
    {
        w.WriteStartObject("summary");
        w.WriteNumber("orders", report.Orders.Length);
        w.WriteNumber("fills", report.Fills.Length);
        w.WriteNumber("externalOrders", report.ExternalOrders.Length);
        w.WriteNumber("externalFills", report.ExternalFills.Length);
        w.WriteNumber("inferredVenueIds", report.InferredVenueIds);
        w.WriteNumber("inferredFills", report.InferredFills);
        w.WriteNumber("protocolViolations", report.ProtocolViolations.Length);
        w.WriteStartObject("ordersByStatus");
        foreach (var (status, count) in report.OrdersByStatus)
        {
            w.WriteNumber(status.ToString(), count);
        }

        w.WriteEndObject();
        w.WriteNumbers("volumeBySymbol", report.VolumeBySymbol);
        w.WriteNumbers("feesByAsset", report.FeesByAsset);
        w.WriteObjects("positions", report.Positions, WritePosition);
        w.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter w, AuditPosition position)
    {
        var p = position.Position;
        w.WriteString("login", position.Login.Value);
        w.WriteString("symbol", p.Symbol.Value);
        w.WriteNumber("quantity", p.Quantity);
        w.WriteNumber("averageCost", p.AverageCost);
        w.WriteNumber("realisedPnl", p.RealisedPnl);
        w.WriteNumber("fees", p.Fees);
        w.WriteNumber("fills", p.Fills);
    }
}
