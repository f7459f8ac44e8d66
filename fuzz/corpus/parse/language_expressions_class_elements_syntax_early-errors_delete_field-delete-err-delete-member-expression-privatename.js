// This file was procedurally generated from the following sources:
// - src/class-elements/err-delete-member-expression-privatename.case
// - src/class-elements/delete-error/cls-expr-field-delete.template


$DONOTEVALUATE();

var C = class {
  #x;
  
  x = delete this.#x;

  
}
