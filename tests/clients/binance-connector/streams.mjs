// Binance's official JavaScript connector (@binance/connector), its WebsocketStream class unchanged, against the Binance
// simulator: only wsURL points at it. Raw streams on /ws/<stream> with live SUBSCRIBE / UNSUBSCRIBE, combined streams on
// /stream?streams=a/b with live SUBSCRIBE of aggTrade and the all-market !miniTicker@arr, the server's ping frames
// answered by the client.
// Usage: BINANCE_CONNECTOR_HOME=/tmp/bc BINANCE_SIM_URL=http://127.0.0.1:PORT node streams.mjs
// Prints one line per step ("ok <step> <detail>") and exits non-zero at the first failing step.
import { check, connector, Inbox, logger, simulatorUrl, step } from './steps.mjs';

const { WebsocketStream } = connector();
const wsURL = simulatorUrl().replace(/^http/, 'ws');

/**
 * A WebsocketStream whose messages (parsed) land in an inbox; open resolves on the client's first open callback, and
 * every open, close and server ping is counted. reconnectDelay (the connector's option, 5 s by default) is shortened.
 */
const client = (combinedStreams) => {
    const inbox = new Inbox();
    const pings = new Inbox();
    const opens = new Inbox();
    const closes = new Inbox();
    const stream = new WebsocketStream({
        wsURL,
        combinedStreams,
        logger,
        reconnectDelay: 200,
        callbacks: {
            open: () => opens.push(Date.now()),
            close: () => closes.push(Date.now()),
            message: (data) => inbox.push(JSON.parse(data)),
            ping: () => pings.push(Date.now()),
        },
    });
    return { stream, inbox, pings, opens, closes, open: opens.waitFor('open', () => true) };
};

const num = (text) => Number.parseFloat(text);
const isDecimalText = (text) => typeof text === 'string' && /^\d+(\.\d+)?$/.test(text);

// Raw streams: /ws/btcusdt@bookTicker, then live SUBSCRIBE on the open connection.
const raw = client(false);
raw.stream.bookTicker('BTCUSDT');
await step('open /ws/btcusdt@bookTicker', () => raw.open, () => wsURL + '/ws/btcusdt@bookTicker');
await step('bookTicker', () => raw.inbox.waitFor('bookTicker', (m) => m.s === 'BTCUSDT' && m.b !== undefined), (m) => {
    check([m.b, m.B, m.a, m.A].every(isDecimalText), `fields are not decimal strings: ${JSON.stringify(m)}`);
    check(Number.isInteger(m.u) && m.u > 0, `update id ${m.u}`);
    check(num(m.b) < num(m.a), `crossed: bid ${m.b} ask ${m.a}`);
    return `bid=${m.b} ask=${m.a} u=${m.u}`;
});

