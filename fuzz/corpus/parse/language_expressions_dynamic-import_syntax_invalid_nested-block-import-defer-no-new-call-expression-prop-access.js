// This file was procedurally generated from the following sources:
// - src/dynamic-import/import-defer-no-new-call-expression-prop-access.case
// - src/dynamic-import/syntax/invalid/nested-block.template

$DONOTEVALUATE();

{
  new import.defer('./empty_FIXTURE.js').prop;
};
