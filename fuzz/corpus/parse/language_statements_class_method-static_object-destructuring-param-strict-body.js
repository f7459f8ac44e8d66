// This file was procedurally generated from the following sources:
// - src/function-forms/object-destructuring-param-strict-body.case
// - src/function-forms/syntax/cls-decl-meth-static.template
$DONOTEVALUATE();

class C {
  static method({property}) {
    "use strict";
  }
}
