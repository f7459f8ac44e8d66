// ShadowRealm: what crosses the boundary (primitives and callables only), wrapped functions in both
// directions, errors turned into TypeErrors of the receiving realm, each evaluate's own lexical scope,
// var declarations kept on the realm's global object, and realms isolated from each other.
const r = new ShadowRealm();

assertEquals(r.evaluate("1 + 2"), 3);
assertEquals(r.evaluate("'s' + 1"), "s1");
assertEquals(r.evaluate("10n ** 20n"), 10n ** 20n);
assertEquals(typeof r.evaluate("Symbol('x')"), "symbol");
assertEquals(r.evaluate("undefined"), undefined);

// Objects do not cross; callables cross as new wrapped functions of the caller's realm.
assertThrows(TypeError, () => r.evaluate("({})"));
assertThrows(TypeError, () => r.evaluate("[]"));
const add = r.evaluate("(a, b) => a + b");
assertEquals(add(2, 3), 5);
assertEquals(Object.getPrototypeOf(add), Function.prototype);
assert(r.evaluate("(x) => x") !== r.evaluate("(x) => x"), "each crossing wraps anew");
assertThrows(TypeError, () => new add(1, 2)); // wrapped functions are not constructors
assert(!("prototype" in add));

// Name and length come from the target.
const named = r.evaluate("function someName(a, b, c) {} someName");
assertEquals(named.name, "someName");
assertEquals(named.length, 3);
assertEquals(r.evaluate("Object.defineProperty(() => {}, 'length', { value: Infinity })").length, Infinity);
assertEquals(r.evaluate("Object.defineProperty(() => {}, 'name', { value: 42 })").name, "");

// Arguments and this cross the other way: a callable argument is wrapped into the realm.
const callTwice = r.evaluate("(f) => f() + f()");
let calls = 0;
assertEquals(callTwice(() => ++calls), 3);
assertEquals(calls, 2);
assertThrows(TypeError, () => callTwice({}));
const returnsObject = r.evaluate("() => ({})");
assertThrows(TypeError, () => returnsObject());

// Errors of the other side become TypeErrors here, with no identity leaking.
let caught;
try {
    r.evaluate("throw new RangeError('inside')");
} catch (e) {
    caught = e;
}
assert(caught instanceof TypeError, "the inner RangeError becomes a TypeError");
const thrower = r.evaluate("() => { throw 1 }");
assertThrows(TypeError, () => thrower());
assertThrows(SyntaxError, () => r.evaluate("let let = 1"));
assertThrows(TypeError, () => r.evaluate(1));
assertThrows(TypeError, () => ShadowRealm.prototype.evaluate.call({}, "1"));
assertThrows(TypeError, () => ShadowRealm());

// var and function declarations stay on the realm's global; let/const belong to one evaluation.
r.evaluate("var counter = 10; function bump() { return ++counter; }");
assertEquals(r.evaluate("bump()"), 11);
assertEquals(r.evaluate("counter"), 11);
r.evaluate("const scoped = 1");
r.evaluate("const scoped = 2"); // no redeclaration error: a new lexical environment each time
assertEquals(r.evaluate("typeof scoped"), "undefined");

// Realms are isolated: their own intrinsics, no view of ours.
globalThis.outerOnly = 1;
assertEquals(r.evaluate("typeof outerOnly"), "undefined");
r.evaluate("Array.prototype.injected = 1");
assertEquals([].injected, undefined);
const other = new ShadowRealm();
assertEquals(other.evaluate("typeof counter"), "undefined");
assertEquals(r.evaluate("globalThis === this"), true);

// Nested: a realm inside a realm.
assertEquals(r.evaluate("new ShadowRealm().evaluate('6 * 7')"), 42);

// Bound and proxied callables cross too; a revoked proxy fails when called.
assertEquals(add.bind(null, 40)(2), 42);
const { proxy, revoke } = Proxy.revocable(() => 5, {});
const viaProxy = r.evaluate("(f) => f()");
assertEquals(viaProxy(proxy), 5);
const keep = r.evaluate("(f) => () => f()")(proxy);
revoke();
assertThrows(TypeError, () => keep());

assertEquals(Object.prototype.toString.call(r), "[object ShadowRealm]");
