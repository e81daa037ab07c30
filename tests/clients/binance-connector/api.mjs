// Binance's official JavaScript connector (@binance/connector), its WebsocketAPI class unchanged, against the Binance
// simulator: only wsURL points at it. Public requests (ping, time, exchangeInfo, depth, trades.recent, ticker.book,
// ticker.24hr, ticker.price) and HMAC-signed trading (order.place resting and crossing, order.status,
// openOrders.status, order.cancel, openOrders.cancelAll, account.status) with the simulator's demo HMAC key, plus a
// request signed with a wrong secret.
// The connector's WebsocketAPI signs with HMAC only (no Ed25519, no session.logon in 3.6.1).
// Usage: BINANCE_CONNECTOR_HOME=/tmp/bc BINANCE_SIM_URL=http://127.0.0.1:PORT node api.mjs
// Prints one line per step ("ok <step> <detail>") and exits non-zero at the first failing step.
import { check, connector, Inbox, logger, simulatorUrl, step } from './steps.mjs';

const { WebsocketAPI } = connector();
const wsURL = simulatorUrl().replace(/^http/, 'ws') + '/ws-api/v3';
const apiKey = process.env.BINANCE_API_KEY ?? 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A';
const apiSecret = process.env.BINANCE_API_SECRET ?? 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';

/** A WebsocketAPI whose responses (parsed) land in an inbox; opened resolves on the client's open callback. */
const client = (secret) => {
    const inbox = new Inbox();
    let opened;
    const open = new Promise((resolve) => {
        opened = resolve;
    });
    const api = new WebsocketAPI(apiKey, secret, {
        wsURL,
        logger,
        callbacks: { open: () => opened(), message: (data) => inbox.push(JSON.parse(data)) },
    });
    return { api, inbox, open };
};

const { api, inbox, open } = client(apiSecret);
let nextId = 1;
/** Sends one request through <send>(options with a fresh id) and resolves with its successful result. */
const call = async (send) => {
    const id = `req${nextId++}`;
    send({ id });
    const response = await inbox.waitFor(`response ${id}`, (m) => m.id === id);
    check(response.status === 200, `status ${response.status}: ${JSON.stringify(response.error)}`);
    check(Array.isArray(response.rateLimits), 'no rateLimits');
    return response.result;
};
const num = (text) => Number.parseFloat(text);

