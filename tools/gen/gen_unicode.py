#!/usr/bin/env python3
"""Generates src/base/UnicodeTables.inc from Python's unicodedata module.

Usage: python3 tools/gen/gen_unicode.py > src/base/UnicodeTables.inc

The tables follow the Unicode version of the running Python (14.0.0 when this was written);
the version is recorded in the output. Properties unicodedata lacks (Pattern_Syntax,
Other_ID_Start, ...) are listed below from PropList.txt; they are stable by Unicode policy.
"""
import sys
import unicodedata

MAX_CP = 0x10FFFF

# PropList.txt Pattern_Syntax and Pattern_White_Space (immutable since Unicode 4.1).
PATTERN_SYNTAX = [
    (0x0021, 0x002F), (0x003A, 0x0040), (0x005B, 0x005E), (0x0060, 0x0060), (0x007B, 0x007E),
    (0x00A1, 0x00A7), (0x00A9, 0x00A9), (0x00AB, 0x00AC), (0x00AE, 0x00AE), (0x00B0, 0x00B1),
    (0x00B6, 0x00B6), (0x00BB, 0x00BB), (0x00BF, 0x00BF), (0x00D7, 0x00D7), (0x00F7, 0x00F7),
    (0x2010, 0x2027), (0x2030, 0x203E), (0x2041, 0x2053), (0x2055, 0x205E), (0x2190, 0x245F),
    (0x2500, 0x2775), (0x2794, 0x2BFF), (0x2E00, 0x2E7F), (0x3001, 0x3003), (0x3008, 0x3020),
    (0x3030, 0x3030), (0xFD3E, 0xFD3F), (0xFE45, 0xFE46),
]
PATTERN_WHITE_SPACE = [(0x0009, 0x000D), (0x0020, 0x0020), (0x0085, 0x0085), (0x200E, 0x200F),
                       (0x2028, 0x2029)]
# PropList.txt Other_ID_Start / Other_ID_Continue as of Unicode 14.
OTHER_ID_START = [0x1885, 0x1886, 0x2118, 0x212E, 0x309B, 0x309C]
OTHER_ID_CONTINUE = [0x00B7, 0x0387] + list(range(0x1369, 0x1372)) + [0x19DA]


def in_ranges(cp, ranges):
    return any(lo <= cp <= hi for lo, hi in ranges)


def compute_id_sets():
    excluded = set()
    for lo, hi in PATTERN_SYNTAX + PATTERN_WHITE_SPACE:
        excluded.update(range(lo, hi + 1))
    start, cont = set(), set()
    for cp in range(MAX_CP + 1):
        cat = unicodedata.category(chr(cp))
        s = cat in ("Lu", "Ll", "Lt", "Lm", "Lo", "Nl") or cp in OTHER_ID_START
        c = s or cat in ("Mn", "Mc", "Nd", "Pc") or cp in OTHER_ID_CONTINUE
        if s and cp not in excluded:
            start.add(cp)
        if c and cp not in excluded:
            cont.add(cp)
    return start, cont


