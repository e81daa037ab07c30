using System.Text.Json;
using Engine.Actors.Audit;

namespace Engine.Host.Audit;

/// <summary>
/// The audit as ONE JSON object: <c>eventsRead</c>, <c>clean</c>, <c>orders</c> (each with its <c>timeline</c>), <c>fills</c>,
/// <c>externalOrders</c>, <c>externalFills</c>, <c>sessions</c> (start, end, how it ended, the <c>node</c> it ran on or null), <c>protocolViolations</c> (per
/// login, with the raw frame), <c>violations</c>, <c>summary</c> (orders by status, volume, fees, positions from all
/// fills, inferred venue ids). Numbers are JSON numbers.
/// </summary>
internal static class AuditJsonWriter
{
    public static void Write(AuditReport report, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("eventsRead", report.EventsRead);
        w.WriteBoolean("clean", report.IsClean);
        w.WriteStartArray("orders");
        foreach (var order in report.Orders)
        {
            WriteOrder(w, order);
        }

        w.WriteEndArray();
        WriteFills(w, "fills", report.Fills);
        w.WriteStartArray("externalOrders");
        foreach (var order in report.ExternalOrders)
        {
            WriteOrder(w, order);
        }

        w.WriteEndArray();
        WriteFills(w, "externalFills", report.ExternalFills);
        WriteSessions(w, report);
        WriteProtocolViolations(w, report);
        WriteBalanceChecks(w, report);
        w.WriteStartArray("violations");
        foreach (var v in report.Violations)
        {
            w.WriteStartObject();
            w.WriteString("persistenceId", v.PersistenceId);
            w.WriteNumber("sequenceNr", v.SequenceNr);
            w.WriteString("login", v.Login);
            w.WriteString("clientOrderId", v.ClientOrderId);
            w.WriteString("event", v.Event);
            w.WriteString("message", v.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteSummary(w, report);
        w.WriteEndObject();
    }

    private static void WriteFills(Utf8JsonWriter w, string name, IEnumerable<AuditedFill> fills)
    {
        w.WriteStartArray(name);
        foreach (var f in fills)
        {
            w.WriteStartObject();
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
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteSessions(Utf8JsonWriter w, AuditReport report)
    {
        w.WriteStartArray("sessions");
        foreach (var session in report.Sessions)
        {
            w.WriteStartObject();
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
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteBalanceChecks(Utf8JsonWriter w, AuditReport report)
    {
        w.WriteStartArray("balanceChecks");
        foreach (var b in report.BalanceChecks)
        {
            w.WriteStartObject();
            w.WriteString("login", b.Login.Value);
            w.WriteString("asset", b.Asset);
            w.WriteNumber("sequenceNr", b.SequenceNr);
            w.WriteNumber("firstReported", b.FirstReported);
            w.WriteNumber("fromFills", b.FromFills);
            w.WriteNumber("adjustments", b.Adjustments);
            w.WriteNumber("expected", b.Expected);
            w.WriteNumber("lastReported", b.LastReported);
            w.WriteBoolean("holds", b.Holds);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteProtocolViolations(Utf8JsonWriter w, AuditReport report)
    {
        w.WriteStartObject("protocolViolations");
        foreach (var login in report.ProtocolViolations.GroupBy(v => v.Login.Value, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            w.WriteStartArray(login.Key);
            foreach (var v in login)
            {
                w.WriteStartObject();
                w.WriteNumber("sequenceNr", v.SequenceNr);
                w.WriteString("timestamp", v.Timestamp);
                w.WriteString("clientOrderId", v.ClientOrderId.Value);
                w.WriteString("venueOrderId", v.VenueOrderId?.Value);
                w.WriteString("report", v.Report);
                w.WriteString("reason", v.Reason);
                w.WriteString("rawFrame", v.RawFrame);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteOrder(Utf8JsonWriter w, AuditedOrder order)
    {
        var o = order.Final;
        w.WriteStartObject();
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
        w.WriteStartObject("fees");
        foreach (var (asset, fee) in o.Fees)
        {
            w.WriteNumber(asset, fee);
        }

        w.WriteEndObject();
        w.WriteStartArray("timeline");
        foreach (var e in order.Timeline)
        {
            w.WriteStartObject();
            w.WriteNumber("sequenceNr", e.SequenceNr);
            w.WriteString("timestamp", e.Timestamp);
            w.WriteString("event", e.Event);
            w.WriteString("outcome", e.Outcome.ToString());
            w.WriteString("status", e.StatusAfter.ToString());
            w.WriteString("detail", e.Detail);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
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
        w.WriteStartObject("volumeBySymbol");
        foreach (var (symbol, volume) in report.VolumeBySymbol)
        {
            w.WriteNumber(symbol, volume);
        }

        w.WriteEndObject();
        w.WriteStartObject("feesByAsset");
        foreach (var (asset, fee) in report.FeesByAsset)
        {
            w.WriteNumber(asset, fee);
        }

        w.WriteEndObject();
        w.WriteStartArray("positions");
        foreach (var position in report.Positions)
        {
            var p = position.Position;
            w.WriteStartObject();
            w.WriteString("login", position.Login.Value);
            w.WriteString("symbol", p.Symbol.Value);
            w.WriteNumber("quantity", p.Quantity);
            w.WriteNumber("averageCost", p.AverageCost);
            w.WriteNumber("realisedPnl", p.RealisedPnl);
            w.WriteNumber("fees", p.Fees);
            w.WriteNumber("fills", p.Fills);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
