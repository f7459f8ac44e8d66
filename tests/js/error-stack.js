// Error objects carry a `stack` naming file, line and column of each active frame.
function thrower() {
    throw new Error("boom");
}
var err = null;
try { thrower(); } catch (e) { err = e; }
assert(err instanceof Error);
assertEquals(typeof err.stack, "string");
assert(/thrower/.test(err.stack) || err.stack.indexOf("thrower") >= 0, "stack names the function: " + err.stack);
assert(/:\d+:\d+/.test(err.stack), "stack has line:column: " + err.stack);

// Errors thrown by the engine itself get a stack too.
var typeErr = null;
try { null.x; } catch (e) { typeErr = e; }
assert(typeErr instanceof TypeError);
assertEquals(typeof typeErr.stack, "string");
