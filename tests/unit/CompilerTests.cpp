// CompilerTests.cpp: compiles scripts covering every AST area and checks that code generation
// succeeds with consistent stack depths; prints a listing on failure.
#include "bytecode/Codegen.h"
#include "bytecode/Compiler.h"
#include "runtime/Context.h"
#include "runtime/String.h"

#include <gtest/gtest.h>

#include <string>

namespace qjs {

namespace {

struct CompilerFixture : ::testing::Test {
    Runtime* rt = nullptr;
    Context* ctx = nullptr;
    void SetUp() override {
        rt = Runtime::create();
        ASSERT_NE(rt, nullptr);
        ctx = Context::create(*rt);
        ASSERT_NE(ctx, nullptr);
    }
    void TearDown() override { rt->destroy(); }

    static void list(const FunctionBytecode* fb, std::string& out, int indent) {
        const uint8_t* code = fb->code().data();
        size_t n = fb->code().size();
        for (size_t pc = 0; pc < n;) {
            Op op = static_cast<Op>(code[pc]);
            const OpInfo& info = op_info(op);
            out += std::string(indent, ' ') + std::to_string(pc) + ": " + info.name;
            if (info.format == OpFormat::label) out += " -> " + std::to_string(pc + read_i32(code + pc + 1));
            if (info.format == OpFormat::loc || info.format == OpFormat::var_ref)
                out += " " + std::to_string(read_u16(code + pc + 1));
            out += "\n";
            pc += info.size;
        }
        for (const Value& c : fb->constants())
            if (c.is_internal_cell() && c.as_cell()->kind() == CellKind::FunctionBytecode)
                list(static_cast<const FunctionBytecode*>(c.as_cell()), out, indent + 2);
    }

    // Compiles `src`; returns "" on success or a description of the problem.
    std::string compile(const std::string& src, bool strict = false) {
        uint32_t before = g_codegen_depth_mismatches;
        Result<FunctionBytecode*> r =
            compile_script(*ctx, src.data(), src.size(), rt->intern_ascii("test.js"), strict);
        if (r.is_exception()) {
            Value e = rt->take_exception();
            Value s = e.is_object() ? get(*ctx, e.as_object(), atoms::message) : Value();
            return "exception: " + (s.is_string() ? s.as_string()->to_utf8() : std::string("?"));
        }
        FunctionBytecode* fb = r.release_value();
        std::string out;
        if (g_codegen_depth_mismatches != before) {
            out = "stack depth mismatch " + std::to_string(g_codegen_mismatch_info) + "\n";
            list(fb, out, 0);
        }
        fb->unref();
        return out;
    }
};

} // namespace

TEST_F(CompilerFixture, Basics) {
    EXPECT_EQ(compile("var x = 1 + 2; x * 3;"), "");
    EXPECT_EQ(compile("let a = 1; const b = 2; a = b; function f(x, y) { return x + y; } f(a, b);"), "");
    EXPECT_EQ(compile("if (1) { let z = 2; } else { 3 } while (false) {} do {} while (0);"), "");
    EXPECT_EQ(compile("for (let i = 0; i < 3; i++) { (() => i)(); if (i) continue; break; }"), "");
    EXPECT_EQ(
        compile("o = {a: 1, b() { return super.x; }, get c() { return 1; }, [k]: 2, ...s, __proto__: null};"),
        "");
    EXPECT_EQ(compile("a = [1, , ...b, 3]; a.b.c = 1; a[0] += 2; a.x++; --a[1]; delete a.x; typeof zz;"), "");
    EXPECT_EQ(compile("a?.b.c?.(1); delete a?.b; x ?\?= 1; x ||= 2; y &&= 3; o.p ?\?= 4;"), "");
}

TEST_F(CompilerFixture, ControlFlow) {
    EXPECT_EQ(compile("l: for (var i in o) { for (const v of a) { if (v) continue l; break l; } }"), "");
    EXPECT_EQ(compile("switch (x) { case 1: let q = 1; break; default: q = 2; case 3: }"), "");
    EXPECT_EQ(compile("try { f(); } catch (e) { g(e); } finally { h(); }"), "");
    EXPECT_EQ(compile("function f() { for (const x of y) { try { return x; } finally { continue; } } }"), "");
    EXPECT_EQ(compile("try {} catch { } try { throw 1 } finally { }"), "");
    EXPECT_EQ(compile("with (o) { x = 1; x++; f(); delete x; typeof x; }"), "");
    EXPECT_EQ(compile("a: { break a; } b: if (1) break b;"), "");
}

TEST_F(CompilerFixture, FunctionsAndPatterns) {
    EXPECT_EQ(compile("function f(a, b = a, {c, d: [e, ...g]} = {}, ...r) { return arguments; }"), "");
    EXPECT_EQ(compile("var {a, b: {c = 1}, ...rest} = o; [x, , y = 2, ...z] = arr; ({p: q.r} = s);"), "");
    EXPECT_EQ(compile("function* g() { const x = yield 1; yield* h(); return x; }"), "");
    EXPECT_EQ(compile("async function f() { await 1; for await (const x of y) {} } async function* ag() { "
                      "yield 1; yield* z; }"),
              "");
    EXPECT_EQ(compile("var f = function g() { g = 1; return g; }; let h = (a, b) => a + this.x;"), "");
    EXPECT_EQ(compile("function f() { eval('x'); var x = 1; let y; { let z; eval('z'); } }"), "");
    EXPECT_EQ(compile("`a${b}c${d}`; tag`x${1}y`; o.m`z`;"), "");
    EXPECT_EQ(compile("'use strict'; function f(a) { 'use strict'; return a; }", true), "");
}

TEST_F(CompilerFixture, Classes) {
    EXPECT_EQ(compile("class A { constructor(x) { this.x = x; } m() { return 1; } static s() {} get g() { "
                      "return 1; } set g(v) {} }"),
              "");
    EXPECT_EQ(compile("class B extends A { constructor() { super(1); super.m(); } [k]() {} }"), "");
    EXPECT_EQ(
        compile(
            "class C { x = 1; #y = 2; static z = 3; [w] = 4; static { this.q = 1; } #m() { return this.#y; } "
            "get #a() { return 1; } set #a(v) {} t(o) { return #y in o && this.#m() + this.#a; } }"),
        "");
    EXPECT_EQ(compile("class D extends (class {}) { f = () => super.x; }  new D();"), "");
    EXPECT_EQ(compile("var E = class { static #p = 1; static g() { return E.#p; } };"), "");
}

TEST_F(CompilerFixture, SyntaxErrorIsThrown) {
    std::string r = compile("var = ;");
    EXPECT_NE(r.find("exception"), std::string::npos) << r;
    EXPECT_NE(r.find("test.js:1:"), std::string::npos) << r;
}

} // namespace qjs
