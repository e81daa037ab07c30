using System.Text.Json;
using Engine.Actors.Connections;

namespace Engine.Actors.Venues.QuantGateway;

/// <summary>
/// Which login of a socket group a quant gateway frame belongs to, read from its top-level fields without decoding it:
/// a reply echoes the request's <c>cid</c>, which the engine writes as <c>&lt;session prefix&gt;-&lt;n&gt;</c>
/// (<see cref="Connections.Policies.CidGenerator"/>), so the key is that prefix, and a login reply also hands out the
/// <c>token</c> (<see cref="FrameRoute.Also"/>); a push (<c>notify</c>, <c>state</c>) carries the login's token. A frame
/// with neither (an <c>op:"error"</c> without cid, a pong) or one that is not a JSON object names no member and goes to
/// every member, whose behaviour then keeps or drops it as before.
/// </summary>
public static class QuantGatewayFrameRoute
{
    /// <summary>The frame's route: the cid's session prefix (and the token beside it), else the token.</summary>
    public static FrameRoute Of(ReadOnlySpan<byte> frame)
    {
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return FrameRoute.None;
            }

            string? prefix = null;
            string? token = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCid = reader.ValueTextEquals("cid"u8);
                var isToken = !isCid && reader.ValueTextEquals("token"u8);
                reader.Read();
                if (isCid && reader.TokenType == JsonTokenType.String)
                {
                    prefix = SessionPrefix(reader.GetString());
                }
                else if (isToken && reader.TokenType == JsonTokenType.String)
                {
                    token = reader.GetString() is { Length: > 0 } value ? value : null;
                }
                else
                {
                    reader.Skip();
                }
            }

            return prefix is not null ? new FrameRoute(prefix, token) : new FrameRoute(token);
        }
        catch (JsonException)
        {
            return FrameRoute.None;
        }
    }

    private static string? SessionPrefix(string? cid)
    {
        var dash = cid?.LastIndexOf('-') ?? -1;
        return dash > 0 ? cid![..dash] : null;
    }
}
