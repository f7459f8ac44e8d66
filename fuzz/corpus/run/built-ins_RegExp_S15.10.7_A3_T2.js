var __re = new RegExp;

assert.sameValue(typeof __re, "object", 'The value of `typeof __re` is expected to be "object"');
assert.sameValue(__re.constructor, RegExp, 'The value of __re.constructor is expected to equal the value of RegExp');

assert.sameValue(
  __re instanceof RegExp,
  true,
  'The result of evaluating (__re instanceof RegExp) is expected to be true'
);
