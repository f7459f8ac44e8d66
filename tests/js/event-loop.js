// The event loop of the shell (src/loop): timers, microtasks and their order. The script ends when
// nothing is pending; the last event prints the observed order (compared with event-loop.expected).
// Only orders that do not depend on the machine's speed are compared: a timer created before another
// one with an equal or longer delay fires first.

const order = [];
const late = new Set(); // events whose position depends on timing
function finish(name) {
    late.add(name);
    if (late.size < 3) return;
    assertEquals(ticks, 3);
    print(order.join("\n"));
}

// Non-callable handlers are TypeErrors (no string evaluation); queueMicrotask checks too.
assertThrows(TypeError, () => setTimeout("order.push(1)", 0));
assertThrows(TypeError, () => setInterval(undefined, 0));
assertThrows(TypeError, () => queueMicrotask({}));

// Handles are positive integers; clearing an unknown or invalid handle is ignored.
const handle = setTimeout(() => order.push("cleared"), 0);
assert(Number.isInteger(handle) && handle > 0, "setTimeout returns a positive integer handle");
clearTimeout(handle);
clearTimeout(handle);
clearTimeout("nonsense");
clearInterval(-1);

// Equal due times fire in creation order; extra arguments are passed; negative and NaN delays mean 0;
// `this` is undefined in a strict callback.
setTimeout((a, b) => order.push("t0:" + a + b), 0, "x", "y");
setTimeout(() => order.push("t0-second"), 0);
setTimeout(() => order.push("negative"), -5);
setTimeout(() => order.push("nan"), NaN);
setTimeout(function () {
    "use strict";
    order.push("this:" + typeof this);
}, 0);

// Microtasks (queueMicrotask and promise reactions) run before any timer, and after each timer.
queueMicrotask(() => order.push("micro"));
Promise.resolve().then(() => order.push("promise"));
setTimeout(() => {
    order.push("t1");
    queueMicrotask(() => order.push("micro-after-t1"));
    setTimeout(() => finish("nested"), 0);
}, 1);

// An interval repeats until cleared, also when cleared from its own callback.
let ticks = 0;
const interval = setInterval(() => {
    if (++ticks === 3) {
        clearInterval(interval);
        finish("interval");
    }
}, 2);
setTimeout(() => finish("t30"), 30);
