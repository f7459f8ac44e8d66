// Temporal with named time zones from the system's tz database: DST gaps and overlaps, disambiguation,
// day lengths, transitions. Skipped (after checking the error) when the host has no tz database.
let available = true;
try {
    Temporal.ZonedDateTime.from("2024-01-01T00:00[America/New_York]");
} catch (e) {
    assert(e instanceof RangeError, "an unavailable zone is a RangeError");
    available = false;
}
assertThrows(RangeError, () => Temporal.ZonedDateTime.from("2020-01-01T00:00[Mars/Olympus_Mons]"));
assertThrows(RangeError, () => Temporal.ZonedDateTime.from("2020-01-01T00:00[../../etc/passwd]"));
assertThrows(RangeError, () => new Temporal.ZonedDateTime(0n, "zone.tab"));
assert(typeof Temporal.Now.timeZoneId() === "string", "a system time zone id");

if (available) {
    const ny = (s, options) => Temporal.ZonedDateTime.from(s + "[America/New_York]", options).toString();
    // The spring-forward gap (02:00-03:00 does not exist on 2024-03-10).
    assertEquals(ny("2024-03-10T02:30"), "2024-03-10T03:30:00-04:00[America/New_York]");
    assertEquals(ny("2024-03-10T02:30", { disambiguation: "earlier" }), "2024-03-10T01:30:00-05:00[America/New_York]");
    assertThrows(RangeError, () => ny("2024-03-10T02:30", { disambiguation: "reject" }));
    // The fall-back overlap (01:00-02:00 happens twice on 2024-11-03).
    assertEquals(ny("2024-11-03T01:30"), "2024-11-03T01:30:00-04:00[America/New_York]");
    assertEquals(ny("2024-11-03T01:30", { disambiguation: "later" }), "2024-11-03T01:30:00-05:00[America/New_York]");
    assertEquals(ny("2024-11-03T01:30-05:00"), "2024-11-03T01:30:00-05:00[America/New_York]");
    assertThrows(RangeError, () => ny("2024-11-03T01:30-06:00"));
    const z = Temporal.ZonedDateTime.from("2024-03-10T01:30[america/new_york]");
    assertEquals(z.timeZoneId, "America/New_York");
    assertEquals(z.hoursInDay, 23);
    assertEquals(z.add({ hours: 1 }).hour, 3);
    assertEquals(z.add({ days: 1 }).toString(), "2024-03-11T01:30:00-04:00[America/New_York]");
    assertEquals(z.getTimeZoneTransition("next").toString(), "2024-03-10T03:00:00-04:00[America/New_York]");
    assertEquals(z.getTimeZoneTransition("previous").toString(), "2023-11-05T01:00:00-05:00[America/New_York]");
    // Beyond the last transition of the file: the POSIX rule of its footer.
    assertEquals(ny("2060-07-01T12:00"), "2060-07-01T12:00:00-04:00[America/New_York]");
    // Differences across a DST change: 23 hours are one calendar day.
    const a = Temporal.ZonedDateTime.from("2024-03-09T12:00[America/New_York]");
    const b = Temporal.ZonedDateTime.from("2024-03-10T12:00[America/New_York]");
    assertEquals(a.until(b).toString(), "PT23H");
    assertEquals(a.until(b, { largestUnit: "days" }).toString(), "P1D");
    assertEquals(Temporal.Duration.from({ days: 1 }).total({ unit: "hours", relativeTo: "2024-03-10[America/New_York]" }), 23);
    // A day starting at 01:00 (Sao Paulo, DST from midnight in 2018).
    assertEquals(Temporal.PlainDate.from("2018-11-04").toZonedDateTime("America/Sao_Paulo").toString(),
                 "2018-11-04T01:00:00-02:00[America/Sao_Paulo]");
    assertEquals(Temporal.ZonedDateTime.from("2024-01-01T00:00[Asia/Kolkata]").offset, "+05:30");
}
