// Bytecode images (src/snapshot/BytecodeImage.h): round trips that run the same, and damaged images
// that fail with a SyntaxError instead of crashing.
#include "BuiltinsTestSupport.h"

#include "bytecode/Compiler.h"
#include "bytecode/FunctionBytecode.h"
#include "snapshot/BytecodeImage.h"
#include "vm/FunctionObject.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace qjs::test {

struct BytecodeImageTest : BuiltinsFixture {
    FunctionBytecode* compile(const std::string& source) {
        Result<FunctionBytecode*> r = compile_script(*ctx, source.data(), source.size(), atom("image.js"), false);
        if (r.is_exception()) {
            Value ignored = rt->take_exception();
            return nullptr;
        }
        return r.release_value();
    }
    Vector<uint8_t> image_of(FunctionBytecode* fb) {
        ByteWriter out;
        EXPECT_TRUE(write_bytecode_image(*ctx, fb, out));
        return out.take();
    }
    // Runs a script function and returns its completion value as a string.
    std::string run(FunctionBytecode* fb) {
        Value closure = new_closure(*ctx, fb, nullptr);
        if (closure.is_exception()) return "<closure failed>";
        Value result = call(*ctx, closure, Value::object(ctx->global_object()), {});
        if (result.is_exception()) {
            Value error = rt->take_exception();
            Value text = to_string(*ctx, error);
            return "threw " + (text.is_string() ? text.as_string()->to_utf8() : std::string("?"));
        }
        Value text = to_string(*ctx, result);
        return text.is_string() ? text.as_string()->to_utf8() : "<not a string>";
    }
    // Loads an image; "" when it loaded, else the SyntaxError's message.
    std::string load_error(const uint8_t* data, size_t length, FunctionBytecode** out = nullptr) {
        Result<FunctionBytecode*> r = read_bytecode_image(*ctx, data, length);
        if (r.is_exception()) {
            Value error = rt->take_exception();
            EXPECT_TRUE(error.is_object());
            Value message = get(*ctx, error.as_object(), atom("message"));
            return message.is_string() ? message.as_string()->to_utf8() : "?";
        }
        FunctionBytecode* fb = r.release_value();
        if (out)
            *out = fb;
        else
            fb->unref();
        return "";
    }
    // Compiles, runs, round-trips through an image and runs again in a fresh realm-global state.
    void expect_round_trip(const std::string& source, const std::string& expected) {
        FunctionBytecode* fb = compile(source);
        ASSERT_NE(fb, nullptr) << source;
        Vector<uint8_t> bytes = image_of(fb);
        fb->unref();
        FunctionBytecode* loaded = nullptr;
        ASSERT_EQ(load_error(bytes.data(), bytes.size(), &loaded), "") << source;
        EXPECT_EQ(run(loaded), expected) << source;
        // Writing the loaded function gives the same bytes.
        Vector<uint8_t> again = image_of(loaded);
        EXPECT_TRUE(again == bytes) << source;
        loaded->unref();
    }
};

TEST_F(BytecodeImageTest, ScriptsRunTheSameAfterARoundTrip) {
    expect_round_trip("1 + 2", "3");
    expect_round_trip("var x = 'caf\\u00e9 \\u{1F600}'; x + x.length", "caf\xc3\xa9 \xf0\x9f\x98\x80" "7");
    expect_round_trip("function make(n) { let c = n; return () => ++c; } var f = make(41); f(); f()", "43");
    expect_round_trip("class A { #x = 5; static s = 'st'; get x() { return this.#x; } m() { return A.s; } }"
                      "class B extends A { m() { return super.m() + new.target; } }"
                      "var b = new B(); b.x + b.m.call(b)",
                      "5stundefined");
    expect_round_trip("function* g() { yield 1; try { yield 2; } finally { yield 3; } } [...g()].join()", "1,2,3");
    expect_round_trip("var log = []; (async () => { log.push(await 1); })(); log.length", "0");
    expect_round_trip("function tag(s, ...v) { return s.raw.join('|') + v.join(); } tag`a${1}\\n${2}c`",
                      "a|\\n|c1,2");
    expect_round_trip("var t = x => tag`q`; function tag(s) { return s; } t() === t()", "true");
    expect_round_trip("(2n ** 100n - 1n).toString(16) + (-5n)", "fffffffffffffffffffffffff-5");
    expect_round_trip("var {a, b: [c = 3, ...d]} = {a: 1, b: [undefined, 4, 5]}; a + c + d.join()", "44,5");
    expect_round_trip("outer: for (var i = 0; i < 3; i++) { for (;;) { if (i == 1) continue outer; break outer; } } i",
                      "0");
    expect_round_trip("var o = {get p() { return 7; }, [Symbol.iterator]: 1, 0: 'zero', 4294967295: 'big'};"
                      "o.p + o[0] + o[4294967295] + typeof o[Symbol.iterator]",
                      "7zerobignumber");
    expect_round_trip("function f(a) { var local = 'L'; return eval('a + local'); } f('A')", "AL");
    expect_round_trip("/a(b+)c/u.exec('xabbbc')[1]", "bbb");
    expect_round_trip("try { null.x } catch (e) { e instanceof TypeError }", "true");
    expect_round_trip("(function () { return arguments.length })(1, 2, 3) + 1.5", "4.5");
}

