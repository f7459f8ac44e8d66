// Engine-specific behaviour: deep recursion and runaway allocation become catchable exceptions,
// and the engine keeps working afterwards.

// Unbounded recursion throws a RangeError instead of crashing the process.
function recurse(n) { return recurse(n + 1) + 1; }
var caught = null;
try { recurse(0); } catch (e) { caught = e; }
assert(caught instanceof RangeError, "deep recursion throws RangeError");

// Recursion through a native (Function.prototype.call) is bounded too.
function viaCall() { return viaCall.call(null) + 1; }
caught = null;
try { viaCall(); } catch (e) { caught = e; }
assert(caught instanceof RangeError, "recursion through natives throws RangeError");

// The engine still works after the overflow.
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
assertEquals(fib(20), 6765);

// Deeply nested source is a SyntaxError or RangeError, never a crash.
// (Built with repeat: this test is about nesting, and a 100,000-step += loop costs seconds under ASan.)
var deep = "[".repeat(100000);
caught = null;
try { eval(deep); } catch (e) { caught = e; }
assert(caught instanceof SyntaxError || caught instanceof RangeError, "deep nesting in eval is an error");
