// Temporal: ISO calendar arithmetic, duration balancing and rounding, string parsing and formatting,
// UTC / offset time zones, and bad input becoming RangeError/TypeError.

// ---- PlainDate ----
const d = Temporal.PlainDate.from("1976-11-18");
assertEquals(d.toString(), "1976-11-18");
assertEquals(d.dayOfWeek, 4);
assertEquals(d.dayOfYear, 323);
assertEquals(d.weekOfYear, 47);
assertEquals(d.monthCode, "M11");
assertEquals(d.add({ months: 3 }).toString(), "1977-02-18");
assertEquals(Temporal.PlainDate.from("2019-01-31").add({ months: 1 }).toString(), "2019-02-28");
assertThrows(RangeError, () => Temporal.PlainDate.from("2019-01-31").add({ months: 1 }, { overflow: "reject" }));
assertEquals(Temporal.PlainDate.from({ year: 2021, month: 2, day: 31 }).toString(), "2021-02-28");
assertEquals(Temporal.PlainDate.from("2019-01-31").until("2020-03-01", { largestUnit: "months" }).toString(), "P13M1D");
assertEquals(Temporal.PlainDate.from("2020-01-01").until("2021-06-15", { largestUnit: "years", smallestUnit: "months", roundingMode: "halfExpand" }).toString(), "P1Y5M");
assertEquals(Temporal.PlainDate.from("2020-01-01").until("2021-06-16", { largestUnit: "years", smallestUnit: "months", roundingMode: "halfExpand" }).toString(), "P1Y6M");
assertEquals(new Temporal.PlainDate(-271821, 4, 19).toString(), "-271821-04-19");
assertEquals(new Temporal.PlainDate(275760, 9, 13).toString(), "+275760-09-13");
assertThrows(RangeError, () => new Temporal.PlainDate(-271821, 4, 18));
assertThrows(RangeError, () => new Temporal.PlainDate(275760, 9, 14));
assertThrows(RangeError, () => new Temporal.PlainDate(2021, 2, 29));
assertThrows(TypeError, () => Temporal.PlainDate(2021, 2, 1));
assertThrows(TypeError, () => d.valueOf());
assertEquals(Temporal.PlainDate.compare("2020-01-01", "2019-12-31"), 1);

// ---- PlainTime ----
const t = new Temporal.PlainTime(12, 34, 56, 987, 654, 321);
assertEquals(t.toString(), "12:34:56.987654321");
assertEquals(t.toString({ smallestUnit: "millisecond" }), "12:34:56.987");
assertEquals(t.toString({ fractionalSecondDigits: 0 }), "12:34:56");
assertEquals(t.round({ smallestUnit: "hour" }).toString(), "13:00:00");
assertEquals(t.add({ hours: 12 }).toString(), "00:34:56.987654321");
assertEquals(Temporal.PlainTime.from("T1214").toString(), "12:14:00");
assertThrows(RangeError, () => Temporal.PlainTime.from("1214")); // also a month-day
assertEquals(Temporal.PlainTime.from("23:59:60").second, 59); // leap second
assertThrows(RangeError, () => Temporal.PlainTime.from("12:00Z"));

// ---- PlainDateTime ----
const dt = Temporal.PlainDateTime.from("2020-01-01T12:00");
assertEquals(dt.since("2019-12-30T18:30", { largestUnit: "hours" }).toString(), "PT41H30M");
assertEquals(dt.round({ smallestUnit: "day" }).toString(), "2020-01-02T00:00:00");
assertEquals(dt.add({ hours: -13 }).toString(), "2019-12-31T23:00:00");
assertEquals(dt.toString({ calendarName: "always" }), "2020-01-01T12:00:00[u-ca=iso8601]");
assertEquals(Temporal.PlainDateTime.from("2020-01-01T12:00[u-ca=ISO8601]").calendarId, "iso8601");
assertThrows(RangeError, () => Temporal.PlainDateTime.from("2020-01-01T12:00[u-ca=hebrew]"));
assertThrows(RangeError, () => Temporal.PlainDateTime.from("2020-01-01T12:00[!foo=bar]"));
assertEquals(Temporal.PlainDateTime.from("2020-01-01T12:00[foo=bar]").hour, 12);

// ---- Duration ----
assertEquals(Temporal.Duration.from("P1Y2M3DT4H5M6.789S").toString(), "P1Y2M3DT4H5M6.789S");
assertEquals(Temporal.Duration.from("PT1.5H").minutes, 30);
assertEquals(Temporal.Duration.from({ hours: 25 }).round({ largestUnit: "days" }).toString(), "P1DT1H");
assertEquals(Temporal.Duration.from({ days: 40 }).round({ largestUnit: "months", relativeTo: "2020-01-01" }).toString(), "P1M9D");
assertEquals(Temporal.Duration.from({ days: 40 }).total({ unit: "months", relativeTo: "2020-01-01" }), 1 + 9 / 29);
assertEquals(Temporal.Duration.from({ hours: 36 }).total("days"), 1.5);
assertThrows(RangeError, () => Temporal.Duration.from({ months: 1 }).total("days")); // needs relativeTo
assertEquals(Temporal.Duration.compare({ days: 31 }, { months: 1 }, { relativeTo: "2020-02-01" }), 1);
assertThrows(RangeError, () => new Temporal.Duration(1, -1));
assertThrows(RangeError, () => new Temporal.Duration(2 ** 32));
assertThrows(RangeError, () => new Temporal.Duration(0, 0, 0, 0, 0, 0, 2 ** 53));
const big = new Temporal.Duration(0, 0, 0, 0, 0, 0, 0, 0, 0, Number.MAX_SAFE_INTEGER * 1e9 - 1e9);
assertEquals(big.nanoseconds, Number.MAX_SAFE_INTEGER * 1e9 - 1e9);
assert(big.toString().startsWith("PT9007199"), "large nanosecond durations format as exact integers");
assertEquals(new Temporal.Duration(-1, 0, 0, -2).toString(), "-P1Y2D");
assertEquals(new Temporal.Duration().toString(), "PT0S");
assertEquals(Temporal.Duration.from("PT0.000000001S").add("PT0.999999999S").toString(), "PT1S");