let from = raw.inbox.mark();
raw.stream.trade('BTCUSDT');
raw.stream.diffBookDepth('BTCUSDT', '100ms');
raw.stream.kline('BTCUSDT', '1m');
raw.stream.ticker('BTCUSDT');
await step('SUBSCRIBE', async () => {
    const acks = [];
    for (let i = 0; i < 4; i++) {
        const ack = await raw.inbox.waitFor('SUBSCRIBE reply', (m) => 'result' in m && 'id' in m && !acks.includes(m), from);
        check(ack.result === null && Number.isInteger(ack.id), `reply ${JSON.stringify(ack)}`);
        acks.push(ack);
    }

    return acks;
}, (acks) => `replies=${acks.length} result=null`);
await step('trade', () => raw.inbox.waitFor('trade', (m) => m.e === 'trade', from), (m) => {
    check(m.s === 'BTCUSDT' && isDecimalText(m.p) && isDecimalText(m.q) && num(m.p) > 0 && num(m.q) > 0, `trade ${JSON.stringify(m)}`);
    check(Number.isInteger(m.t) && typeof m.m === 'boolean' && m.T <= m.E, `trade ids/times ${JSON.stringify(m)}`);
    return `id=${m.t} price=${m.p} qty=${m.q} buyerMaker=${m.m}`;
});
await step('depthUpdate', async () => {
    const first = await raw.inbox.waitFor('depthUpdate', (m) => m.e === 'depthUpdate', from);
    const second = await raw.inbox.waitFor('next depthUpdate', (m) => m.e === 'depthUpdate' && m !== first, raw.inbox.items.indexOf(first) + 1);
    check(first.s === 'BTCUSDT' && first.U <= first.u, `update ids ${first.U}..${first.u}`);
    check(second.U === first.u + 1, `not contiguous: ${first.U}..${first.u} then ${second.U}..${second.u}`);
    check([...first.b, ...first.a].every((l) => l.length === 2 && isDecimalText(l[0]) && isDecimalText(l[1])), 'level is not [price, qty] strings');
    return [first, second];
}, ([first, second]) => `U=${first.U} u=${first.u} nextU=${second.U} bids=${first.b.length} asks=${first.a.length}`);
await step('kline', () => raw.inbox.waitFor('kline', (m) => m.e === 'kline', from), (m) => {
    const k = m.k;
    check(k.i === '1m' && k.s === 'BTCUSDT' && k.T - k.t === 59999, `kline window ${JSON.stringify(k)}`);
    check(num(k.l) <= Math.min(num(k.o), num(k.c)) && num(k.h) >= Math.max(num(k.o), num(k.c)), `ohlc ${k.o} ${k.h} ${k.l} ${k.c}`);
    return `interval=${k.i} o=${k.o} h=${k.h} l=${k.l} c=${k.c} closed=${k.x}`;
});
await step('ticker', () => raw.inbox.waitFor('24hrTicker', (m) => m.e === '24hrTicker', from), (m) => {
    check(m.s === 'BTCUSDT' && num(m.c) > 0 && num(m.h) >= num(m.l) && num(m.b) < num(m.a), `ticker ${JSON.stringify(m)}`);
    check(Number.isInteger(m.n) && m.n > 0 && m.L - m.F + 1 === m.n, `trade count ${m.F}..${m.L} n=${m.n}`);
    return `last=${m.c} high=${m.h} low=${m.l} trades=${m.n}`;
});

// LIST_SUBSCRIPTIONS has no helper in the connector; its public send() writes it on the same connection.
from = raw.inbox.mark();
raw.stream.send(JSON.stringify({ method: 'LIST_SUBSCRIPTIONS', id: 7 }));
await step('LIST_SUBSCRIPTIONS', () => raw.inbox.waitFor('LIST_SUBSCRIPTIONS reply', (m) => m.id === 7, from), (m) => {
    const expected = ['btcusdt@bookTicker', 'btcusdt@depth@100ms', 'btcusdt@kline_1m', 'btcusdt@ticker', 'btcusdt@trade'];
    check(JSON.stringify([...m.result].sort()) === JSON.stringify(expected), `listed ${JSON.stringify(m.result)}`);
    return m.result.join(',');
});

