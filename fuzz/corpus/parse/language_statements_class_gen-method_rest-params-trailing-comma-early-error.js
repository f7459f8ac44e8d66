// This file was procedurally generated from the following sources:
// - src/function-forms/rest-params-trailing-comma-early-error.case
// - src/function-forms/syntax/cls-decl-gen-meth.template
$DONOTEVALUATE();

class C {
  *method(...a,) {
    
  }
}
