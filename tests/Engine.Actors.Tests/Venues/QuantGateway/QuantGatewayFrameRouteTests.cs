using System.Text;
using Engine.Actors.Connections;
using Engine.Actors.Venues.QuantGateway;

namespace Engine.Actors.Tests.Venues.QuantGateway;

public sealed class QuantGatewayFrameRouteTests
{
    private static FrameRoute Of(string frame) => QuantGatewayFrameRoute.Of(Encoding.UTF8.GetBytes(frame));

    [Fact]
    public void A_reply_is_routed_by_the_session_prefix_of_its_cid()
    {
        Assert.Equal(new FrameRoute("qg-1-0a1b2c3d"), Of("""{"op":"place_order","cid":"qg-1-0a1b2c3d-17","result":true,"error_message":"","order_no":"1"}"""));
    }

    [Fact]
    public void A_login_reply_is_routed_by_its_cid_and_also_names_the_token_it_hands_out()
    {
        Assert.Equal(new FrameRoute("qg-1-0a1b2c3d", "05307d90-5d5c-5be0-8494-b072eec21c0c"), Of("""{"op":"login","token":"05307d90-5d5c-5be0-8494-b072eec21c0c","cid":"qg-1-0a1b2c3d-1","result":true}"""));
    }

    [Theory]
    [InlineData("""{"op":"state","token":"05307d90-5d5c-5be0-8494-b072eec21c0c","code":6,"msg":"READY"}""")]
    [InlineData("""{"op":"notify","topic":"order","data":{"cid":"not-this-one-1","token":"nested"},"token":"05307d90-5d5c-5be0-8494-b072eec21c0c"}""")]
    public void A_push_is_routed_by_its_token_and_nested_fields_are_not_read(string frame)
    {
        Assert.Equal(new FrameRoute("05307d90-5d5c-5be0-8494-b072eec21c0c"), Of(frame));
    }

    [Theory]
    [InlineData("""{"op":"error","msg":"'ts'"}""")]
    [InlineData("""{"op":"pong","ts":1}""")]
    [InlineData("""{"op":"place_order","cid":"nodash","result":false}""")]
    [InlineData("""{"op":"place_order","cid":7,"token":""}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"op":"state","token":""")]
    [InlineData("not json")]
    public void A_frame_naming_no_member_has_no_key(string frame)
    {
        Assert.Equal(FrameRoute.None, Of(frame));
    }
}
