// This file was procedurally generated from the following sources:
// - src/generators/yield-as-label-identifier-escaped.case
// - src/generators/syntax/class-expr-method.template
$DONOTEVALUATE();

var C = class {*gen() {
    yi\u0065ld: ;
}};
