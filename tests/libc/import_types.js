// Import attributes in the shell (js_module_read): `with { type: "json" | "text" | "bytes" }` make
// synthetic modules from a file's bytes whatever its name; a file imported as text is another module
// than the same file imported as code; unsupported attributes fail the import.
import * as std from "std";

const dir = std.getenv("TEST_TMP");
assert(typeof dir === "string" && dir.length > 0, "TEST_TMP is set");
std.writeFile(dir + "/data.json", '{"a": [1, 2]}');
std.writeFile(dir + "/note.txt", "caf\u00e9 \u{1F600}\n");
std.writeFile(dir + "/code.js", "export const x = 1;\n");
std.writeFile(dir + "/empty.bin", "");
// A module reading itself as text, and a module importing with an attribute the host does not know.
std.writeFile(dir + "/self.js", "import me from './self.js' with { type: 'text' };\nexport default me;\n");
std.writeFile(dir + "/bad-key.js", "import x from './code.js' with { lazy: 'yes' };\n");
std.writeFile(dir + "/bad-type.js", "import x from './code.js' with { type: 'css' };\n");

// JSON: by type, and by name (a ".json" name is JSON without the attribute, as in QuickJS).
const json = await import(dir + "/data.json", { with: { type: "json" } });
assertArrayEquals(json.default.a, [1, 2]);
const byName = await import(dir + "/data.json");
assertEquals(byName.default, json.default, "one JSON module for the name with or without the type");
const jsonAsText = await import(dir + "/data.json", { with: { type: "text" } });
assertEquals(jsonAsText.default, '{"a": [1, 2]}');

// Text is decoded as UTF-8.
const text = await import(dir + "/note.txt", { with: { type: "text" } });
assertEquals(text.default, "caf\u00e9 \u{1F600}\n");
assertArrayEquals(Object.keys(text), ["default"]);

// Bytes: a Uint8Array over an immutable ArrayBuffer.
const bytes = await import(dir + "/note.txt", { with: { type: "bytes" } });
assert(bytes.default instanceof Uint8Array, "bytes are a Uint8Array");
assertEquals(bytes.default.length, 11);
assertEquals(bytes.default[0], 0x63);
assertEquals(bytes.default[3], 0xc3);
assertEquals(bytes.default.buffer.immutable, true);
assertThrows(TypeError, () => bytes.default.buffer.resize(0));
assertThrows(TypeError, () => {
    bytes.default[0] = 0;
});
assertEquals(bytes.default[0], 0x63, "the bytes cannot be written");
const empty = await import(dir + "/empty.bin", { with: { type: "bytes" } });
assertEquals(empty.default.length, 0);
const again = await import(dir + "/note.txt", { with: { type: "bytes" } });
assertEquals(again.default, bytes.default, "the same request gives the same module");

// Code and text of one file are two modules.
const code = await import(dir + "/code.js");
const codeText = await import(dir + "/code.js", { with: { type: "text" } });
assertEquals(code.x, 1);
assertEquals(codeText.default, "export const x = 1;\n");
const self = await import(dir + "/self.js");
assertEquals(self.default, std.loadFile(dir + "/self.js"));

// Unsupported attributes: an unknown key is a SyntaxError, an unknown type a TypeError.
async function rejection(promise) {
    try {
        await promise;
    } catch (e) {
        return e;
    }
    return null;
}
assert((await rejection(import(dir + "/code.js", { with: { lazy: "yes" } }))) instanceof SyntaxError);
assert((await rejection(import(dir + "/code.js", { with: { type: "css" } }))) instanceof TypeError);
assert((await rejection(import(dir + "/code.js", { with: { type: 1 } }))) instanceof TypeError);
assert((await rejection(import(dir + "/bad-key.js"))) instanceof SyntaxError);
assert((await rejection(import(dir + "/bad-type.js"))) instanceof TypeError);
assert((await rejection(import(dir + "/missing.txt", { with: { type: "text" } }))) instanceof ReferenceError);
