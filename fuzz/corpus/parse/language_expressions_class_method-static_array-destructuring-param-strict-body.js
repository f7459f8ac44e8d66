// This file was procedurally generated from the following sources:
// - src/function-forms/array-destructuring-param-strict-body.case
// - src/function-forms/syntax/cls-expr-meth-static.template
$DONOTEVALUATE();

0, class {
  static method([element]) {
    "use strict";
  }
};
