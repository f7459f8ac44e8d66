// Parser unit tests: AST shape, scope information, early errors and their positions.
#include "parser/Parser.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace qjs;

namespace {

struct Parsed {
    Arena arena{Allocator::system()};
    ParseResult result;
    explicit Parsed(const char* src, bool strict = false, bool module = false) {
        ParseOptions options;
        options.strict = strict;
        options.module = module;
        result = parse_script(arena, src, std::strlen(src), options);
    }
    Program* program() const { return result.program; }
    Node* stmt(uint32_t i) const { return result.program->body[i]; }
    Node* expr(uint32_t i) const { return as<ExpressionStatement>(stmt(i))->expression; }
};

bool parses(const char* src, bool strict = false) {
    return Parsed(src, strict).result.ok();
}

} // namespace

// Node positions are 24-bit line and column: exact below 2^24, the largest value above.
TEST(Parser, NodePositionsPackedAndSaturated) {
    Identifier id;
    id.set_position(70001, 65537);
    EXPECT_EQ(id.line(), 70001u);
    EXPECT_EQ(id.column(), 65537u);
    id.set_position(Node::kMaxPosition, Node::kMaxPosition);
    EXPECT_EQ(id.line(), Node::kMaxPosition);
    EXPECT_EQ(id.column(), Node::kMaxPosition);
    id.set_position(0x1000000u, 0xffffffffu);
    EXPECT_EQ(id.line(), Node::kMaxPosition);
    EXPECT_EQ(id.column(), Node::kMaxPosition);
    Parsed p("\n\n  x;");
    ASSERT_TRUE(p.result.ok());
    EXPECT_EQ(p.expr(0)->line(), 3u);
    EXPECT_EQ(p.expr(0)->column(), 3u);
}

// An arena list grows in place while nothing was allocated after it, and by copy otherwise; the
// contents survive both ways.
TEST(Parser, ArenaVectorGrowsInPlaceOnlyAtTheTop) {
    Arena arena{Allocator::system()};
    ArenaVector<uint32_t> top;
    for (uint32_t i = 0; i < 4; i++)
        ASSERT_TRUE(top.push_back(arena, i));
    const uint32_t* before = top.data();
    ASSERT_TRUE(top.push_back(arena, 4)); // grows 4 -> 8 where it is
    EXPECT_EQ(top.data(), before);
    ASSERT_NE(arena.allocate(8), nullptr); // something after the list
    for (uint32_t i = 5; i < 9; i++)
        ASSERT_TRUE(top.push_back(arena, i)); // grows 8 -> 16 by copy
    EXPECT_NE(top.data(), before);
    for (uint32_t i = 0; i < 9; i++)
        EXPECT_EQ(top[i], i);
    char* last = static_cast<char*>(arena.allocate(16, 1));
    ASSERT_NE(last, nullptr);
    EXPECT_FALSE(arena.extend(last, 8, 16)); // not the end of the latest allocation
    EXPECT_TRUE(arena.extend(last, 16, 32));
}

TEST(Parser, BinaryPrecedence) {
    Parsed p("a + b * c ** d ** e;");
    ASSERT_TRUE(p.result.ok()) << p.result.error.message;
    auto* add = as<BinaryExpression>(p.expr(0));
    EXPECT_EQ(add->op, BinaryOp::Add);
    auto* mul = as<BinaryExpression>(add->right);
    EXPECT_EQ(mul->op, BinaryOp::Mul);
    auto* exp = as<BinaryExpression>(mul->right);
    EXPECT_EQ(exp->op, BinaryOp::Exp);
    EXPECT_EQ(exp->right->kind, NodeKind::BinaryExpression); // right associative
}

