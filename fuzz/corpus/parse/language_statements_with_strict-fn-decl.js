$DONOTEVALUATE();

function f() {
  'use strict';
  var o = {};
  with (o) {};
}
