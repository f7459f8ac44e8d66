// This file was procedurally generated from the following sources:
// - src/async-generators/yield-as-label-identifier-escaped.case
// - src/async-generators/syntax/async-class-decl-static-method.template
$DONOTEVALUATE();


class C { static async *gen() {
    yi\u0065ld: ;
}}
