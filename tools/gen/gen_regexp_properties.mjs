// tools/gen/gen_regexp_properties.mjs: generates src/regexp/UnicodeProperties.inc, the code point
// ranges of the properties \p{...} accepts (22.2.2.9 UnicodePropertyValueExpression):
// General_Category values, Script and Script_Extensions values, and the binary properties of
// table-binary-unicode-properties.
//
// The data comes from the npm packages test262's own generated tests come from: @unicode/unicode-X
// (code points per property value) and unicode-property-value-aliases-ecmascript (the names and
// aliases ECMAScript accepts). tools/gen/check-unicode.sh downloads the pinned versions.
//
//   node tools/gen/gen_regexp_properties.mjs UNICODE_PACKAGE_DIR ALIASES_PACKAGE_DIR > src/regexp/UnicodeProperties.inc
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [unicodeDir, aliasesDir] = process.argv.slice(2).map((p) => resolve(p));
if (process.argv.length < 4) {
  console.error('usage: node gen_regexp_properties.mjs UNICODE_PACKAGE_DIR ALIASES_PACKAGE_DIR');
  process.exit(2);
}
const unicodeVersion = JSON.parse(readFileSync(join(unicodeDir, 'package.json'), 'utf8')).name.replace(/^@unicode\/unicode-/, '');
const aliases = createRequire(import.meta.url)(join(aliasesDir, 'index.js'));

// [lo, hi) pairs of one property value.
// A value without code points (Katakana_Or_Hiragana) has no file: empty.
async function ranges(property, value) {
  const file = join(unicodeDir, property, value, 'ranges.mjs');
  if (!existsSync(file)) return [];
  const mod = await import(pathToFileURL(file).href);
  return mod.default.map((r) => [r.begin, r.end]);
}

