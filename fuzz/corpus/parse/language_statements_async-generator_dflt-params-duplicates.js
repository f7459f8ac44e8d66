// This file was procedurally generated from the following sources:
// - src/function-forms/dflt-params-duplicates.case
// - src/function-forms/syntax/async-gen-func-decl.template
$DONOTEVALUATE();


async function* f(x = 0, x) {
  
}
