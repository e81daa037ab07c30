// ccxt pro's binance class, unchanged, on the Binance WebSocket API of the simulator: only its URLs point at it
// (urls.api.ws['ws-api'].spot at /ws-api/v3, urls.api.public at the REST exchangeInfo that loadMarkets reads).
// options: fetchMarkets.types = ['spot'], fetchCurrencies = false and fetchMargins = false keep loadMarkets off the
// futures hosts and the wallet and margin endpoints (/sapi/v1/...), which a spot venue does not serve.
// ccxt signs each request itself: HMAC-SHA256 with the simulator's demo HMAC key, then Ed25519 with the demo Ed25519 key
// (its private key is RFC 8032 §7.1 TEST 1, handed to ccxt as a PKCS#8 PEM, as Binance's key pages produce).
// Usage: CCXT_HOME=/tmp/ccxt BINANCE_SIM_URL=http://127.0.0.1:PORT node ws-api.mjs
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

const rfc8032Test1Seed = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const pkcs8Ed25519 = (seedHex) => {
    const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(seedHex, 'hex')]);
    return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64')}\n-----END PRIVATE KEY-----`;
};
const keys = {
    hmac: {
        apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
        secret: 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j',
    },
    ed25519: { apiKey: '4yNzx3yWC5bS6YTwEkSRaC0nRmSQIIStAUOh1b6kqaBrTLIhjCpI5lJH8q8R8WNO', secret: pkcs8Ed25519(rfc8032Test1Seed) },
};

const connect = async (credentials) => {
    const exchange = new ccxt.pro.binance({ ...credentials, options: { fetchMarkets: { types: ['spot'] }, fetchCurrencies: false, fetchMargins: false } });
    exchange.urls.api.public = base + '/api/v3';
    exchange.urls.api.ws['ws-api'].spot = base.replace(/^http/, 'ws') + '/ws-api/v3';
    await exchange.loadHttpProxyAgent();
    await exchange.loadMarkets();
    return exchange;
};

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

for (const [kind, credentials] of Object.entries(keys)) {
    const exchange = await connect(credentials);
    const book = await exchange.fetchOrderBook('BTC/USDT', 5);
    // ccxt 4.5.84 parses account.status without a market type (handleAccountStatusWs), so its unified balance stays
    // empty on any venue: these steps read the balances from the raw answer it hands back in info.
    const free = (b, asset) => Number(b.info.balances.find((x) => x.asset === asset)?.free);
    const balance = await step(`${kind} fetchBalanceWs`, () => exchange.fetchBalanceWs(), (b) => {
        check(Array.isArray(b.info?.balances) && free(b, 'USDT') > 0 && free(b, 'BTC') > 0, `balances ${JSON.stringify(b.info)}`);
        return `USDT=${free(b, 'USDT')} BTC=${free(b, 'BTC')}`;
    });
    const resting = await step(`${kind} createOrderWs limit`, () => exchange.createOrderWs('BTC/USDT', 'limit', 'buy', 0.001, Math.floor(book.bids[0][0] * 0.9)), (o) => {
        check(typeof o.id === 'string' && o.status === 'open' && o.amount === 0.001, `order ${JSON.stringify([o.id, o.status, o.amount])}`);
        return `id=${o.id} status=${o.status} price=${o.price}`;
    });
    await step(`${kind} fetchOrderWs`, () => exchange.fetchOrderWs(resting?.id, 'BTC/USDT'), (o) => {
        check(o.id === resting.id && o.status === 'open', `order ${o.id} ${o.status}`);
        return `id=${o.id} status=${o.status}`;
    });
    await step(`${kind} fetchOpenOrdersWs`, () => exchange.fetchOpenOrdersWs('BTC/USDT'), (list) => {
        check(list.some((o) => o.id === resting.id), `${resting.id} not listed in ${JSON.stringify(list.map((o) => o.id))}`);
        return `count=${list.length}`;
    });
    await step(`${kind} cancelOrderWs`, () => exchange.cancelOrderWs(resting?.id, 'BTC/USDT'), (o) => {
        check(o.id === resting.id && o.status === 'canceled', `cancel ${o.id} ${o.status}`);
        return `id=${o.id} status=${o.status}`;
    });
    await step(`${kind} createOrderWs market`, () => exchange.createOrderWs('BTC/USDT', 'market', 'buy', 0.001), (o) => {
        check(o.status === 'closed' && o.filled === 0.001 && o.average > 0 && o.trades.length > 0, `order ${JSON.stringify([o.status, o.filled, o.average])}`);
        return `id=${o.id} status=${o.status} filled=${o.filled} average=${o.average}`;
    });
    await step(`${kind} fetchBalanceWs after`, () => exchange.fetchBalanceWs(), (b) => {
        check(Math.abs(free(b, 'BTC') - free(balance, 'BTC') - 0.001) < 1e-9, `BTC ${free(balance, 'BTC')} -> ${free(b, 'BTC')} after buying 0.001`);
        return `BTC=${free(b, 'BTC')}`;
    });
    await exchange.createOrderWs('BTC/USDT', 'limit', 'buy', 0.001, Math.floor(book.bids[0][0] * 0.9));
    await step(`${kind} cancelAllOrdersWs`, () => exchange.cancelAllOrdersWs('BTC/USDT'), (list) => {
        check(list.length === 1 && list[0].status === 'canceled', `canceled ${JSON.stringify(list.map((o) => [o.id, o.status]))}`);
        return `canceled=${list.length}`;
    });
    await exchange.close();
}

console.log(failed ? 'failed' : 'done');
process.exit(failed ? 1 : 0);
