var strObj = String("    abc");

assert.sameValue(strObj.trim(), "abc", 'strObj.trim()');
assert.sameValue(strObj.toString(), "    abc", 'strObj.toString()');
