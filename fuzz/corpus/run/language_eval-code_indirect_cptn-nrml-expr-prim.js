var x;
assert.sameValue((0,eval)("x = 1"), 1, 'AssignmentExpression');

assert.sameValue((0,eval)("1"), 1, 'NumericLiteral');

assert.sameValue((0,eval)("'1'"), '1', 'StringLiteral');

x = 1;
assert.sameValue((0,eval)("++x"), 2, 'UpdateExpression');