from = raw.inbox.mark();
raw.stream.unsubscribe('btcusdt@bookTicker');
await step('UNSUBSCRIBE', async () => {
    const ack = await raw.inbox.waitFor('UNSUBSCRIBE reply', (m) => 'result' in m, from);
    check(ack.result === null, `reply ${JSON.stringify(ack)}`);
    // Two more diffs mean at least one whole market step went by after the reply: a bookTicker would have come with it.
    const after = raw.inbox.items.indexOf(ack) + 1;
    const firstDiff = await raw.inbox.waitFor('depthUpdate after UNSUBSCRIBE', (m) => m.e === 'depthUpdate', after);
    await raw.inbox.waitFor('second depthUpdate after UNSUBSCRIBE', (m) => m.e === 'depthUpdate' && m !== firstDiff, after);
    const leaked = raw.inbox.items.slice(after).filter((m) => m.u !== undefined && m.e === undefined);
    check(leaked.length === 0, `${leaked.length} bookTicker after UNSUBSCRIBE`);
    return ack;
}, () => 'no bookTicker after the reply');
await step('server ping', () => raw.pings.waitFor('ping frame', () => true, 0, 30000), () => 'answered with pong by the client');
// The simulator closes every stream connection (control-API fault close_streams): the connector reconnects by itself
// to the URL it opened, and the stream of that URL flows again (live subscriptions are gone, as on Binance).
await step('reconnect after close', async () => {
    const closed = raw.closes.mark();
    const opened = raw.opens.mark();
    const response = await fetch(`${simulatorUrl()}/_control/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'close_streams', op: 'BTCUSDT', count: 1 }),
    });
    check(response.ok, `control API answered ${response.status}`);
    await raw.closes.waitFor('close', () => true, closed);
    await raw.opens.waitFor('reopen', () => true, opened);
    const from = raw.inbox.mark();
    return raw.inbox.waitFor('bookTicker after reconnect', (m) => m.e === undefined && m.u !== undefined && m.s === 'BTCUSDT', from);
}, (m) => `bookTicker again bid=${m.b} ask=${m.a}`);
raw.stream.disconnect();

// Combined streams: /stream?streams=ethusdt@bookTicker/ethusdt@depth5@100ms, then a live SUBSCRIBE.
const combined = client(true);
combined.stream.subscribe(['ethusdt@bookTicker', 'ethusdt@depth5@100ms']);
await step('open /stream', () => combined.open, () => wsURL + '/stream?streams=ethusdt@bookTicker/ethusdt@depth5@100ms');
await step('combined bookTicker', () => combined.inbox.waitFor('combined bookTicker', (m) => m.stream === 'ethusdt@bookTicker'), (m) => {
    check(m.data.s === 'ETHUSDT' && num(m.data.b) < num(m.data.a), `bookTicker ${JSON.stringify(m)}`);
    return `stream=${m.stream} bid=${m.data.b} ask=${m.data.a}`;
});
await step('combined depth5', () => combined.inbox.waitFor('combined depth5', (m) => m.stream === 'ethusdt@depth5@100ms'), (m) => {
    const { lastUpdateId, bids, asks } = m.data;
    check(Number.isInteger(lastUpdateId) && bids.length === 5 && asks.length === 5, `depth5 ${JSON.stringify(m.data)}`);
    check(num(bids[0][0]) < num(asks[0][0]), `crossed: ${bids[0][0]} / ${asks[0][0]}`);
    check(bids.every((l, i) => i === 0 || num(l[0]) < num(bids[i - 1][0])) && asks.every((l, i) => i === 0 || num(l[0]) > num(asks[i - 1][0])), 'levels out of order');
    return `lastUpdateId=${lastUpdateId} bid=${bids[0][0]} ask=${asks[0][0]}`;
});
from = combined.inbox.mark();
combined.stream.aggTrade('BTCUSDT');
await step('combined SUBSCRIBE aggTrade', () => combined.inbox.waitFor('combined aggTrade', (m) => m.stream === 'btcusdt@aggTrade', from), (m) => {
    const t = m.data;
    check(t.e === 'aggTrade' && t.s === 'BTCUSDT' && num(t.p) > 0 && num(t.q) > 0 && t.f <= t.l, `aggTrade ${JSON.stringify(t)}`);
    return `stream=${m.stream} id=${t.a} price=${t.p} qty=${t.q}`;
});
from = combined.inbox.mark();
combined.stream.miniTicker();
await step('combined SUBSCRIBE !miniTicker@arr', () => combined.inbox.waitFor('all-market mini tickers', (m) => m.stream === '!miniTicker@arr', from), (m) => {
    check(Array.isArray(m.data) && m.data.length > 0 && m.data.every((t) => t.e === '24hrMiniTicker' && num(t.c) > 0 && num(t.h) >= num(t.l)), `tickers ${JSON.stringify(m.data)}`);
    return `stream=${m.stream} symbols=${m.data.map((t) => t.s).join(',')}`;
});
combined.stream.disconnect();
console.log('done');
process.exit(0);
