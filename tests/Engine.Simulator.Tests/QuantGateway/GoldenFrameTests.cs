using System.Text.Json;
using Engine.Simulator.Hosting;
using Engine.Simulator.Tests.Support;
using static Engine.Simulator.Tests.Support.QuantTestClient;

namespace Engine.Simulator.Tests.QuantGateway;

/// <summary>
/// Request/reply pairs from the protocol reference (files in golden/): the simulator's reply must have the same
/// field names in the same order and the same JSON types, echo cid with its type, and carry the same
/// op/result/error_message. Expected pushes are checked the same way.
/// </summary>
public class GoldenFrameTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "QuantGateway", "golden");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Golden_folder_is_not_empty() => Assert.True(Files().Count >= 10);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Reply_matches_golden_frame(string file)
    {
        var golden = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, file))).RootElement;
        var futures = golden.GetProperty("platform").GetString() == "huobi_future";
        await using var host = await SimulatorHost.StartAsync("quant-gateway", Options());
        await using var client = await ConnectAsync(host);

        var token = string.Empty;
        if (golden.GetProperty("login").GetBoolean())
        {
            token = futures ? await client.LoginFuturesAsync() : await client.LoginSpotAsync();
            await client.DrainUntilPongAsync("after-login");
        }

        var orderNo = string.Empty;
        if (golden.TryGetProperty("setup", out var setup))
        {
            foreach (var step in setup.EnumerateArray())
            {
                await client.SendAsync(step.GetRawText().Replace("<token>", token, StringComparison.Ordinal));
                var reply = await client.ExpectOpAsync(Str(step, "op")!, Str(step, "cid"));
                orderNo = Str(reply, "order_no") ?? orderNo;
            }
        }

        var request = golden.GetProperty("request");
        await client.SendAsync(request.GetRawText().Replace("<token>", token, StringComparison.Ordinal).Replace("<order_no>", orderNo, StringComparison.Ordinal));
        var frames = await client.DrainUntilPongAsync("golden-sentinel");
        var expected = golden.GetProperty("reply");
        var actual = frames.First(f => Str(f, "op") == Str(expected, "op") && (!expected.TryGetProperty("cid", out var cid) || f.GetProperty("cid").GetRawText() == cid.GetRawText()));

        AssertShape(expected, actual, "reply");
        foreach (var name in new[] { "op", "result", "error_message" })
        {
            if (expected.TryGetProperty(name, out var value))
            {
                Assert.Equal(value.GetRawText(), actual.GetProperty(name).GetRawText());
            }
        }

        if (expected.TryGetProperty("cid", out var expectedCid))
        {
            Assert.Equal(expectedCid.ValueKind, actual.GetProperty("cid").ValueKind);
        }
        else
        {
            Assert.False(actual.TryGetProperty("cid", out _));
        }

        if (golden.TryGetProperty("pushes", out var pushes))
        {
            foreach (var push in pushes.EnumerateArray())
            {
                var match = frames.FirstOrDefault(f => Str(f, "op") == Str(push, "op") && Str(f, "topic") == Str(push, "topic")
                    && (Str(push, "op") != "state" || f.GetProperty("code").GetInt32() == push.GetProperty("code").GetInt32()));
                Assert.True(match.ValueKind == JsonValueKind.Object, $"no {Str(push, "op")}/{Str(push, "topic")} push in {file}");
                AssertShape(push, match, "push");
                Assert.False(match.TryGetProperty("cid", out _));
            }
        }
    }

    private static void AssertShape(JsonElement expected, JsonElement actual, string path)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: expected {expected.ValueKind}, got {actual.ValueKind}");
        if (expected.ValueKind == JsonValueKind.Object)
        {
            Assert.Equal(expected.EnumerateObject().Select(p => p.Name).ToList(), actual.EnumerateObject().Select(p => p.Name).ToList());
            foreach (var property in expected.EnumerateObject())
            {
                AssertShape(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
            }
        }
        else if (expected.ValueKind == JsonValueKind.Array && expected.GetArrayLength() > 0)
        {
            Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
            for (var i = 0; i < expected.GetArrayLength(); i++)
            {
                AssertShape(expected[i], actual[i], $"{path}[{i}]");
            }
        }
    }
}
