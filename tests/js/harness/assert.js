// tests/js/harness/assert.js: the tiny harness prepended to every tests/js/*.js file.
// A test passes when it runs to the end without an uncaught exception (qjs exits with status 0)
// and, if tests/js/<name>.expected exists, prints exactly that.

function TestFailure(message) {
    this.message = message;
}
TestFailure.prototype.name = "TestFailure";
TestFailure.prototype.toString = function () {
    return "TestFailure: " + this.message;
};

function __describe(value) {
    if (typeof value === "string") return '"' + value + '"';
    if (value === 0 && 1 / value < 0) return "-0";
    try {
        return String(value);
    } catch (e) {
        return "<" + typeof value + ">";
    }
}

function __same_value(a, b) {
    if (a !== a) return b !== b; // NaN
    if (a === 0 && b === 0) return 1 / a === 1 / b; // +0 / -0
    return a === b;
}

function assert(condition, message) {
    if (condition !== true)
        throw new TestFailure("assertion failed" + (message ? ": " + message : "") + " (got " + __describe(condition) + ")");
}

// SameValue comparison: NaN equals NaN, +0 differs from -0.
function assertEquals(actual, expected, message) {
    if (!__same_value(actual, expected))
        throw new TestFailure("expected " + __describe(expected) + " but got " + __describe(actual) +
                              (message ? " (" + message + ")" : ""));
}

function assertNotEquals(actual, unexpected, message) {
    if (__same_value(actual, unexpected))
        throw new TestFailure("did not expect " + __describe(actual) + (message ? " (" + message + ")" : ""));
}

// Element-wise SameValue of two array-likes.
function assertArrayEquals(actual, expected, message) {
    var suffix = message ? " (" + message + ")" : "";
    if (actual === null || actual === undefined)
        throw new TestFailure("expected an array but got " + __describe(actual) + suffix);
    if (actual.length !== expected.length)
        throw new TestFailure("expected length " + expected.length + " but got " + actual.length + suffix);
    for (var i = 0; i < expected.length; i++) {
        if (!__same_value(actual[i], expected[i]))
            throw new TestFailure("at index " + i + ": expected " + __describe(expected[i]) + " but got " +
                                  __describe(actual[i]) + suffix);
    }
}

// Calls fn and checks it throws an instance of ErrorType (e.g. TypeError).
function assertThrows(ErrorType, fn, message) {
    var suffix = message ? " (" + message + ")" : "";
    try {
        fn();
    } catch (e) {
        if (!(e instanceof ErrorType))
            throw new TestFailure("expected " + ErrorType.name + " but " + __describe(e) + " was thrown" + suffix);
        return e;
    }
    throw new TestFailure("expected " + ErrorType.name + " to be thrown, nothing was" + suffix);
}

// --- end of harness ---
