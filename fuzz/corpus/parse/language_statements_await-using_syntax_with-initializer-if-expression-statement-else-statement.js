$DONOTEVALUATE();
async function f() {
  if (true) {} else await using x = null;
}
