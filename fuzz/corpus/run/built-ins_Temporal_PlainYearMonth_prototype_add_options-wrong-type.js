const badOptions = [
  null,
  true,
  "some string",
  Symbol(),
  1,
  2n,
];

const instance = new Temporal.PlainYearMonth(2019, 10);
for (const value of badOptions) {
  assert.throws(TypeError, () => instance.add({ months: 1 }, value),
    `TypeError on wrong options type ${typeof value}`);
};
