$DONOTEVALUATE();

if (true) const x = null; else const y = null;
