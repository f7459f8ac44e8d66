// This file was procedurally generated from the following sources:
// - src/class-elements/init-err-contains-arguments.case
// - src/class-elements/initializer-error/cls-decl-fields-static-literal-name-nested.template

$DONOTEVALUATE();

class C {
  static x = () => arguments;
}
