// This file was procedurally generated from the following sources:
// - src/decorator/decorator-call-expr-identifier-reference.case
// - src/decorator/syntax/valid/cls-element-decorators-valid-syntax.template
function decorator() {
  return () => {};
}
var $ = decorator;
var _ = decorator;
var \u{6F} = decorator;
var \u2118 = decorator;
var ZW_\u200C_NJ = decorator;
var ZW_\u200D_J = decorator;
var await = decorator;



class C {
  @$()
  @_()
  @\u{6F}()
  @\u2118()
  @ZW_\u200C_NJ()
  @ZW_\u200D_J()
  @await() method() {}
  @$()
  @_()
  @\u{6F}()
  @\u2118()
  @ZW_\u200C_NJ()
  @ZW_\u200D_J()
  @await() static method() {}
  @$()
  @_()
  @\u{6F}()
  @\u2118()
  @ZW_\u200C_NJ()
  @ZW_\u200D_J()
  @await() field;
  @$()
  @_()
  @\u{6F}()
  @\u2118()
  @ZW_\u200C_NJ()
  @ZW_\u200D_J()
  @await() static field;
}
