// workflow.js: an order workflow that waits on the outside world. It runs inside host.c, which saves
// the whole VM to a SQLite database whenever the workflow waits and resumes it in a new process when
// the awaited event arrives: nothing is replayed, the async function simply continues.
//
// Host functions (bound by host.c, rebound after every restore):
//   hostRequest(kind, payload) -> Promise  records a request in the database's outbox; the promise
//                                          settles when the host delivers the answer (host deliver/fail)
// Timer globals (the engine's event loop): setTimeout survives the snapshot with its remaining delay.

var journal = []; // what happened, in order (read by `host status`)
var result = null; // the workflow's outcome once it has finished

function sleep(ms) {
    return new Promise(resolve => setTimeout(resolve, ms));
}

async function withRetries(kind, payload, attempts) {
    for (let attempt = 1;; attempt++) {
        try {
            return await hostRequest(kind, payload);
        } catch (e) {
            journal.push(`${kind} attempt ${attempt} failed: ${e.message}`);
            if (attempt >= attempts) throw e;
            await sleep(20 * attempt); // back off, then ask again
        }
    }
}

async function orderWorkflow(order) {
    journal.push(`order ${order.id}: ${order.items.size} items, total ${order.total()}`);

    // 1. Payment: a host promise, resolved when the payment provider confirms.
    const payment = await withRetries("payment", { order: order.id, amount: order.total() }, 3);
    journal.push(`paid ${payment.amount} (${payment.ref})`);
    if (payment.amount !== order.total()) throw new RangeError(`paid ${payment.amount}, expected ${order.total()}`);

    // 2. A cooling-off period before shipping: a timer.
    await sleep(order.coolingOffMs);
    journal.push("cooling-off period over");

    // 3. Shipping: another host promise.
    const shipment = await hostRequest("shipping", { order: order.id, address: order.address });
    journal.push(`shipped with ${shipment.carrier}, tracking ${shipment.tracking}`);

    // 4. Delivery is expected some time later: a timer again.
    await sleep(order.deliveryMs);
    journal.push("delivered");
    return { order: order.id, status: "delivered", paid: payment.amount, tracking: shipment.tracking };
}

// Closures, a class instance with methods and a Map all live across the restarts.
class Order {
    constructor(id, address, coolingOffMs, deliveryMs) {
        Object.assign(this, { id, address, coolingOffMs, deliveryMs });
        this.items = new Map();
    }
    add(name, price, quantity) {
        this.items.set(name, { price, quantity });
        return this;
    }
    total() {
        let sum = 0;
        for (const { price, quantity } of this.items.values()) sum += price * quantity;
        return sum;
    }
}

const order = new Order("A-1001", "1 Main St", 30, 50).add("book", 12.5, 2).add("lamp", 40, 1);

orderWorkflow(order).then(
    value => {
        result = value;
        journal.push("workflow finished");
    },
    error => {
        result = { order: order.id, status: "failed", error: `${error.name}: ${error.message}` };
        journal.push("workflow failed");
    });