const data = []; // the encoded range lists (bytes)
const entries = []; // [kind, name, byte offset, range count]
const cache = new Map();
function pushLeb(v) {
  while (v >= 0x80) {
    data.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  data.push(v);
}
// A range list is stored as (gap from the previous range's end, length) pairs of LEB128 numbers, the
// first gap counted from 0: a third of the size of 32-bit pairs.
function entry(kind, name, key, list) {
  if (!cache.has(key)) {
    cache.set(key, [data.length, list.length]);
    let prev = 0;
    for (const [lo, hi] of list) {
      if (lo < prev || hi <= lo) throw new Error(`unsorted ranges for ${key}`);
      pushLeb(lo - prev);
      pushLeb(hi - lo);
      prev = hi;
    }
  }
  entries.push([kind, name, ...cache.get(key)]);
}

// Every name of a canonical value: itself and the aliases mapping to it.
function namesOf(property, canonical) {
  const names = [canonical];
  for (const [alias, value] of aliases.get(property)) if (value === canonical && !names.includes(alias)) names.push(alias);
  return names;
}
function canonicalValues(property) {
  return [...new Set(aliases.get(property).values())];
}

// ---- General_Category ----
for (const value of canonicalValues('General_Category')) {
  const list = await ranges('General_Category', value);
  for (const name of namesOf('General_Category', value)) entry(0, name, 'gc=' + value, list);
}

// ---- Script and Script_Extensions ----
for (const value of canonicalValues('Script')) {
  const sc = await ranges('Script', value);
  const scx = await ranges('Script_Extensions', value);
  for (const name of namesOf('Script', value)) {
    entry(1, name, 'sc=' + value, sc);
    entry(2, name, 'scx=' + value, scx);
  }
}

// ---- binary properties (table-binary-unicode-properties) ----
const binary = [
  ['ASCII', []], ['ASCII_Hex_Digit', ['AHex']], ['Alphabetic', ['Alpha']], ['Any', []],
  ['Assigned', []], ['Bidi_Control', ['Bidi_C']], ['Bidi_Mirrored', ['Bidi_M']],
  ['Case_Ignorable', ['CI']], ['Cased', []], ['Changes_When_Casefolded', ['CWCF']],
  ['Changes_When_Casemapped', ['CWCM']], ['Changes_When_Lowercased', ['CWL']],
  ['Changes_When_NFKC_Casefolded', ['CWKCF']], ['Changes_When_Titlecased', ['CWT']],
  ['Changes_When_Uppercased', ['CWU']], ['Dash', []], ['Default_Ignorable_Code_Point', ['DI']],
  ['Deprecated', ['Dep']], ['Diacritic', ['Dia']], ['Emoji', []], ['Emoji_Component', ['EComp']],
  ['Emoji_Modifier', ['EMod']], ['Emoji_Modifier_Base', ['EBase']], ['Emoji_Presentation', ['EPres']],
  ['Extended_Pictographic', ['ExtPict']], ['Extender', ['Ext']], ['Grapheme_Base', ['Gr_Base']],
  ['Grapheme_Extend', ['Gr_Ext']], ['Hex_Digit', ['Hex']], ['IDS_Binary_Operator', ['IDSB']],
  ['IDS_Trinary_Operator', ['IDST']], ['ID_Continue', ['IDC']], ['ID_Start', ['IDS']],
  ['Ideographic', ['Ideo']], ['Join_Control', ['Join_C']], ['Logical_Order_Exception', ['LOE']],
  ['Lowercase', ['Lower']], ['Math', []], ['Noncharacter_Code_Point', ['NChar']],
  ['Pattern_Syntax', ['Pat_Syn']], ['Pattern_White_Space', ['Pat_WS']], ['Quotation_Mark', ['QMark']],
  ['Radical', []], ['Regional_Indicator', ['RI']], ['Sentence_Terminal', ['STerm']],
  ['Soft_Dotted', ['SD']], ['Terminal_Punctuation', ['Term']], ['Unified_Ideograph', ['UIdeo']],
  ['Uppercase', ['Upper']], ['Variation_Selector', ['VS']], ['White_Space', ['space']],
  ['XID_Continue', ['XIDC']], ['XID_Start', ['XIDS']],
];
for (const [name, extra] of binary) {
  const list = await ranges('Binary_Property', name);
  for (const n of [name, ...extra]) entry(3, n, 'bin=' + name, list);
}

entries.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
let out = `// Generated by tools/gen/gen_regexp_properties.mjs (Unicode ${unicodeVersion}). Do not edit.\n`;
out += '// kPropertyRanges: range lists, each range as two LEB128 numbers: the gap from the end of the\n';
out += '// previous range (from 0 for the first) and the length. kPropertyNames: the names, each ended\n';
out += '// by a NUL. kProperties: offset of the name in kPropertyNames, byte offset of the range list, range\n';
out += '// count and kind (0 General_Category, 1 Script, 2 Script_Extensions, 3 binary); sorted by kind then\n';
out += '// name.\n';
out += 'static const uint8_t kPropertyRanges[] = {\n';
const byte = (v) => '0x' + v.toString(16).toUpperCase().padStart(2, '0');
for (let i = 0; i < data.length; i += 16) out += '    ' + data.slice(i, i + 16).map(byte).join(', ') + ',\n';
out += '};\nstatic const char kPropertyNames[] =\n';
const nameOffsets = [];
let nameBytes = 0;
for (const [, name] of entries) {
  nameOffsets.push(nameBytes);
  nameBytes += name.length + 1;
  out += `    "${name}\\0"\n`;
}
out += '    "";\nstatic const PropertyEntry kProperties[] = {\n';
entries.forEach(([kind, , off, count], i) => {
  if (nameOffsets[i] > 0xffff || off > 0xffff || count > 0xffff) throw new Error('PropertyEntry fields are 16 bits wide: widen them');
  out += `    {${nameOffsets[i]}, ${off}, ${count}, ${kind}},\n`;
});
out += '};\n';
process.stdout.write(out);
