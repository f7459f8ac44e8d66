assert.throws(SyntaxError, function() {
  Function('a,a', '"use strict";');
});
