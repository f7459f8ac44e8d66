// Unit tests of Symbol, Symbol.for/keyFor, the well-known symbols and Symbol.prototype.
#include "BuiltinsTestSupport.h"

using namespace qjs;
using qjs::test::BuiltinsFixture;

namespace {

struct SymbolBuiltins : BuiltinsFixture {};

TEST_F(SymbolBuiltins, ConstructorAndDescription) {
    Value s = call_path("Symbol", {str("desc")});
    ASSERT_TRUE(s.is_symbol());
    EXPECT_EQ(text(prop(s, "description")), "desc");
    Value anon = call_path("Symbol");
    EXPECT_TRUE(prop(anon, "description").is_undefined());
    Value s2 = call_path("Symbol", {str("desc")});
    EXPECT_NE(s.as_symbol(), s2.as_symbol());
    // Symbols are property keys.
    Value o = new_object(*ctx);
    Atom key = MUST(to_property_key(*ctx, s));
    ASSERT_FALSE(set_or_throw(*ctx, o.as_object(), key, Value::int32(1)).is_exception());
    EXPECT_EQ(get(*ctx, o.as_object(), key).as_int32(), 1);
    EXPECT_TRUE(get(*ctx, o.as_object(), MUST(to_property_key(*ctx, s2))).is_undefined());
    // new Symbol() throws.
    EXPECT_TRUE(construct_path("Symbol").is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

TEST_F(SymbolBuiltins, Registry) {
    Value a = call_path("Symbol.for", {str("app")});
    Value b = call_path("Symbol.for", {str("app")});
    ASSERT_TRUE(a.is_symbol());
    EXPECT_EQ(a.as_symbol(), b.as_symbol());
    EXPECT_EQ(text(call_path("Symbol.keyFor", {a})), "app");
    EXPECT_TRUE(call_path("Symbol.keyFor", {call_path("Symbol", {str("app")})}).is_undefined());
    EXPECT_TRUE(
        call_path("Symbol.keyFor", {get(*ctx, path("Symbol").as_object(), atom("iterator"))}).is_undefined());
    EXPECT_TRUE(call_path("Symbol.keyFor", {str("app")}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    // Numeric-looking keys work too.
    EXPECT_EQ(call_path("Symbol.for", {Value::int32(1)}).as_symbol(),
              call_path("Symbol.for", {str("1")}).as_symbol());
    // The registry is shared by the runtime's realms.
    Context* other = Context::create(*rt);
    ASSERT_NE(other, nullptr);
    Value sym_for = get(*other, get(*other, other->global_object(), atoms::Symbol).as_object(), atom("for"));
    Value c = call_fn(sym_for, Value::undefined(), {str("app")});
    EXPECT_EQ(c.as_symbol(), a.as_symbol());
    other->release();
}

TEST_F(SymbolBuiltins, WellKnownSymbols) {
    Value symbol = path("Symbol");
    const char* names[] = {"asyncIterator", "hasInstance", "isConcatSpreadable",
                           "iterator",      "match",       "matchAll",
                           "replace",       "search",      "species",
                           "split",         "toPrimitive", "toStringTag",
                           "unscopables"};
    for (const char* name : names) {
        SCOPED_TRACE(name);
        PropertyDescriptor d;
        ASSERT_TRUE(MUST(get_own_property(*ctx, symbol.as_object(), atom(name), &d)));
        ASSERT_TRUE(d.value.is_symbol());
        EXPECT_FALSE(d.writable() || d.enumerable() || d.configurable());
        EXPECT_EQ(text(prop(d.value, "description")), std::string("Symbol.") + name);
    }
    EXPECT_EQ(get(*ctx, symbol.as_object(), atom("iterator")).as_symbol()->atom, Atom(atoms::sym_iterator));
    EXPECT_EQ(prop(symbol, "length").as_int32(), 0);
}

TEST_F(SymbolBuiltins, Prototype) {
    Value s = call_path("Symbol", {str("x")});
    EXPECT_EQ(text(call_fn(path("Symbol.prototype.toString"), s)), "Symbol(x)");
    EXPECT_EQ(text(call_fn(path("Symbol.prototype.toString"), call_path("Symbol"))), "Symbol()");
    // Through a wrapper object.
    Value wrapper = to_object(*ctx, s);
    ASSERT_TRUE(wrapper.is_object());
    EXPECT_EQ(text(call_fn(path("Symbol.prototype.toString"), wrapper)), "Symbol(x)");
    EXPECT_EQ(call_fn(path("Symbol.prototype.valueOf"), wrapper).as_symbol(), s.as_symbol());
    Value to_prim = get(*ctx, ctx->intrinsic(Intrinsic::SymbolPrototype), atoms::sym_toPrimitive);
    EXPECT_EQ(call_fn(to_prim, wrapper, {str("default")}).as_symbol(), s.as_symbol());
    EXPECT_EQ(text(prop(to_prim, "name")), "[Symbol.toPrimitive]");
    PropertyDescriptor d;
    ASSERT_TRUE(
        MUST(get_own_property(*ctx, ctx->intrinsic(Intrinsic::SymbolPrototype), atoms::sym_toPrimitive, &d)));
    EXPECT_TRUE(!d.writable() && !d.enumerable() && d.configurable());
    // ToPrimitive of the wrapper unwraps it (through @@toPrimitive).
    Value prim = to_primitive(*ctx, wrapper);
    EXPECT_EQ(prim.as_symbol(), s.as_symbol());
    EXPECT_EQ(text(call_fn(path("Object.prototype.toString"), wrapper)), "[object Symbol]");
    EXPECT_TRUE(call_fn(path("Symbol.prototype.valueOf"), new_object(*ctx)).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    // The description getter on Symbol.prototype itself throws (it's not a Symbol object).
    EXPECT_TRUE(prop(path("Symbol.prototype"), "description").is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

} // namespace
