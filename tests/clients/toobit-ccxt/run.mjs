// ccxt's toobit class, unchanged, against the Toobit simulator: only its base URLs point at the simulator.
// Usage: TOOBIT_SIM_URL=http://127.0.0.1:PORT node run.mjs
// ccxt is resolved from CCXT_HOME (a folder whose node_modules holds ccxt, e.g. /tmp/ccxt) or from node's normal
// lookup; it is never committed.
// Prints one line per step ("ok <step> <detail>") and exits non-zero at the first failing step.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(process.env.CCXT_HOME ? join(process.env.CCXT_HOME, 'package.json') : import.meta.url);
const ccxt = require('ccxt');
const base = process.env.TOOBIT_SIM_URL;
if (!base) {
    console.error('TOOBIT_SIM_URL is required (http://127.0.0.1:PORT of engine simulate --venue toobit)');
    process.exit(2);
}

const exchange = new ccxt.toobit({
    apiKey: process.env.TOOBIT_API_KEY ?? 'demo-toobit-key',
    secret: process.env.TOOBIT_SECRET ?? 'demo-toobit-secret',
    timeout: 10000,
});
exchange.urls.api = { common: base, private: base };

const step = async (name, action, detail) => {
    try {
        const result = await action();
        console.log(`ok ${name} ${detail(result)}`);
        return result;
    } catch (e) {
        console.log(`FAIL ${name} ${e.constructor.name}: ${e.message}`);
        process.exit(1);
    }
};

const check = (condition, what) => {
    if (!condition) {
        throw new Error(what);
    }
};

const markets = await step('loadMarkets', () => exchange.loadMarkets(), (m) => Object.keys(m).sort().join(','));
check(markets['BTC/USDT'] !== undefined, 'BTC/USDT missing');
await step('fetchBalance', () => exchange.fetchBalance(), (b) => {
    check(b.USDT !== undefined && b.USDT.total > 0, `no USDT balance: ${JSON.stringify(b.total)}`);
    return `USDT=${b.USDT.total} BTC=${b.BTC?.total}`;
});
const ticker = await step('fetchTicker', () => exchange.fetchOrderBook('BTC/USDT', 5), (book) => `bid=${book.bids[0][0]} ask=${book.asks[0][0]}`);
const bid = ticker.bids[0][0];
const ask = ticker.asks[0][0];
const resting = await step('createOrder limit', () => exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.001, Math.floor(bid * 0.9)), (o) => {
    check(typeof o.id === 'string' && o.id.length > 0, `no order id: ${JSON.stringify(o)}`);
    return `id=${o.id} status=${o.status}`;
});
await step('fetchOrder', () => exchange.fetchOrder(resting.id, 'BTC/USDT'), (o) => {
    check(o.id === resting.id && o.status === 'open', `fetched ${o.id} ${o.status}`);
    return `id=${o.id} status=${o.status} price=${o.price} amount=${o.amount}`;
});
await step('fetchOpenOrders', () => exchange.fetchOpenOrders('BTC/USDT'), (list) => {
    check(list.some((o) => o.id === resting.id), `resting order ${resting.id} not listed`);
    return `count=${list.length}`;
});
await step('cancelOrder', () => exchange.cancelOrder(resting.id, 'BTC/USDT'), (o) => `id=${o.id} status=${o.status}`);
await step('fetchOrder canceled', () => exchange.fetchOrder(resting.id, 'BTC/USDT'), (o) => {
    check(o.status === 'canceled', `status ${o.status}`);
    return `status=${o.status}`;
});
const taker = await step('createOrder crossing limit', () => exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.001, Math.ceil(ask * 1.01)), (o) => `id=${o.id}`);
await step('fetchOrder filled', () => exchange.fetchOrder(taker.id, 'BTC/USDT'), (o) => {
    check(o.status === 'closed' && o.filled === 0.001, `status ${o.status} filled ${o.filled}`);
    return `status=${o.status} filled=${o.filled} average=${o.average}`;
});
await step('fetchMyTrades', () => exchange.fetchMyTrades('BTC/USDT'), (trades) => {
    check(trades.some((t) => t.order === taker.id), `no trade of order ${taker.id}: ${JSON.stringify(trades.map((t) => t.order))}`);
    const t = trades.find((x) => x.order === taker.id);
    return `count=${trades.length} price=${t.price} amount=${t.amount} fee=${t.fee?.cost} ${t.fee?.currency} side=${t.side}`;
});
await step('fetchOpenOrders empty', () => exchange.fetchOpenOrders('BTC/USDT'), (list) => {
    check(list.length === 0, `still open: ${list.map((o) => o.id)}`);
    return 'count=0';
});
const swapBook = await step('fetchOrderBook swap', () => exchange.fetchOrderBook('BTC/USDT:USDT', 5), (book) => `bid=${book.bids[0][0]} ask=${book.asks[0][0]}`);
const swapOrder = await step('createOrder swap limit', () => exchange.createOrder('BTC/USDT:USDT', 'limit', 'buy', 1, Math.floor(swapBook.bids[0][0] * 0.9)), (o) => `id=${o.id}`);
await step('fetchOpenOrders swap', () => exchange.fetchOpenOrders('BTC/USDT:USDT'), (list) => {
    check(list.some((o) => o.id === swapOrder.id), `swap order ${swapOrder.id} not listed`);
    return `count=${list.length}`;
});
await step('cancelOrder swap', () => exchange.cancelOrder(swapOrder.id, 'BTC/USDT:USDT'), (o) => `id=${o.id} status=${o.status}`);
await step('createOrder swap market', () => exchange.createOrder('BTC/USDT:USDT', 'market', 'buy', 2), (o) => `id=${o.id}`);
await step('fetchPositions', () => exchange.fetchPositions(['BTC/USDT:USDT']), (positions) => {
    const long = positions.find((p) => p.symbol === 'BTC/USDT:USDT' && p.contracts > 0);
    check(long !== undefined && long.side === 'long' && long.contracts === 2, `positions ${JSON.stringify(positions.map((p) => [p.side, p.contracts]))}`);
    return `side=${long.side} contracts=${long.contracts} entry=${long.entryPrice}`;
});
console.log('done');
