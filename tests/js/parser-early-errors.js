// Early errors of the cover grammars: a literal that can never become a pattern keeps its
// CoverInitializedName error, and an arrow's concise body obeys the [In] parameter of its context.
function syntaxError(src) {
    assertThrows(SyntaxError, () => Function(src), src);
}
function parses(src) {
    Function(src);
}
// `{a = 0}` followed by a member access is an expression, never a pattern.
syntaxError("[{a = 0}.x] = [];");
syntaxError("[...{a = 0}.x] = [];");
syntaxError("({a: {b = 0}.x} = {});");
syntaxError("({...{b = 0}.x} = {});");
syntaxError("({a = 1}).b = 2;");
syntaxError("f({a = 1});");
parses("[{a: 0}.x] = [];");
parses("({a: {b: 0}.x} = {});");
parses("[{a = 1}] = [{}];");
parses("({a = 1} = {});");
parses("({a = 1}) => 0;");
parses("'use strict'; [{eval}.x] = [];");
// for (x => 0 in o;;): the body of an arrow in a for(;;) head may not contain `in`.
syntaxError("for (x => 0 in 1;;) break;");
syntaxError("for (var f = x => x in {a: 1}; ;) break;");
parses("for (var g = (x => 'a' in {}); ;) break;");
parses("for (var k = x => { return 'a' in {}; }; ;) break;");
assertEquals((x => "a" in { a: 1 })(), true);