TEST_F(BytecodeImageTest, FunctionToStringKeepsTheSourceText) {
    expect_round_trip("function add(a, b) { return a + b; } add.toString()", "function add(a, b) { return a + b; }");
}

TEST_F(BytecodeImageTest, EveryTruncationIsRejected) {
    FunctionBytecode* fb = compile("function f(x) { return [x, `t${x}`, 2n, 'str']; } f(1).join()");
    ASSERT_NE(fb, nullptr);
    Vector<uint8_t> bytes = image_of(fb);
    fb->unref();
    for (size_t n = 0; n < bytes.size(); ++n)
        EXPECT_NE(load_error(bytes.data(), n), "") << "prefix of " << n << " bytes";
}

TEST_F(BytecodeImageTest, ChecksumAndHeaderAreChecked) {
    FunctionBytecode* fb = compile("var answer = 42; answer");
    ASSERT_NE(fb, nullptr);
    Vector<uint8_t> bytes = image_of(fb);
    fb->unref();
    for (size_t i = 0; i < bytes.size(); ++i) {
        Vector<uint8_t> copy = bytes;
        copy[i] ^= 0x40;
        EXPECT_NE(load_error(copy.data(), copy.size()), "") << "byte " << i;
    }
    Vector<uint8_t> longer = bytes;
    longer.push_back(0);
    EXPECT_EQ(load_error(longer.data(), longer.size()), "invalid bytecode image: length does not match");
}

// Damaged payloads with a recomputed checksum reach the validator: every one either loads or fails
// with a SyntaxError. (They are not run: the stack discipline is not verified yet.)
TEST_F(BytecodeImageTest, DamagedPayloadsWithValidChecksumsNeverCrash) {
    FunctionBytecode* fb = compile("function f(a, b) { let s = 0; for (const x of [a, b]) s += x; return s; }"
                                   "class C { #p = 1; get p() { return this.#p; } } f(1, 2) + new C().p");
    ASSERT_NE(fb, nullptr);
    Vector<uint8_t> bytes = image_of(fb);
    fb->unref();
    constexpr size_t header = 20;
    srand(12345);
    size_t rejected = 0;
    for (int round = 0; round < 3000; ++round) {
        Vector<uint8_t> copy = bytes;
        int flips = 1 + rand() % 4;
        for (int k = 0; k < flips; ++k)
            copy[header + rand() % (copy.size() - header)] = static_cast<uint8_t>(rand());
        uint32_t crc = crc32(copy.data() + header, copy.size() - header);
        for (int i = 0; i < 4; ++i)
            copy[16 + i] = static_cast<uint8_t>(crc >> (8 * i));
        if (load_error(copy.data(), copy.size()) != "") ++rejected;
    }
    EXPECT_GT(rejected, 1000u);
}

// Every test262 file that compiles must give an image that loads and writes back identically
// (QJS_TEST262_DIR=build/test262/test/language to run; skipped otherwise).
TEST_F(BytecodeImageTest, CompiledTest262FilesRoundTrip) {
    const char* root = std::getenv("QJS_TEST262_DIR");
    if (!root) GTEST_SKIP() << "set QJS_TEST262_DIR";
    size_t checked = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".js") continue;
        std::string path = entry.path().string();
        if (path.find("_FIXTURE") != std::string::npos) continue;
        std::ifstream file(path, std::ios::binary);
        std::stringstream text;
        text << file.rdbuf();
        FunctionBytecode* fb = compile(text.str());
        if (!fb) continue;
        ByteWriter out;
        if (!write_bytecode_image(*ctx, fb, out)) {
            Value ignored = rt->take_exception();
            fb->unref();
            continue;
        }
        fb->unref();
        FunctionBytecode* loaded = nullptr;
        EXPECT_EQ(load_error(out.data().data(), out.size(), &loaded), "") << path;
        if (loaded) loaded->unref();
        ++checked;
    }
    EXPECT_GT(checked, 0u);
    std::printf("%zu compiled files round-tripped\n", checked);
}

} // namespace qjs::test
