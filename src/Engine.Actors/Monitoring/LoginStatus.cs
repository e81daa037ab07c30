using System.Globalization;
using System.Text;
using Engine.Actors.Orders;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Monitoring;

/// <summary>
/// What the status line shows for one login: connection state, its orders (through the same <see cref="OrderBook"/>
/// the engine uses, so fills are de-duplicated by fill id), fill count and positions. Mutable, one owner.
/// </summary>
public sealed class LoginStatus
{
    /// <summary>Creates the status of a login not heard of yet (Disconnected, no orders).</summary>
    public LoginStatus(LoginId login)
    {
        Login = login;
        Book = new OrderBook(login);
    }

    /// <summary>The login.</summary>
    public LoginId Login { get; }

    /// <summary>Last connection state reported.</summary>
    public ConnectionState State { get; internal set; } = ConnectionState.Disconnected;

    /// <summary>The venue's code and text with the last state change, when it gave one (e.g. <c>6 READY</c>).</summary>
    public string? VenueState { get; internal set; }

    /// <summary>
    /// The node the login's current (latest) session runs on, from its <see cref="Engine.Messages.Orders.SessionStarted"/>;
    /// null until one is seen.
    /// </summary>
    public string? Node { get; internal set; }

    /// <summary>The login's orders as seen on the event stream.</summary>
    public OrderBook Book { get; }

    /// <summary>Positions and PnL from the fills.</summary>
    public PortfolioTracker Portfolio { get; } = new();

    /// <summary>Distinct fills counted.</summary>
    public int Fills { get; internal set; }

    /// <summary>Distinct fills of external orders (included in <see cref="Fills"/> and the positions).</summary>
    public int ExternalFills { get; internal set; }

    /// <summary>Orders that may still trade.</summary>
    public int OpenOrders => Book.Working.Count();

    /// <summary>
    /// One line, e.g. <c>qg-huobi Ready (6 READY) on 127.0.0.1:2551 | open 2 | fills 5 | BTC/USDT pos 0.002 avg 42000.5 last 42010
    /// feed sim-binance BTCUSDT 42012 mark 42011 realised 0.4 unrealised 0.021 fees 0.03 pnl 0.391</c>. A position whose
    /// pair a feed carries (<paramref name="marks"/>) shows the feed's price and is marked at its mid; otherwise
    /// unrealised PnL is marked at the last fill.
    /// </summary>
    public string Render(FeedMarks? marks = null)
    {
        var line = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        line.Append(culture, $"{Login} {State}");
        if (VenueState is not null)
        {
            line.Append(culture, $" ({VenueState})");
        }

        if (Node is not null)
        {
            line.Append(culture, $" on {Node}");
        }

        line.Append(culture, $" | open {OpenOrders} | fills {Fills}");
        if (ExternalFills > 0)
        {
            line.Append(culture, $" (external {ExternalFills})");
        }

        foreach (var p in Positions(marks))
        {
            line.Append(culture, $" | {p.Symbol} pos {N(p.Quantity)} avg {N(p.AverageCost)} last {N(p.LastPrice)}");
            if (marks?.For(p.Symbol) is { Price: { } price } feed)
            {
                line.Append(culture, $" feed {feed.Feed} {feed.Symbol} {N(price)}");
            }

            if (p.MarkPrice is { } mark)
            {
                line.Append(culture, $" mark {N(mark)}");
            }

            line.Append(culture, $" realised {N(p.RealisedPnl)} unrealised {N(p.UnrealisedPnl)}");
            line.Append(culture, $" fees {N(p.Fees)} pnl {N(p.TotalPnl)}");
        }

        foreach (var (asset, fee) in Portfolio.OtherFees.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            line.Append(culture, $" | fees {N(fee)} {asset}");
        }

        return line.ToString();
    }

    /// <summary>The positions in symbol order, each marked at its feed's mid (or last trade) when <paramref name="marks"/> has one.</summary>
    public IEnumerable<SymbolPosition> Positions(FeedMarks? marks = null) =>
        Portfolio.Positions
            .OrderBy(p => p.Symbol.Value, StringComparer.Ordinal)
            .Select(p => marks?.For(p.Symbol) is { Mark: { } mark } ? p with { MarkPrice = mark } : p);

    private static string N(decimal value) => value.ToString("0.########", CultureInfo.InvariantCulture);
}