// ---- Instant ----
const i = Temporal.Instant.from("1970-01-01T00:00:01.5+01:00");
assertEquals(i.epochNanoseconds, -3598500000000n);
assertEquals(i.epochMilliseconds, -3598500);
assertEquals(i.toString(), "1969-12-31T23:00:01.5Z");
assertEquals(i.toString({ timeZone: "+05:30" }), "1970-01-01T04:30:01.5+05:30");
assertEquals(new Temporal.Instant(8640000000000000000000n).toString(), "+275760-09-13T00:00:00Z");
assertThrows(RangeError, () => new Temporal.Instant(8640000000000000000001n));
assertThrows(RangeError, () => new Temporal.Instant(-(2n ** 200n)));
assertEquals(Temporal.Instant.fromEpochMilliseconds(1e12).round({ smallestUnit: "hour" }).toString(), "2001-09-09T02:00:00Z");
assertEquals(new Date(86400000).toTemporalInstant().toString(), "1970-01-02T00:00:00Z");

// ---- ZonedDateTime (UTC and offset zones) ----
const z = Temporal.ZonedDateTime.from("2020-01-01T00:00+01:00[+01:00]");
assertEquals(z.toString(), "2020-01-01T00:00:00+01:00[+01:00]");
assertEquals(z.epochNanoseconds, 1577833200000000000n);
assertEquals(z.hoursInDay, 24);
assertEquals(z.withTimeZone("UTC").toString(), "2019-12-31T23:00:00+00:00[UTC]");
assertEquals(z.add({ months: 1, hours: 1 }).toString(), "2020-02-01T01:00:00+01:00[+01:00]");
assertThrows(RangeError, () => Temporal.ZonedDateTime.from("2020-01-01T00:00+02:00[+01:00]"));
assertEquals(Temporal.ZonedDateTime.from("2020-01-01T00:00+02:00[+01:00]", { offset: "use" }).hour, 23);
assertEquals(z.getTimeZoneTransition("next"), null);
assertEquals(Temporal.Duration.from({ days: 3, hours: 12 }).round({ smallestUnit: "hours", roundingIncrement: 8,
             roundingMode: "halfEven", relativeTo: new Temporal.ZonedDateTime(0n, "UTC") }).toString(), "P3DT16H");

// ---- PlainYearMonth / PlainMonthDay ----
assertEquals(Temporal.PlainYearMonth.from("2019-11").add({ months: 3 }).toString(), "2020-02");
assertThrows(RangeError, () => Temporal.PlainYearMonth.from("2019-11").add({ days: 1 }));
assertEquals(Temporal.PlainMonthDay.from("--02-29").toPlainDate({ year: 2021 }).toString(), "2021-02-28");
assertEquals(Temporal.PlainMonthDay.from({ month: 12, day: 25 }).toString(), "12-25");

// ---- bad input never crashes ----
const junk = ["", "T", "P", "PT", "+", "-000000-01-01", "2020-13-01", "2020-01-01T25:00", "2020-01-01T00:00:00.1234567890",
              "2020-01-01[", "2020-01-01[u-ca=]", "2020-01-01[u-ca=iso8601][!u-ca=iso8601]", "P1.5Y", "PT1.5H1M",
              "P".repeat(600), "9".repeat(600), "2020-01-01T00:00[" + "a".repeat(200) + "]", "\u2212P1D"];
for (const s of junk) {
    for (const f of [Temporal.PlainDate.from, Temporal.PlainTime.from, Temporal.PlainDateTime.from,
                     Temporal.Duration.from, Temporal.Instant.from, Temporal.ZonedDateTime.from,
                     Temporal.PlainYearMonth.from, Temporal.PlainMonthDay.from]) {
        let threw = false;
        try {
            f(s);
        } catch (e) {
            threw = e instanceof RangeError;
        }
        assert(threw, "RangeError for " + JSON.stringify(s.slice(0, 40)));
    }
}
assertThrows(TypeError, () => Temporal.PlainDate.from(20200101));
assertThrows(TypeError, () => Temporal.PlainDate.prototype.add.call({}, { days: 1 }));

// Temporal objects hold their calendar and time zone strings through the gc.
let keep = [];
for (let k = 0; k < 200; k++) keep.push(new Temporal.ZonedDateTime(BigInt(k) * 1000000000n, "+0" + (k % 10) + ":00"));
keep = null;
