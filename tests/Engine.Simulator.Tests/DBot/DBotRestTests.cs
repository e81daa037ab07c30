using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Engine.Simulator.Tests.DBot;

/// <summary>§4: the REST envelope over the same task store as the WebSocket.</summary>
public class DBotRestTests
{
    [Fact]
    public async Task Rest_creates_edits_lists_and_deletes_with_the_documented_envelope()
    {
        var (h, _) = await DBotTestClient.StartAsync();
        await using var host = h;
        using var http = new HttpClient { BaseAddress = host.BaseUri };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("automation/follow_orders", UriKind.Relative))).StatusCode);
        http.DefaultRequestHeaders.Add("X-API-KEY", DBotTestClient.Key);

        var created = await ReadAsync(await http.PostAsJsonAsync("automation/follow_order", DBotTestClient.FollowOrder("rest-1")));
        Assert.False(created.GetProperty("err").GetBoolean());
        var id = created.GetProperty("res").GetProperty("id").GetString()!;

        var toggled = await ReadAsync(await http.PatchAsJsonAsync("automation/follow_order", new JsonObject { ["id"] = id, ["enabled"] = false, ["closePnlOrder"] = false }));
        Assert.Equal("""{"err":false,"res":""}""", toggled.GetRawText());

        await using var ws = await DBotTestClient.ConnectAsync(host);
        var listed = (await ws.CallAsync("listFollowOrders")).GetProperty("res");
        Assert.False(listed[0].GetProperty("enabled").GetBoolean());

        var list = await ReadAsync(await http.GetAsync(new Uri("automation/follow_orders?page=0&size=20&chain=solana", UriKind.Relative)));
        Assert.Equal(id, list.GetProperty("res")[0].GetProperty("id").GetString());

        var unknown = await ReadAsync(await http.DeleteAsync(new Uri("automation/follow_order/m0000000000zzz", UriKind.Relative)));
        Assert.True(unknown.GetProperty("err").GetBoolean());
        var deleted = await ReadAsync(await http.DeleteAsync(new Uri($"automation/follow_order/{id}?deletePnlOrder=true", UriKind.Relative)));
        Assert.Equal("""{"err":false,"res":""}""", deleted.GetRawText());

        var wallets = await ReadAsync(await http.GetAsync(new Uri("account/wallets?type=solana", UriKind.Relative)));
        Assert.Equal(2, wallets.GetProperty("res").GetArrayLength());
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
