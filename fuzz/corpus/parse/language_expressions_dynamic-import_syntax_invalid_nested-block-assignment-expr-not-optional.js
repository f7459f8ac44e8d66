// This file was procedurally generated from the following sources:
// - src/dynamic-import/assignment-expr-not-optional.case
// - src/dynamic-import/syntax/invalid/nested-block.template

$DONOTEVALUATE();

{
  import();
};

/* The params region intentionally empty */
