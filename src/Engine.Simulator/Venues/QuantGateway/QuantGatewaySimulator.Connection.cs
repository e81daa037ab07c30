using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Engine.Simulator.Faults;
using Engine.Simulator.Sockets;
using Engine.Messages.Wire;

namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>Socket life: receive loop, frame dispatch and generic error handling (§2), idle close (§5).</summary>
public sealed partial class QuantGatewaySimulator
{
    private async Task RunSessionAsync(WebSocket socket)
    {
        var session = sockets.Add(id => new QuantSession(id, socket, time.GetUtcNow()));
        await sockets.RunAsync(
            session,
            HandleFrame,
            (s, ex) => QuantGatewayLog.SessionEnded(logger, s.Id, ex.Message),
            onRemoved: DropLogins);
    }

    /// <summary>Handles one text frame under the lock. Activity is recorded only when the frame parsed and handling did not fail.</summary>
    private void HandleFrame(QuantSession session, ReadOnlySpan<byte> frame)
    {
        if (WireText.Problem(frame) is { } problem)
        {
            SendError(session, problem);
            return;
        }

        // The document reads a pooled copy of the frame (the span is the receive buffer), returned once it is disposed.
        var copy = ArrayPool<byte>.Shared.Rent(frame.Length);
        try
        {
            frame.CopyTo(copy);
            HandleFrame(session, frame, copy.AsMemory(0, frame.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    /// <summary>Parses <paramref name="copy"/> (the bytes of <paramref name="frame"/>) and handles the request.</summary>
    private void HandleFrame(QuantSession session, ReadOnlySpan<byte> frame, ReadOnlyMemory<byte> copy)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(copy);
        }
        catch (JsonException ex)
        {
            SendError(session, ParseErrorText(frame, ex));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            try
            {
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new QuantFieldException(root.ValueKind switch
                    {
                        JsonValueKind.Array => "list indices must be integers or slices, not str",
                        JsonValueKind.String => "string indices must be integers, not 'str'",
                        _ => $"'{QuantFrames.PythonType(root)}' object is not subscriptable",
                    });
                }

                var op = Required(root, "op");
                if (op.ValueKind == JsonValueKind.String && Faults.TryTake(FaultKind.Disconnect, op.GetString()) is not null)
                {
                    session.Abort();
                    return;
                }

                Dispatch(session, root, op.ValueKind == JsonValueKind.String ? op.GetString()! : string.Empty);
                session.LastActivity = time.GetUtcNow();
            }
            catch (QuantFieldException ex)
            {
                SendError(session, ex.Message);
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException or ArgumentException)
            {
                QuantGatewayLog.HandlerFailure(logger, ex, session.Id);
                SendError(session, ex.Message);
            }
        }
    }

    private void Dispatch(QuantSession session, JsonElement root, string op)
    {
        var cid = root.TryGetProperty("cid", out var c) ? c : (JsonElement?)null;
        switch (op)
        {
            case "ping":
                Reply(session, "ping", QuantFrames.Pong(venue.PythonJson, Required(root, "ts")));
                break;
            case "login":
                Login(session, root, cid);
                break;
            case "logout":
                Logout(session, root, cid);
                break;
            case "place_order":
            case "cancel_order":
            case "open_orders":
            case "asset":
            case "position":
            case "symbol_info":
                TokenOp(session, root, op, cid);
                break;
            default:
                break;
        }
    }

    /// <summary>Python-like <c>Expecting value: line L column C (char N)</c>; a failed literal is reported at its start, as Python does.</summary>
    private static string ParseErrorText(ReadOnlySpan<byte> frame, JsonException ex)
    {
        var line = (int)(ex.LineNumber ?? 0);
        var index = 0;
        for (var l = 0; l < line && index < frame.Length; index++)
        {
            if (frame[index] == (byte)'\n')
            {
                l++;
            }
        }

        var lineStart = index;
        index = Math.Min(frame.Length, lineStart + (int)(ex.BytePositionInLine ?? 0));
        while (index > lineStart && char.IsAsciiLetter((char)frame[index - 1]))
        {
            index--;
        }

        return $"Expecting value: line {line + 1} column {index - lineStart + 1} (char {index})";
    }

    private static JsonElement Required(JsonElement root, string field) =>
        root.TryGetProperty(field, out var value) ? value : throw QuantFieldException.Missing(field);

    private void SendError(QuantSession session, string message) => session.Send(QuantFrames.Error(venue.PythonJson, message));

    private void CheckIdle()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            foreach (var session in sockets.Open().Where(s => now - s.LastActivity > venue.IdleTimeout).ToList())
            {
                QuantGatewayLog.IdleClose(logger, session.Id);
                DropLogins(session);
                session.Close();
            }
        }
    }

    /// <summary>Forgets every login made on <paramref name="session"/>; under the lock.</summary>
    private void DropLogins(QuantSession session)
    {
        foreach (var login in registry.OfSession(session))
        {
            registry.Remove(login);
        }
    }
}
