// This file was procedurally generated from the following sources:
// - src/dynamic-import/import-defer-no-rest-param.case
// - src/dynamic-import/syntax/invalid/nested-arrow.template

$DONOTEVALUATE();

let f = () => {
  import.defer(...['./empty_FIXTURE.js']);
};
