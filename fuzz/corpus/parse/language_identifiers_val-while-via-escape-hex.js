$DONOTEVALUATE();

var \u{77}\u{68}\u{69}\u{6c}\u{65} = 123;
