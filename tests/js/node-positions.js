// Syntax-tree nodes keep line and column in 24 bits each (the line split into a low 16-bit half and
// a high byte): positions past 65,535 must still come out exact in stacks and error messages.

// A frame on line 70,002 (the high byte of the line in use).
var far = (0, eval)("\n".repeat(70000) + "(function far() {\n    return new Error('x').stack;\n})");
var stack = far();
assert(stack.indexOf("at far (<input>:70002:12)") >= 0, "line past 65,535: " + stack);

// A syntax error reported from a node (an invalid assignment target) on line 131,073 (high byte 2).
var message = "";
try {
    (0, eval)("\n".repeat(131072) + "    ({a: 1} = 1);");
} catch (e) {
    assert(e instanceof SyntaxError, "a SyntaxError: " + e);
    message = String(e.message);
}
assertEquals(message, "<input>:131073:10: invalid assignment target");

// A column past 65,535 on the first line.
var wide = (0, eval)(" ".repeat(70000) + "(function wide() { return new Error('y').stack; })");
stack = wide();
assert(stack.indexOf("at wide (<input>:1:70027)") >= 0, "column past 65,535: " + stack);
