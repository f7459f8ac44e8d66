// This file was procedurally generated from the following sources:
// - src/function-forms/eval-var-scope-syntax-err.case
// - src/function-forms/error-no-strict/async-gen-func-decl.template


var callCount = 0;
async function* f(a = eval("var a = 42")) {
  
  callCount = callCount + 1;
}

assert.throws(SyntaxError, function() {
  f();
});

assert.sameValue(callCount, 0, 'generator function body not evaluated');
