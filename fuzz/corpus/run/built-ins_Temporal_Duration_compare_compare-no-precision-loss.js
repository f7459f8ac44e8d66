const days200 = new Temporal.Duration(0, 0, 0, 200);
const days200oneNanosecond = new Temporal.Duration(0, 0, 0, 200, 0, 0, 0, 0, 0, 1);

assert.notSameValue(Temporal.Duration.compare(days200, days200oneNanosecond), 0);