TEST(Parser, DestructuringAssignmentBecomesPattern) {
    Parsed p("[a.b, c[0], ...d] = arr; ({x, y: {z = 1}} = o);");
    ASSERT_TRUE(p.result.ok()) << p.result.error.message;
    auto* assign = as<AssignmentExpression>(p.expr(0));
    ASSERT_EQ(assign->left->kind, NodeKind::ArrayPattern);
    auto* pat = as<ArrayPattern>(assign->left);
    ASSERT_EQ(pat->elements.size(), 3u);
    EXPECT_EQ(pat->elements[0]->kind, NodeKind::MemberExpression);
    EXPECT_EQ(pat->elements[2]->kind, NodeKind::RestElement);
    auto* assign2 = as<AssignmentExpression>(p.expr(1));
    ASSERT_EQ(assign2->left->kind, NodeKind::ObjectPattern);
    auto* inner = as<Property>(as<ObjectPattern>(assign2->left)->properties[1])->value;
    ASSERT_EQ(inner->kind, NodeKind::ObjectPattern);
    EXPECT_EQ(as<Property>(as<ObjectPattern>(inner)->properties[0])->value->kind,
              NodeKind::AssignmentPattern);
}

TEST(Parser, ArrowsAndFunctionFlags) {
    Parsed p("function f(a, b = 1) { return () => this.x + arguments[0]; }");
    ASSERT_TRUE(p.result.ok()) << p.result.error.message;
    auto* f = as<FunctionNode>(p.stmt(0));
    EXPECT_FALSE(f->has_simple_parameter_list);
    EXPECT_EQ(f->expected_argument_count, 1u);
    EXPECT_TRUE(f->uses_this);
    EXPECT_TRUE(f->uses_arguments);
    auto* ret = as<ReturnStatement>(f->body[0]);
    auto* arrow = as<FunctionNode>(ret->argument);
    EXPECT_TRUE(arrow->is_arrow);
    EXPECT_TRUE(arrow->expression_body);
    EXPECT_TRUE(arrow->uses_this);
    ASSERT_EQ(p.program()->scope->function_declarations.size(), 1u);
}

TEST(Parser, OptionalChain) {
    Parsed p("a?.b.c(); (a?.b).c;");
    ASSERT_TRUE(p.result.ok());
    auto* chain = as<ChainExpression>(p.expr(0));
    auto* call = as<CallExpression>(chain->expression);
    auto* mc = as<MemberExpression>(call->callee);
    EXPECT_FALSE(mc->optional);
    EXPECT_TRUE(as<MemberExpression>(mc->object)->optional);
    auto* outer = as<MemberExpression>(p.expr(1));
    EXPECT_EQ(outer->object->kind, NodeKind::ChainExpression);
    EXPECT_FALSE(parses("a?.b = 1;"));
    EXPECT_FALSE(parses("a?.b`t`;"));
    EXPECT_FALSE(parses("new a?.b();"));
}

TEST(Parser, ScopesAndAnnexB) {
    Parsed p("var a; { let b; function g() {} var c; } function h() {}");
    ASSERT_TRUE(p.result.ok()) << p.result.error.message;
    Scope* s = p.program()->scope;
    ASSERT_EQ(s->var_names.size(), 3u); // a, c, and g (Annex B)
    EXPECT_TRUE(s->var_names[0].equals_ascii("a"));
    EXPECT_TRUE(s->var_names[1].equals_ascii("c"));
    EXPECT_TRUE(s->var_names[2].equals_ascii("g"));
    auto* block = as<BlockStatement>(p.stmt(1));
    ASSERT_NE(block->scope, nullptr);
    EXPECT_EQ(block->scope->lexical_declarations.size(), 2u);
    EXPECT_TRUE(block->scope->function_declarations[0]->annex_b_hoisted);
    // `let g` after the block blocks the hoisting without being an error.
    Parsed q("{ function g() {} } let g;");
    ASSERT_TRUE(q.result.ok());
    EXPECT_FALSE(as<BlockStatement>(q.stmt(0))->scope->function_declarations[0]->annex_b_hoisted);
}

