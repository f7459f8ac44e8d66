// This file was procedurally generated from the following sources:
// - src/direct-eval-code/declare-arguments.case
// - src/direct-eval-code/default/func-decl/a-preceding-parameter-is-named-arguments.template



assert.sameValue("arguments" in this, false, "No global 'arguments' binding");

function f(arguments, p = eval("var arguments")) {
  
}
assert.throws(SyntaxError, f);

assert.sameValue("arguments" in this, false, "No global 'arguments' binding");
