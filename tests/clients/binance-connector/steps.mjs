// Shared by the connector scripts: loading the connector from BINANCE_CONNECTOR_HOME, "ok"/"FAIL" step lines, and an
// inbox that the connector's message callback fills and the steps wait on (each wait bounded by a timeout, never a
// fixed sleep).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Console } from 'node:console';

/** The official connector, resolved from BINANCE_CONNECTOR_HOME (a folder whose node_modules holds it) or node's lookup. */
export const connector = () => {
    const home = process.env.BINANCE_CONNECTOR_HOME;
    const require = createRequire(home ? join(home, 'package.json') : import.meta.url);
    return require('@binance/connector');
};

/** http://127.0.0.1:PORT of the Binance simulator, from BINANCE_SIM_URL. */
export const simulatorUrl = () => {
    const base = process.env.BINANCE_SIM_URL;
    if (!base) {
        console.error('BINANCE_SIM_URL is required (http://127.0.0.1:PORT of engine simulate --venue binance)');
        process.exit(2);
    }

    return base.replace(/\/+$/, '');
};

/** The connector logs connection chatter at info level; it goes to stderr so stdout holds only the step lines. */
export const logger = new Console(process.stderr, process.stderr);

/** Runs one step: prints "ok <name> <detail>" or "FAIL <name> <error>" and exits 1 at the first failure. */
export const step = async (name, action, detail = (r) => r) => {
    try {
        const result = await action();
        console.log(`ok ${name} ${detail(result)}`);
        return result;
    } catch (e) {
        console.log(`FAIL ${name} ${e.constructor.name}: ${e.message}`);
        process.exit(1);
    }
};

/** Throws with <what> unless <condition>. */
export const check = (condition, what) => {
    if (!condition) {
        throw new Error(what);
    }
};

/** Messages received, in order; waitFor resolves with the first one at or after <from> that matches. */
export class Inbox {
    items = [];
    waiters = new Set();

    push(item) {
        this.items.push(item);
        for (const waiter of [...this.waiters]) {
            waiter();
        }
    }

    /** The position of the next message to arrive. */
    mark() {
        return this.items.length;
    }

    waitFor(what, predicate, from = 0, timeoutMs = 20000) {
        return new Promise((resolve, reject) => {
            let next = from;
            const waiter = () => {
                for (; next < this.items.length; next++) {
                    if (predicate(this.items[next])) {
                        finish();
                        resolve(this.items[next]);
                        return;
                    }
                }
            };
            const timer = setTimeout(() => {
                finish();
                reject(new Error(`no ${what} within ${timeoutMs} ms (${this.items.length - from} other messages)`));
            }, timeoutMs);
            const finish = () => {
                clearTimeout(timer);
                this.waiters.delete(waiter);
            };
            this.waiters.add(waiter);
            waiter();
        });
    }
}
