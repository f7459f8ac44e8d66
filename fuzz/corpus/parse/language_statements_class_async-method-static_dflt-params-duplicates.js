// This file was procedurally generated from the following sources:
// - src/function-forms/dflt-params-duplicates.case
// - src/function-forms/syntax/cls-decl-async-meth-static.template
$DONOTEVALUATE();


class C {
  static async method(x = 0, x) {
    
  }
}
