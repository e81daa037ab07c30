using System.Text.Json;
using Engine.Messages.Tasks;

namespace Engine.Actors.Venues.DBot;

/// <summary>The account's wallets (REST <c>GET /account/wallets</c>, reference §4.3).</summary>
public static partial class DBotMapper
{
    /// <summary>The REST path of one page of wallets, of one chain family or all.</summary>
    public static string WalletsPath(int page, string? type) =>
        $"account/wallets?page={page}&size={DBotWire.PageSize}" + (type is null ? string.Empty : "&type=" + Uri.EscapeDataString(type));

    /// <summary>The wallets of a page (its <c>res</c> array); an error naming what is wrong otherwise.</summary>
    public static Mapped<IReadOnlyList<BotWallet>> Wallets(string? resJson)
    {
        if (resJson is null)
        {
            return new(null, "GET /account/wallets answered without res");
        }

        using var document = JsonDocument.Parse(resJson);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return new(null, $"GET /account/wallets res is not an array: {Short(document.RootElement)}");
        }

        var wallets = new List<BotWallet>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || Text(item, "id") is not { } id || Text(item, "address") is not { } address)
            {
                return new(null, $"a wallet without id or address: {Short(item)}");
            }

            wallets.Add(new BotWallet(id, Text(item, "name") ?? string.Empty, Text(item, "type") ?? string.Empty, address));
        }

        return new(wallets, null);
    }
}
