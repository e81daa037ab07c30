// ccxt pro's toobit class, unchanged, against the Toobit simulator: only urls.api (REST) and urls.api.ws (quote and
// user streams) point at it. ws:// needs ccxt's loadHttpProxyAgent() (toobit-rest.md §9.3).
// Usage: CCXT_HOME=/tmp/ccxt TOOBIT_SIM_URL=http://127.0.0.1:PORT node watch.mjs
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(process.env.CCXT_HOME ? join(process.env.CCXT_HOME, 'package.json') : import.meta.url);
const ccxt = require('ccxt');
const base = process.env.TOOBIT_SIM_URL;
if (!base) {
    console.error('TOOBIT_SIM_URL is required (http://127.0.0.1:PORT of engine simulate --venue toobit)');
    process.exit(2);
}

const exchange = new ccxt.pro.toobit({ apiKey: process.env.TOOBIT_API_KEY ?? 'demo-toobit-key', secret: process.env.TOOBIT_SECRET ?? 'demo-toobit-secret' });
exchange.urls.api = { common: base, private: base, ws: { common: base.replace(/^http/, 'ws') } };
await exchange.loadHttpProxyAgent();

let failed = false;
const step = async (name, action, detail) => {
    try {
        console.log(`ok ${name} ${detail(await action())}`);
    } catch (e) {
        console.log(`FAIL ${name} ${e.constructor.name}: ${e.message}`);
        failed = true;
    }
};
const check = (condition, what) => {
    if (!condition) {
        throw new Error(what);
    }
};

await step('watchTicker', () => exchange.watchTicker('BTC/USDT'), (t) => {
    check(t.last > 0 && t.high >= t.low, `ticker ${JSON.stringify([t.last, t.high, t.low])}`);
    return `last=${t.last}`;
});
await step('watchOrderBook depth', () => exchange.watchOrderBook('BTC/USDT'), (b) => {
    check(b.bids.length > 0 && b.asks.length > 0 && b.bids[0][0] < b.asks[0][0], 'empty or crossed book');
    return `bid=${b.bids[0][0]} ask=${b.asks[0][0]}`;
});
await step('watchOrderBook diffDepth', () => exchange.watchOrderBook('BTC/USDT:USDT', undefined, { channel: 'diffDepth' }), (b) => {
    check(b.bids.length > 0 && b.asks.length > 0 && b.bids[0][0] < b.asks[0][0], 'empty or crossed book');
    return `bid=${b.bids[0][0]} ask=${b.asks[0][0]}`;
});
// The first push after a sub replays the venue's recent trades, which a market that just opened does not have yet:
// watch until one arrives (the simulator's market steps every second), as a client on a quiet market would.
const firstTrades = async (symbol) => {
    for (let i = 0; i < 20; i++) {
        const trades = await exchange.watchTrades(symbol);
        if (trades.length > 0) {
            return trades;
        }
    }
    return [];
};
await step('watchTrades', () => firstTrades('BTC/USDT'), (trades) => {
    check(trades.length > 0 && trades.every((t) => t.side === 'buy' || t.side === 'sell'), 'no trades');
    return `count=${trades.length} last=${trades[trades.length - 1].price}`;
});
await step('watchOrders', async () => {
    const orders = exchange.watchOrders('BTC/USDT');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const placed = await exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.001, 40000);
    const seen = await orders;
    check(seen.some((o) => o.id === placed.id), `order ${placed.id} not pushed`);
    await exchange.cancelOrder(placed.id, 'BTC/USDT');
    return `count=${seen.length} status=${seen[0].status}`;
}, (detail) => detail);
await exchange.close();
console.log(failed ? 'failed' : 'done');
process.exit(failed ? 1 : 0);