TEST(Parser, InternedIdentifiers) {
    Parsed p("foo; foo; \\u0066oo;");
    ASSERT_TRUE(p.result.ok());
    auto* a = as<Identifier>(p.expr(0));
    auto* b = as<Identifier>(p.expr(1));
    auto* c = as<Identifier>(p.expr(2));
    EXPECT_EQ(a->name.data, b->name.data);
    EXPECT_EQ(a->name.data, c->name.data);
}

TEST(Parser, FunctionSourceRange) {
    const char* src = "x = 1; var f = async function g(a) { return a; };";
    Parsed p(src);
    ASSERT_TRUE(p.result.ok());
    auto* decl = as<VariableDeclaration>(p.stmt(1));
    Node* fn = decl->declarations[0]->init;
    EXPECT_EQ(std::string(src + fn->start, fn->end - fn->start), "async function g(a) { return a; }");
}

TEST(Parser, EarlyErrorsWithPositions) {
    Parsed p("let a;\nvar a;");
    ASSERT_FALSE(p.result.ok());
    EXPECT_EQ(p.result.error.line, 2u);
    EXPECT_EQ(p.result.error.column, 5u);
    EXPECT_FALSE(parses("function f(a, a) { 'use strict'; }"));
    EXPECT_TRUE(parses("function f(a, a) {}"));
    EXPECT_FALSE(parses("(a, a) => 1"));
    EXPECT_FALSE(parses("with (a) {}", true));
    EXPECT_FALSE(parses("delete x;", true));
    EXPECT_FALSE(parses("010", true));
    EXPECT_FALSE(parses("'\\08'; 'use strict';"));
    EXPECT_FALSE(parses("break;"));
    EXPECT_FALSE(parses("a: a: ;"));
    EXPECT_FALSE(parses("a: { continue a; }"));
    EXPECT_FALSE(parses("class A { constructor() {} constructor() {} }"));
    EXPECT_FALSE(parses("class A { m() { super(); } }"));
    EXPECT_FALSE(parses("class A { #x; m() { this.#y; } }"));
    EXPECT_FALSE(parses("function* g() { (a = yield) => 1; }"));
    EXPECT_FALSE(parses("async function f() { (a = await 1) => 1; }"));
    EXPECT_FALSE(parses("({a = 1});"));
    EXPECT_TRUE(parses("({a = 1} = {});"));
    EXPECT_FALSE(parses("a ?? b || c;"));
    EXPECT_FALSE(parses("-a ** 2;"));
    EXPECT_FALSE(parses("new.target"));
    EXPECT_FALSE(parses("for (let of x);"));
    EXPECT_FALSE(parses("try {} catch ([e]) { var e; }"));
    EXPECT_TRUE(parses("try {} catch (e) { var e; }"));
}

TEST(Parser, DepthLimitIsStackOverflow) {
    std::string src(100000, '(');
    Arena arena(Allocator::system());
    ParseOptions options;
    ParseResult r = parse_script(arena, src.data(), src.size(), options);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error.is_stack_overflow);
    std::string arr(100000, '[');
    r = parse_script(arena, arr.data(), arr.size(), options);
    EXPECT_TRUE(r.error.is_stack_overflow);
}

TEST(Parser, OutOfMemoryIsAnError) {
    struct Limited {
        size_t used = 0;
    } limited;
    Allocator alloc;
    alloc.opaque = &limited;
    alloc.alloc_fn = [](void* opaque, size_t size) -> void* {
        auto* l = static_cast<Limited*>(opaque);
        if (l->used + size > 200000) return nullptr;
        l->used += size;
        return std::malloc(size);
    };
    alloc.free_fn = [](void* opaque, void* p, size_t size) {
        static_cast<Limited*>(opaque)->used -= size;
        std::free(p);
    };
    std::string src;
    for (int i = 0; i < 20000; i++)
        src += "var x" + std::to_string(i) + " = [1, 2, 3];\n";
    Arena arena(alloc);
    ParseOptions options;
    ParseResult r = parse_script(arena, src.data(), src.size(), options);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error.is_out_of_memory);
}
