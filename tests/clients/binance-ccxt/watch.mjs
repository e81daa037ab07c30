// ccxt pro's binance class, unchanged, against the Binance simulator: only its URLs point at it, urls.api.ws.spot at the
// stream endpoint and urls.api.public at the REST endpoints ccxt calls (exchangeInfo for loadMarkets, depth for the
// order book snapshot). options.fetchMarkets.types = ['spot'] because the simulator is a spot venue (ccxt would also ask
// the futures hosts). ws:// needs ccxt's loadHttpProxyAgent(), as for the Toobit script.
// Usage: CCXT_HOME=/tmp/ccxt BINANCE_SIM_URL=http://127.0.0.1:PORT node watch.mjs
// Prints one line per step ("ok <step> <detail>" or "FAIL ..."), then "done" or "failed" (exit 1).
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(process.env.CCXT_HOME ? join(process.env.CCXT_HOME, 'package.json') : import.meta.url);
const ccxt = require('ccxt');
const base = process.env.BINANCE_SIM_URL?.replace(/\/+$/, '');
if (!base) {
    console.error('BINANCE_SIM_URL is required (http://127.0.0.1:PORT of engine simulate --venue binance)');
    process.exit(2);
}

const exchange = new ccxt.pro.binance({ options: { fetchMarkets: { types: ['spot'] } } });
exchange.urls.api.public = base + '/api/v3';
exchange.urls.api.ws.spot = base.replace(/^http/, 'ws') + '/ws';
await exchange.loadHttpProxyAgent();

let failed = false;
const step = async (name, action, detail) => {
    try {
        const result = await action();
        console.log(`ok ${name} ${detail(result)}`);
        return result;
    } catch (e) {
        console.log(`FAIL ${name} ${e.constructor.name}: ${e.message}`);
        failed = true;
        return undefined;
    }
};
const check = (condition, what) => {
    if (!condition) {
        throw new Error(what);
    }
};
const sortedDown = (levels) => levels.every((l, i) => i === 0 || l[0] < levels[i - 1][0]);
const sortedUp = (levels) => levels.every((l, i) => i === 0 || l[0] > levels[i - 1][0]);

await step('loadMarkets', () => exchange.loadMarkets(), (m) => {
    check(m['BTC/USDT']?.precision?.price === 0.01 && m['BTC/USDT'].spot === true, `BTC/USDT ${JSON.stringify(m['BTC/USDT']?.precision)}`);
    return Object.keys(m).sort().join(',');
});
// ccxt 4.5.84 watches @miniTicker for watchTicker (24hrMiniTicker: no best bid/ask).
await step('watchTicker', () => exchange.watchTicker('BTC/USDT'), (t) => {
    check(t.symbol === 'BTC/USDT' && t.last > 0 && t.open > 0 && t.high >= Math.max(t.last, t.open) && t.low <= Math.min(t.last, t.open) && t.baseVolume > 0, `ticker ${JSON.stringify([t.last, t.open, t.high, t.low, t.baseVolume])}`);
    return `last=${t.last} open=${t.open} high=${t.high} low=${t.low} volume=${t.baseVolume} event=${t.info.e}`;
});
await step('watchTrades', () => exchange.watchTrades('BTC/USDT'), (trades) => {
    check(trades.length > 0, 'no trades');
    check(trades.every((t) => t.symbol === 'BTC/USDT' && t.price > 0 && t.amount > 0 && (t.side === 'buy' || t.side === 'sell') && t.id !== undefined), `trades ${JSON.stringify(trades.map((t) => [t.id, t.price, t.amount, t.side]))}`);
    const t = trades[trades.length - 1];
    return `count=${trades.length} id=${t.id} price=${t.price} amount=${t.amount} side=${t.side}`;
});
// ccxt hands back the same order book object, updated in place: keep what the first call saw.
const first = await step('watchOrderBook', () => exchange.watchOrderBook('BTC/USDT'), (b) => {
    check(b.bids.length > 0 && b.asks.length > 0 && b.bids[0][0] < b.asks[0][0], `empty or crossed book: ${JSON.stringify([b.bids[0], b.asks[0]])}`);
    check(sortedDown(b.bids) && sortedUp(b.asks), 'levels out of order');
    return `bid=${b.bids[0][0]} ask=${b.asks[0][0]} nonce=${b.nonce}`;
}).then((b) => ({ nonce: b?.nonce }));
// The next updates apply the diffs on the snapshot (U/u continuity checked by ccxt, which throws on a gap).
await step('watchOrderBook updates', async () => {
    let book;
    do {
        book = await exchange.watchOrderBook('BTC/USDT');
    } while (book.nonce === first.nonce);
    return book;
}, (b) => {
    check(b.nonce > first.nonce && b.bids[0][0] < b.asks[0][0] && sortedDown(b.bids) && sortedUp(b.asks), `book ${b.nonce} ${JSON.stringify([b.bids[0], b.asks[0]])}`);
    return `bid=${b.bids[0][0]} ask=${b.asks[0][0]} nonce=${b.nonce}`;
});
await step('watchBidsAsks', () => exchange.watchBidsAsks(['ETH/USDT']), (tickers) => {
    const t = tickers['ETH/USDT'];
    check(t !== undefined && t.bid < t.ask && t.bidVolume > 0 && t.askVolume > 0, `bidsAsks ${JSON.stringify(tickers)}`);
    return `bid=${t.bid} ask=${t.ask}`;
});
// Without symbols ccxt watches the all-market !miniTicker@arr stream.
await step('watchTickers all', () => exchange.watchTickers(), (tickers) => {
    const symbols = Object.keys(tickers).sort();
    check(symbols.length > 0 && symbols.every((s) => ['BTC/USDT', 'ETH/BTC', 'ETH/USDT'].includes(s) && tickers[s].last > 0), `tickers ${JSON.stringify(tickers)}`);
    return `symbols=${symbols.join(',')}`;
});
await step('watchOHLCV', () => exchange.watchOHLCV('BTC/USDT', '1m'), (candles) => {
    const [ts, o, h, l, c] = candles[candles.length - 1];
    check(ts % 60000 === 0 && l <= Math.min(o, c) && h >= Math.max(o, c), `candle ${JSON.stringify(candles[candles.length - 1])}`);
    return `open=${o} high=${h} low=${l} close=${c}`;
});
// REST GET /api/v3/ticker/24hr.
await step('fetchTicker', () => exchange.fetchTicker('BTC/USDT'), (t) => {
    check(t.symbol === 'BTC/USDT' && t.last > 0 && t.bid < t.ask && t.high >= t.low && t.baseVolume > 0, `ticker ${JSON.stringify([t.last, t.bid, t.ask, t.high, t.low, t.baseVolume])}`);
    return `last=${t.last} bid=${t.bid} ask=${t.ask}`;
});
await step('unWatchTrades', () => exchange.unWatchTrades('BTC/USDT'), () => 'unsubscribed');
await exchange.close();
console.log(failed ? 'failed' : 'done');
process.exit(failed ? 1 : 0);
