let desc = {
  value: function() {
    return {
      next: function() {
        return { done: true, value: undefined };
      },
    };
  },
  writable: false,
  enumerable: false,
  configurable: true,
};

Object.defineProperty(Boolean.prototype, Symbol.iterator, desc);
Object.defineProperty(Number.prototype, Symbol.iterator, desc);
Object.defineProperty(BigInt.prototype, Symbol.iterator, desc);
// NOTE: String.prototype already has a Symbol.iterator property
Object.defineProperty(Symbol.prototype, Symbol.iterator, desc);

Iterator.concat(
  Object(true),
  Object(123),
  Object(123n),
  Object("test"),
  Object(Symbol()),
).next();
