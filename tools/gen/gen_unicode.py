#!/usr/bin/env python3
"""Generates src/base/UnicodeTables.inc (the lexer's identifier tables, White_Space's Zs, Cased,
Case_Ignorable and the case mappings) from the Unicode Character Database as the npm package
@unicode/unicode-X carries it: the same package tools/gen/gen_regexp_properties.mjs reads and
test262's generated tests come from (tools/gen/check-unicode.sh fetches the pinned version).

Usage: python3 tools/gen/gen_unicode.py UNICODE_PACKAGE_DIR > src/base/UnicodeTables.inc

The package's data files are ES modules (compressed), so node decodes the few this needs into JSON.
"""
import json
import os
import subprocess
import sys

MAX_CP = 0x10FFFF

# Decodes the properties below from the package into one JSON object: sets as [begin, end) ranges,
# mappings as [code point, mapping] pairs (a mapping is a code point or a list of them).
NODE_DUMP = r"""
const dir = process.argv[1];
const load = async (path) => (await import(require('node:url').pathToFileURL(require('node:path').join(dir, path)).href)).default;
(async () => {
  const out = {};
  for (const [key, path] of [['id_start', 'Binary_Property/ID_Start'], ['id_continue', 'Binary_Property/ID_Continue'],
                             ['cased', 'Binary_Property/Cased'], ['case_ignorable', 'Binary_Property/Case_Ignorable'],
                             ['zs', 'General_Category/Space_Separator']])
    out[key] = (await load(path + '/ranges.mjs')).map((r) => [r.begin, r.end]);
  for (const [key, path] of [['simple_upper', 'Simple_Case_Mapping/Uppercase'], ['simple_lower', 'Simple_Case_Mapping/Lowercase'],
                             ['special_upper', 'Special_Casing/Uppercase'], ['special_lower', 'Special_Casing/Lowercase'],
                             ['fold_c', 'Case_Folding/C'], ['fold_f', 'Case_Folding/F'], ['fold_s', 'Case_Folding/S']])
    out[key] = [...(await load(path + '/code-points.mjs')).entries()];
  out.version = JSON.parse(require('node:fs').readFileSync(require('node:path').join(dir, 'package.json'), 'utf8')).name.replace(/^@unicode\/unicode-/, '');
  process.stdout.write(JSON.stringify(out));
})();
"""


def load_ucd(package_dir):
    text = subprocess.run(["node", "-e", NODE_DUMP, os.path.abspath(package_dir)], check=True,
                          capture_output=True, text=True).stdout
    return json.loads(text)


def range_set(ranges):
    out = set()
    for lo, hi in ranges:
        out.update(range(lo, hi))
    return out


def case_maps(ucd):
    """Full upper/lower case mappings (SpecialCasing's unconditional entries, else the simple
    mapping) split into single code point maps and multi code point specials, and the simple case
    folding (status C and S: the entries whose folding is one code point)."""
    upper, lower, fold = {}, {}, {}
    upper_special, lower_special = {}, {}
    for simple, special, single_map, multi_map in ((ucd["simple_upper"], ucd["special_upper"], upper, upper_special),
                                                   (ucd["simple_lower"], ucd["special_lower"], lower, lower_special)):
        full = {cp: [m] for cp, m in simple}
        for cp, m in special:
            full[cp] = m if isinstance(m, list) else [m]
        for cp, m in full.items():
            if len(m) > 1:
                multi_map[cp] = m
            elif m[0] != cp:
                single_map[cp] = m[0]
    for key in ("fold_c", "fold_f", "fold_s"):
        for cp, m in ucd[key]:
            if isinstance(m, list):
                if len(m) != 1:
                    continue  # full folding (status F)
                m = m[0]
            if m != cp:
                fold[cp] = m
    return upper, lower, fold, upper_special, lower_special


def to_ranges(cps):
    out = []
    for cp in sorted(cps):
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


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
    """Each range as one 32-bit word, first code point << 11 | extra length (0..2047): half the size of
    a pair of 32-bit bounds. Longer ranges are split; words sort like their ranges."""
    out.append("static const uint32_t %s[] = {" % name)
    line = "   "
    for lo, hi in ranges:
        while lo <= hi:
            extra = min(hi - lo, 0x7FF)
            assert lo <= MAX_CP
            item = " 0x%X," % (lo << 11 | extra)
            if len(line) + len(item) > 100:
                out.append(line)
                line = "   "
            line += item
            lo += extra + 1
    out.append(line)
    out.append("};")


def emit_runs(name, runs, out):
    """Each run as {start << 8 | (stride - 1) << 7 | (count - 1), delta}: 8 bytes instead of 12."""
    out.append("static const CaseRun %s[] = {" % name)
    line = "   "
    for s, n, st, d in runs:
        assert 1 <= n <= 128 and st in (1, 2) and s <= MAX_CP
        item = " {0x%X, %d}," % (s << 8 | (st - 1) << 7 | (n - 1), d)
        if len(line) + len(item) > 100:
            out.append(line)
            line = "   "
        line += item
    out.append(line)
    out.append("};")


def emit_special(name, special, out):
    """16-bit code points (all specials and their mappings are in the BMP); unused outputs are 0."""
    out.append("static const SpecialCase %s[] = {" % name)
    for cp in sorted(special):
        assert cp <= 0xFFFF and all(0 < m <= 0xFFFF for m in special[cp]) and len(special[cp]) <= 3
        t = special[cp] + [0] * (3 - len(special[cp]))
        out.append("    {0x%X, {0x%X, 0x%X, 0x%X}}," % (cp, *t))
    out.append("};")


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: python3 tools/gen/gen_unicode.py UNICODE_PACKAGE_DIR\n")
        sys.exit(2)
    ucd = load_ucd(sys.argv[1])
    out = [
        "// Generated by tools/gen/gen_unicode.py from Unicode %s. Do not edit." % ucd["version"],
        "// clang-format off",
        "",
    ]
    start, cont = range_set(ucd["id_start"]), range_set(ucd["id_continue"])
    # Code points below 0x100 are answered by fast paths in Unicode.cpp.
    emit_ranges("kIdStartRanges", [r for r in to_ranges(start) if r[1] >= 0x100], out)
    emit_ranges("kIdContinueRanges", [r for r in to_ranges(cont) if r[1] >= 0x100], out)
    emit_ranges("kSpaceSeparatorRanges", to_ranges(range_set(ucd["zs"])), out)
    cased, ignorable = range_set(ucd["cased"]), range_set(ucd["case_ignorable"])
    emit_ranges("kCasedRanges", [r for r in to_ranges(cased) if r[1] >= 0x80], out)
    emit_ranges("kCaseIgnorableRanges", [r for r in to_ranges(ignorable) if r[1] >= 0x80], out)
    upper, lower, fold, upper_special, lower_special = case_maps(ucd)
    emit_runs("kUpperRuns", delta_runs(upper), out)
    emit_runs("kLowerRuns", delta_runs(lower), out)
    emit_runs("kFoldRuns", delta_runs(fold), out)
    emit_special("kUpperSpecial", upper_special, out)
    emit_special("kLowerSpecial", lower_special, out)
    out.append("// clang-format on")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