await step('open', () => open, () => wsURL);
await step('ping', () => call((o) => api.ping(o)), (r) => {
    check(JSON.stringify(r) === '{}', `result ${JSON.stringify(r)}`);
    return 'result={}';
});
await step('time', () => call((o) => api.time(o)), (r) => {
    check(Number.isInteger(r.serverTime) && Math.abs(r.serverTime - Date.now()) < 60000, `serverTime ${r.serverTime}`);
    return 'serverTime within a minute of the local clock';
});
const info = await step('exchangeInfo', () => call((o) => api.exchangeInfo({ symbol: 'BTCUSDT', ...o })), (r) => {
    const s = r.symbols[0];
    check(r.symbols.length === 1 && s.symbol === 'BTCUSDT' && s.status === 'TRADING', `symbols ${JSON.stringify(r.symbols.map((x) => x.symbol))}`);
    const tick = s.filters.find((f) => f.filterType === 'PRICE_FILTER')?.tickSize;
    const lot = s.filters.find((f) => f.filterType === 'LOT_SIZE')?.stepSize;
    check(num(tick) > 0 && num(lot) > 0, `filters ${JSON.stringify(s.filters)}`);
    return `symbol=${s.symbol} tickSize=${tick} stepSize=${lot}`;
});
const tick = num(info.symbols[0].filters.find((f) => f.filterType === 'PRICE_FILTER').tickSize);
const book = await step('depth', () => call((o) => api.orderbook('BTCUSDT', { limit: 5, ...o })), (r) => {
    check(Number.isInteger(r.lastUpdateId) && r.bids.length === 5 && r.asks.length === 5, `book ${JSON.stringify(r)}`);
    check(num(r.bids[0][0]) < num(r.asks[0][0]), `crossed: ${r.bids[0][0]} / ${r.asks[0][0]}`);
    return `lastUpdateId=${r.lastUpdateId} bid=${r.bids[0][0]} ask=${r.asks[0][0]}`;
});
const price = (p) => (Math.round(p / tick) * tick).toFixed(2);
const restingPrice = price(num(book.bids[0][0]) * 0.9);
const resting = await step('order.place resting', () => call((o) => api.newOrder('BTCUSDT', 'BUY', 'LIMIT', {
    timeInForce: 'GTC', price: restingPrice, quantity: '0.001', newClientOrderId: 'connector-rest-1', ...o,
})), (r) => {
    check(r.status === 'NEW' && r.clientOrderId === 'connector-rest-1' && r.price === Number(restingPrice).toFixed(8), `order ${JSON.stringify(r)}`);
    return `orderId=${r.orderId} status=${r.status} price=${r.price}`;
});
await step('order.status', () => call((o) => api.getOrder('BTCUSDT', { orderId: resting.orderId, ...o })), (r) => {
    check(r.orderId === resting.orderId && r.status === 'NEW' && r.origQty === '0.00100000', `order ${JSON.stringify(r)}`);
    return `orderId=${r.orderId} status=${r.status} origQty=${r.origQty}`;
});
await step('openOrders.status', () => call((o) => api.openOrders('BTCUSDT', o)), (r) => {
    check(r.some((x) => x.orderId === resting.orderId), `${resting.orderId} not listed: ${JSON.stringify(r.map((x) => x.orderId))}`);
    return `count=${r.length}`;
});
await step('order.cancel', () => call((o) => api.cancelOrder('BTCUSDT', { orderId: resting.orderId, ...o })), (r) => {
    check(r.orderId === resting.orderId && r.status === 'CANCELED' && r.origClientOrderId === 'connector-rest-1', `cancel ${JSON.stringify(r)}`);
    return `orderId=${r.orderId} status=${r.status}`;
});
await step('order.status canceled', () => call((o) => api.getOrder('BTCUSDT', { origClientOrderId: 'connector-rest-1', ...o })), (r) => {
    check(r.status === 'CANCELED', `status ${r.status}`);
    return `status=${r.status}`;
});
const before = await call((o) => api.account(o));
const crossing = await step('order.place crossing', () => call((o) => api.newOrder('BTCUSDT', 'BUY', 'LIMIT', {
    timeInForce: 'GTC', price: price(num(book.asks[0][0]) * 1.01), quantity: '0.001', newOrderRespType: 'FULL', ...o,
})), (r) => {
    const filled = r.fills.reduce((sum, f) => sum + num(f.qty), 0);
    check(r.status === 'FILLED' && r.executedQty === '0.00100000' && Math.abs(filled - 0.001) < 1e-12, `order ${JSON.stringify(r)}`);
    check(r.fills.every((f) => num(f.price) <= num(r.price) && Number.isInteger(f.tradeId)), `fills ${JSON.stringify(r.fills)}`);
    return `orderId=${r.orderId} status=${r.status} fills=${r.fills.length} price=${r.fills[0].price}`;
});
await step('trades.recent', () => call((o) => api.trades('BTCUSDT', { limit: 20, ...o })), (r) => {
    check(r.length > 0 && r.length <= 20 && r.every((t, i) => i === 0 || t.id > r[i - 1].id), `trades ${JSON.stringify(r.map((t) => t.id))}`);
    // The crossing buy's fill is a public trade (the market may have printed more since): the taker bought.
    const own = r.find((t) => t.price === crossing.fills[0].price && t.qty === '0.00100000');
    check(own !== undefined && own.isBuyerMaker === false && Math.abs(num(own.quoteQty) - num(own.price) * 0.001) < 1e-6, `no trade of the crossing buy in ${JSON.stringify(r)}`);
    return `count=${r.length} price=${own.price} qty=${own.qty} buyerMaker=${own.isBuyerMaker}`;
});
await step('ticker.book', () => call((o) => api.tickerBook({ symbol: 'BTCUSDT', ...o })), (r) => {
    check(r.symbol === 'BTCUSDT' && num(r.bidPrice) > 0 && num(r.bidPrice) < num(r.askPrice) && num(r.bidQty) > 0 && num(r.askQty) > 0, `ticker.book ${JSON.stringify(r)}`);
    return `bid=${r.bidPrice} ask=${r.askPrice}`;
});
await step('ticker.24hr', () => call((o) => api.ticker24hr({ symbol: 'BTCUSDT', ...o })), (r) => {
    check(r.symbol === 'BTCUSDT' && r.count > 0 && r.lastId - r.firstId + 1 === r.count && num(r.lowPrice) <= num(r.lastPrice) && num(r.lastPrice) <= num(r.highPrice), `ticker.24hr ${JSON.stringify(r)}`);
    return `last=${r.lastPrice} trades=${r.count}`;
});
await step('ticker.price', () => call((o) => api.tickerPrice({ symbol: 'BTCUSDT', ...o })), (r) => {
    check(r.symbol === 'BTCUSDT' && num(r.price) > 0, `ticker.price ${JSON.stringify(r)}`);
    return `price=${r.price}`;
});
await step('account.status', () => call((o) => api.account(o)), (r) => {
    const btc = (a) => num(a.balances.find((b) => b.asset === 'BTC').free);
    check(Math.abs(btc(r) - btc(before) - 0.001) < 1e-9, `BTC ${btc(before)} -> ${btc(r)} after buying 0.001`);
    return `BTC=${btc(r)} (was ${btc(before)}) order=${crossing.orderId}`;
});
await call((o) => api.newOrder('BTCUSDT', 'BUY', 'LIMIT', { timeInForce: 'GTC', price: restingPrice, quantity: '0.001', ...o }));
await step('openOrders.cancelAll', () => call((o) => api.cancelOpenOrders('BTCUSDT', o)), (r) => {
    check(r.length === 1 && r[0].status === 'CANCELED', `canceled ${JSON.stringify(r)}`);
    return `canceled=${r.length}`;
});
api.disconnect();

const wrong = client(apiSecret.split('').reverse().join(''));
await wrong.open;
await step('wrong secret', async () => {
    wrong.api.openOrders('BTCUSDT', { id: 'bad1' });
    return wrong.inbox.waitFor('response bad1', (m) => m.id === 'bad1');
}, (r) => {
    check(r.status === 400 && r.error?.code === -1022, `response ${JSON.stringify(r)}`);
    return `status=${r.status} code=${r.error.code}`;
});
wrong.api.disconnect();
console.log('done');
process.exit(0);
