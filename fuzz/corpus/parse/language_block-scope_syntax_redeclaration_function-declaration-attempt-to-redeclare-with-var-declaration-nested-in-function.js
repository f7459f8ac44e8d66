$DONOTEVALUATE();

function g() {
    // Create an outer block-statement.
    {
        // A lexically declared function declaration.
        function f() {}

        // An inner block-statement with a variable-declared name.
        {
            var f;
        }
    }
}