def compute_cased_sets():
    """Cased and Case_Ignorable (DerivedCoreProperties), which unicodedata does not expose.
    Cased = Lowercase + Uppercase + Lt, and str.islower()/isupper() test exactly the derived
    Lowercase/Uppercase properties. Case_Ignorable is recovered from str.lower()'s Final_Sigma
    handling, which skips case-ignorable characters: "A" + c + "\u03a3" lowers to a final sigma
    iff c is case-ignorable or cased, and c + "\u03a3" iff c is cased and not case-ignorable."""
    final = "\u03c2"
    cased, ignorable = set(), set()
    for cp in range(MAX_CP + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        is_cased = ch.isupper() or ch.islower() or unicodedata.category(ch) == "Lt"
        if is_cased:
            cased.add(cp)
            if (ch + "\u03a3").lower()[-1] != final:
                ignorable.add(cp)
        elif ("A" + ch + "\u03a3").lower()[-1] == final:
            ignorable.add(cp)
    # Sanity check: Case_Ignorable = Mn Me Cf Lm Sk + Word_Break MidLetter/MidNumLet/Single_Quote.
    word_break = {0x27, 0x2E, 0x3A, 0xB7, 0x387, 0x55F, 0x5F4, 0x2018, 0x2019, 0x2024, 0x2027, 0xFE13,
                  0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A}
    expect = {cp for cp in range(MAX_CP + 1) if not 0xD800 <= cp <= 0xDFFF and
              unicodedata.category(chr(cp)) in ("Mn", "Me", "Cf", "Lm", "Sk")} | word_break
    assert ignorable == expect, sorted(hex(c) for c in ignorable ^ expect)[:10]
    return cased, ignorable


def to_ranges(cps):
    out = []
    for cp in sorted(cps):
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def single(s):
    return ord(s) if len(s) == 1 else None


def case_maps():
    upper, lower, fold = {}, {}, {}
    upper_special, lower_special = {}, {}
    for cp in range(MAX_CP + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        u, l = ch.upper(), ch.lower()
        if len(u) > 1:
            upper_special[cp] = [ord(x) for x in u]
        elif ord(u) != cp:
            upper[cp] = ord(u)
        if len(l) > 1:
            lower_special[cp] = [ord(x) for x in l]
        elif ord(l) != cp:
            lower[cp] = ord(l)
        # Simple folding: casefold() is full folding (status C+F). A single code point result is
        # the C mapping; for F entries the S mapping, when present, equals the simple lowercase.
        f = ch.casefold()
        if len(f) == 1:
            fc = ord(f)
        elif len(l) == 1:
            fc = ord(l)
        else:
            fc = cp
        if fc != cp:
            fold[cp] = fc
    return upper, lower, fold, upper_special, lower_special


def delta_runs(mapping):
    """Groups {cp: target} into runs (start, count, stride, delta) with stride 1 or 2 whose spans
    never overlap, so lookup by binary search on start is exact."""
    cps = sorted(mapping)
    runs = []
    i = 0
    while i < len(cps):
        start = cps[i]
        delta = mapping[start] - start
        count, stride = 1, 1
        j = i + 1
        if j < len(cps) and mapping[cps[j]] - cps[j] == delta:
            if cps[j] == start + 1:
                stride = 1
            elif cps[j] == start + 2 and (start + 1) not in mapping:
                stride = 2
            else:
                stride = 0
            if stride:
                last = start
                while j < len(cps) and cps[j] == last + stride and mapping[cps[j]] - cps[j] == delta \
                        and (stride == 1 or (last + 1) not in mapping):
                    last = cps[j]
                    count += 1
                    j += 1
            else:
                stride = 1
        runs.append((start, count, stride, delta))
        i += count
    # Self-check: replay the lookup on every code point.
    starts = [r[0] for r in runs]
    import bisect
    for cp in range(MAX_CP + 1):
        k = bisect.bisect_right(starts, cp) - 1
        got = cp
        if k >= 0:
            s, n, st, d = runs[k]
            if cp <= s + (n - 1) * st and (cp - s) % st == 0:
                got = cp + d
        assert got == mapping.get(cp, cp), hex(cp)
    return runs


def emit_ranges(name, ranges, out):
    out.append("static const UnicodeRange %s[] = {" % name)
    line = "   "
    for lo, hi in ranges:
        item = " {0x%X, 0x%X}," % (lo, hi)
        if len(line) + len(item) > 100:
            out.append(line)
            line = "   "
        line += item
    out.append(line)
    out.append("};")


def emit_runs(name, runs, out):
    out.append("static const CaseRun %s[] = {" % name)
    line = "   "
    for s, n, st, d in runs:
        item = " {0x%X, %d, %d, %d}," % (s, n, st, d)
        if len(line) + len(item) > 100:
            out.append(line)
            line = "   "
        line += item
    out.append(line)
    out.append("};")


def emit_special(name, special, out):
    out.append("static const SpecialCase %s[] = {" % name)
    for cp in sorted(special):
        t = special[cp] + [0] * (3 - len(special[cp]))
        out.append("    {0x%X, %d, {0x%X, 0x%X, 0x%X}}," % (cp, len(special[cp]), *t))
    out.append("};")


def main():
    out = [
        "// Generated by tools/gen/gen_unicode.py from Unicode %s. Do not edit." % unicodedata.unidata_version,
        "// clang-format off",
        "",
    ]
    start, cont = compute_id_sets()
    # Code points below 0x100 are answered by fast paths in Unicode.cpp.
    emit_ranges("kIdStartRanges", [r for r in to_ranges(start) if r[1] >= 0x100], out)
    emit_ranges("kIdContinueRanges", [r for r in to_ranges(cont) if r[1] >= 0x100], out)
    zs = [cp for cp in range(MAX_CP + 1) if unicodedata.category(chr(cp)) == "Zs"]
    emit_ranges("kSpaceSeparatorRanges", to_ranges(zs), out)
    cased, ignorable = compute_cased_sets()
    emit_ranges("kCasedRanges", [r for r in to_ranges(cased) if r[1] >= 0x80], out)
    emit_ranges("kCaseIgnorableRanges", [r for r in to_ranges(ignorable) if r[1] >= 0x80], out)
    upper, lower, fold, upper_special, lower_special = case_maps()
    emit_runs("kUpperRuns", delta_runs(upper), out)
    emit_runs("kLowerRuns", delta_runs(lower), out)
    emit_runs("kFoldRuns", delta_runs(fold), out)
    emit_special("kUpperSpecial", upper_special, out)
    emit_special("kLowerSpecial", lower_special, out)
    out.append("// clang-format on")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
