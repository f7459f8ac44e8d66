// MakeDay month arithmetic (0-based months) and the DateString year format.
assertEquals(Date.UTC(1970, 0), 0);
assertEquals(Date.UTC(1970, 1), 31 * 86400000);
assertEquals(Date.UTC(2000, 1, 29), 951782400000);
assertEquals(new Date(Date.UTC(2016, 6, 1)).getUTCMonth(), 6);
assertEquals(Date.UTC(1970, 12), Date.UTC(1971, 0));
assertEquals(Date.UTC(1970, -1), Date.UTC(1969, 11));
assertEquals(new Date(Date.UTC(2000, 1, 29)).toISOString(), "2000-02-29T00:00:00.000Z");
assertEquals(new Date(Date.UTC(-1, 0, 1)).toUTCString(), "Fri, 01 Jan -0001 00:00:00 GMT");
assertEquals(new Date(Date.UTC(-1, 0, 1)).toISOString(), "-000001-01-01T00:00:00.000Z");

// Time components of a negative time value on a day boundary are +0, not -0.
{
    const utc = new Date(Date.UTC(1955, 0, 1));
    assert(Object.is(utc.getUTCHours(), 0) && Object.is(utc.getUTCMinutes(), 0), "UTC hours and minutes are +0");
    assert(Object.is(utc.getUTCSeconds(), 0) && Object.is(utc.getUTCMilliseconds(), 0), "seconds and ms are +0");
    assert(Object.is(new Date(-7 * 86400000).getUTCDay(), 4), "a Thursday");
    assert(Object.is(new Date(-3 * 86400000).getUTCDay(), 1), "a Monday");
}
