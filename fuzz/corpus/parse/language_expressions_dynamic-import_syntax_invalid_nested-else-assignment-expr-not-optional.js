// This file was procedurally generated from the following sources:
// - src/dynamic-import/assignment-expr-not-optional.case
// - src/dynamic-import/syntax/invalid/nested-else.template

$DONOTEVALUATE();

if (false) {

} else {
  import();
}

/* The params region intentionally empty */
