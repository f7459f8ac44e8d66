var valueOf = Symbol.prototype.valueOf;
var symbol = Symbol('s');
var symbolObject = Object(symbol);

assert.sameValue(valueOf.call(symbolObject), symbol);
