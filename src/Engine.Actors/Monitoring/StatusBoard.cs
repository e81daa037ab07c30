using Engine.Messages;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Messages.Orders;

namespace Engine.Actors.Monitoring;

/// <summary>
/// The status of every login, fed with engine events in the order they were published. Logins named at
/// construction are listed from the start (Disconnected); others appear with their first event. Order events run
/// through <see cref="Orders.OrderBook"/>, so a duplicate or invalid event changes nothing and a fill is counted
/// once. Quotes and trades of the feeds (<see cref="FeedMarks"/>) give each position the feed's price and mark its
/// unrealised PnL at the feed's mid. A login's <see cref="SessionStarted"/> names the node its session runs on. Pure;
/// mutable and not thread-safe (one owner).
/// </summary>
public sealed class StatusBoard
{
    private readonly Dictionary<LoginId, LoginStatus> _logins = [];
    private readonly List<LoginId> _order = [];

    /// <summary>A board listing <paramref name="logins"/> in that order.</summary>
    public StatusBoard(IEnumerable<LoginId>? logins = null)
    {
        foreach (var login in logins ?? [])
        {
            StatusOf(login);
        }
    }

    /// <summary>The feeds' latest prices.</summary>
    public FeedMarks Marks { get; } = new();

    /// <summary>The logins in first-seen order.</summary>
    public IReadOnlyList<LoginId> Logins => _order;

    /// <summary>The login's status (created empty when unknown).</summary>
    public LoginStatus StatusOf(LoginId login)
    {
        if (!_logins.TryGetValue(login, out var status))
        {
            status = new LoginStatus(login);
            _logins[login] = status;
            _order.Add(login);
        }

        return status;
    }

    /// <summary>Applies one event; events the board does not track are ignored.</summary>
    public void Apply(IEngineEvent engineEvent)
    {
        switch (engineEvent)
        {
            case ConnectionStateChanged changed:
                var status = StatusOf(changed.Login);
                status.State = changed.State;
                status.VenueState = changed.VenueCode is { } code ? $"{code} {changed.VenueText}".TrimEnd() : changed.VenueText;
                break;
            case SessionStarted started:
                StatusOf(started.Login).Node = started.Node;
                break;
            case IOrderEvent orderEvent:
                ApplyOrderEvent(StatusOf(orderEvent.Login), orderEvent);
                break;
        }
    }

    /// <summary>Applies a quote or trade of a feed (other market data is ignored).</summary>
    public void Apply(IMarketDataEvent marketEvent) => Marks.Apply(marketEvent);

    /// <summary>
    /// One status line per login, in <see cref="Logins"/> order, then, once a feed was heard, one line of the feeds'
    /// prices (<c>feeds | sim-binance BTCUSDT last 50010.5 mid 50010</c>).
    /// </summary>
    public IReadOnlyList<string> Render()
    {
        var lines = _order.Select(l => _logins[l].Render(Marks)).ToList();
        var feeds = Marks.All.Select(m => $"{m.Feed} {m.Symbol}{Part("last", m.Last)}{Part("mid", m.Mid)}").ToList();
        if (feeds.Count > 0)
        {
            lines.Add($"feeds | {string.Join(" | ", feeds)}");
        }

        return lines;
    }

    private static string Part(string name, decimal? value) =>
        value is { } v ? $" {name} {v.ToString("0.########", System.Globalization.CultureInfo.InvariantCulture)}" : string.Empty;

    private static void ApplyOrderEvent(LoginStatus status, IOrderEvent orderEvent)
    {
        var decision = status.Book.Apply(orderEvent);
        if (!decision.ShouldPersist || decision.Result is not { State: var order })
        {
            return;
        }

        var fill = decision.Event switch
        {
            OrderPartiallyFilled f => (f.Price, f.Quantity, f.Fee, f.FeeAsset),
            OrderFilled f => (f.Price, f.Quantity, f.Fee, f.FeeAsset),
            ExternalFillReported f => (f.Price, f.Quantity, f.Fee, f.FeeAsset),
            _ => ((decimal Price, decimal Quantity, decimal? Fee, string? FeeAsset)?)null,
        };
        if (fill is { } f2)
        {
            status.Fills++;
            if (decision.Event is ExternalFillReported)
            {
                status.ExternalFills++;
            }

            status.Portfolio.ApplyFill(order.Symbol, order.Side, f2.Price, f2.Quantity, f2.Fee, f2.FeeAsset);
        }
    }
}
