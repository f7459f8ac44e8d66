// Unit tests of Object, Object.prototype, Reflect, Boolean and the global functions, called through
// call() (no interpreter needed).
#include "BuiltinsTestSupport.h"

#include <cmath>

using namespace qjs;
using qjs::test::BuiltinsFixture;

namespace {

struct ObjectBuiltins : BuiltinsFixture {
    // {a: 1, b: "x"} with a symbol-keyed and a non-enumerable property too.
    Value sample() {
        Value o = new_object(*ctx);
        EXPECT_FALSE(set_or_throw(*ctx, o.as_object(), atom("a"), Value::int32(1)).is_exception());
        EXPECT_FALSE(set_or_throw(*ctx, o.as_object(), atom("b"), str("x")).is_exception());
        EXPECT_TRUE(
            define_fresh_property(*ctx, o.as_object(), atom("hidden"), Value::int32(3), prop::Writable));
        EXPECT_TRUE(
            define_fresh_property(*ctx, o.as_object(), atoms::sym_iterator, Value::int32(4), prop::Default));
        return o;
    }
};

TEST_F(ObjectBuiltins, KeysValuesEntries) {
    Value o = sample();
    EXPECT_EQ(join(call_path("Object.keys", {o})), "a,b");
    EXPECT_EQ(join(call_path("Object.values", {o})), "1,x");
    EXPECT_EQ(join(call_path("Object.entries", {o})), "a,1,b,x");
    EXPECT_EQ(join(call_path("Object.getOwnPropertyNames", {o})), "a,b,hidden");
    Value syms = call_path("Object.getOwnPropertySymbols", {o});
    Value first = get(*ctx, syms.as_object(), atom_from_index(0));
    ASSERT_TRUE(first.is_symbol());
    EXPECT_EQ(first.as_symbol()->atom, Atom(atoms::sym_iterator));
    // Primitives are converted with ToObject; null throws.
    EXPECT_EQ(join(call_path("Object.keys", {str("hi")})), "0,1");
    EXPECT_TRUE(call_path("Object.keys", {Value::null()}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

TEST_F(ObjectBuiltins, AssignCopiesEnumerableOwnProperties) {
    Value target = new_object(*ctx);
    Value r = call_path("Object.assign", {target, sample(), Value::null(), str("yz")});
    ASSERT_TRUE(r.is_object());
    EXPECT_EQ(r.as_object(), target.as_object());
    EXPECT_EQ(join(call_path("Object.keys", {target})), "0,1,a,b");
    EXPECT_EQ(text(prop(target, "1")), "z");
    EXPECT_FALSE(MUST(has_own_property(*ctx, target.as_object(), atom("hidden"))));
    EXPECT_EQ(get(*ctx, target.as_object(), atoms::sym_iterator).as_int32(), 4);
}

TEST_F(ObjectBuiltins, DefinePropertyAndDescriptors) {
    Value o = new_object(*ctx);
    Value desc = new_object(*ctx);
    ASSERT_FALSE(set_or_throw(*ctx, desc.as_object(), atoms::value, Value::int32(7)).is_exception());
    ASSERT_FALSE(
        set_or_throw(*ctx, desc.as_object(), atoms::enumerable, Value::boolean(true)).is_exception());
    EXPECT_TRUE(call_path("Object.defineProperty", {o, str("p"), desc}).is_object());
    Value d = call_path("Object.getOwnPropertyDescriptor", {o, str("p")});
    ASSERT_TRUE(d.is_object());
    EXPECT_EQ(join(call_path("Object.keys", {d})), "value,writable,enumerable,configurable");
    EXPECT_EQ(text(prop(d, "value")), "7");
    EXPECT_EQ(text(prop(d, "writable")), "false");
    EXPECT_EQ(text(prop(d, "enumerable")), "true");
    EXPECT_TRUE(call_path("Object.getOwnPropertyDescriptor", {o, str("nope")}).is_undefined());
    // Redefining a non-configurable property incompatibly throws.
    Value bad = new_object(*ctx);
    ASSERT_FALSE(set_or_throw(*ctx, bad.as_object(), atoms::value, Value::int32(8)).is_exception());
    EXPECT_TRUE(call_path("Object.defineProperty", {o, str("p"), bad}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    // An accessor descriptor with a value is rejected.
    ASSERT_FALSE(set_or_throw(*ctx, bad.as_object(), atoms::get, Value::undefined()).is_exception());
    EXPECT_TRUE(call_path("Object.defineProperty", {o, str("q"), bad}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    // getOwnPropertyDescriptors
    Value all = call_path("Object.getOwnPropertyDescriptors", {sample()});
    EXPECT_EQ(join(call_path("Object.keys", {all})), "a,b,hidden");
    EXPECT_EQ(text(prop(prop(all, "hidden"), "enumerable")), "false");
}

TEST_F(ObjectBuiltins, CreateAndDefineProperties) {
    Value proto = sample();
    Value props = new_object(*ctx);
    Value pdesc = new_object(*ctx);
    ASSERT_FALSE(set_or_throw(*ctx, pdesc.as_object(), atoms::value, str("v")).is_exception());
    ASSERT_FALSE(set_or_throw(*ctx, props.as_object(), atom("own"), pdesc).is_exception());
    Value o = call_path("Object.create", {proto, props});
    ASSERT_TRUE(o.is_object());
    EXPECT_EQ(o.as_object()->prototype(), proto.as_object());
    EXPECT_EQ(text(prop(o, "own")), "v");
    EXPECT_EQ(text(prop(o, "a")), "1");
    Value n = call_path("Object.create", {Value::null()});
    EXPECT_EQ(n.as_object()->prototype(), nullptr);
    EXPECT_TRUE(call_path("Object.create", {Value::int32(1)}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

TEST_F(ObjectBuiltins, IntegrityLevels) {
    Value o = sample();
    EXPECT_EQ(text(call_path("Object.isFrozen", {o})), "false");
    EXPECT_EQ(text(call_path("Object.isExtensible", {o})), "true");
    EXPECT_TRUE(call_path("Object.seal", {o}).is_object());
    EXPECT_EQ(text(call_path("Object.isSealed", {o})), "true");
    EXPECT_EQ(text(call_path("Object.isFrozen", {o})), "false");
    EXPECT_TRUE(call_path("Object.freeze", {o}).is_object());
    EXPECT_EQ(text(call_path("Object.isFrozen", {o})), "true");
    EXPECT_EQ(text(call_path("Object.isExtensible", {o})), "false");
    // Primitives: frozen, not extensible, returned as is.
    EXPECT_EQ(text(call_path("Object.isFrozen", {Value::int32(1)})), "true");
    EXPECT_EQ(text(call_path("Object.freeze", {Value::int32(5)})), "5");
    Value p = new_object(*ctx);
    EXPECT_TRUE(call_path("Object.preventExtensions", {p}).is_object());
    EXPECT_EQ(text(call_path("Object.isExtensible", {p})), "false");
    EXPECT_EQ(text(call_path("Object.isSealed", {p})), "true");
}

TEST_F(ObjectBuiltins, PrototypesHasOwnIs) {
    Value o = new_object(*ctx);
    Value proto = sample();
    EXPECT_TRUE(call_path("Object.setPrototypeOf", {o, proto}).is_object());
    Value got = call_path("Object.getPrototypeOf", {o});
    EXPECT_EQ(got.as_object(), proto.as_object());
    EXPECT_TRUE(call_path("Object.setPrototypeOf", {o, Value::int32(1)}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    // A cycle is refused.
    EXPECT_TRUE(call_path("Object.setPrototypeOf", {proto, o}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    EXPECT_EQ(text(call_path("Object.hasOwn", {o, str("a")})), "false");
    EXPECT_EQ(text(call_path("Object.hasOwn", {proto, str("a")})), "true");
    EXPECT_EQ(text(call_path("Object.is", {Value::float64(NAN), Value::float64(NAN)})), "true");
    EXPECT_EQ(text(call_path("Object.is", {Value::float64(0.0), Value::float64(-0.0)})), "false");
    EXPECT_EQ(text(call_path("Object.is", {Value::int32(0), Value::float64(0.0)})), "true");
    // Object(value)
    EXPECT_TRUE(call_path("Object", {Value::undefined()}).is_object());
    Value wrapped = call_path("Object", {Value::boolean(true)});
    ASSERT_TRUE(wrapped.is_object());
    EXPECT_EQ(wrapped.as_object()->class_id(), ClassId::Boolean);
    EXPECT_EQ(call_path("Object", {o}).as_object(), o.as_object());
}

TEST_F(ObjectBuiltins, FromEntriesAndGroupBy) {
    Value e1 = create_array_from_list(*ctx, std::vector<Value>{str("k"), Value::int32(1)});
    Value e2 = create_array_from_list(*ctx, std::vector<Value>{str("j"), Value::int32(2)});
    Value entries = create_array_from_list(*ctx, std::vector<Value>{e1, e2});
    Value o = call_path("Object.fromEntries", {entries});
    ASSERT_TRUE(o.is_object()) << exception_name();
    EXPECT_EQ(join(call_path("Object.entries", {o})), "k,1,j,2");
    // A non-object entry throws a TypeError.
    Value bad = create_array_from_list(*ctx, std::vector<Value>{Value::int32(1)});
    EXPECT_TRUE(call_path("Object.fromEntries", {bad}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    // groupBy, keyed by Object.keys(element) (an array, so ToPropertyKey joins it).
    Value items = create_array_from_list(*ctx, std::vector<Value>{str("a"), str("bb"), str("c")});
    Value group = call_path("Object.groupBy", {items, path("Object.keys")});
    // Object.keys("a") is ["0"], so every element lands in group "0".
    ASSERT_TRUE(group.is_object()) << exception_name();
    EXPECT_EQ(group.as_object()->prototype(), nullptr);
    EXPECT_EQ(join(prop(group, "0")), "a,c");
    EXPECT_EQ(join(prop(group, "0,1")), "bb");
    EXPECT_TRUE(call_path("Object.groupBy", {items, Value::int32(1)}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

TEST_F(ObjectBuiltins, ObjectPrototypeMethods) {
    Value o = sample();
    EXPECT_EQ(text(call_fn(path("Object.prototype.hasOwnProperty"), o, {str("a")})), "true");
    EXPECT_EQ(text(call_fn(path("Object.prototype.hasOwnProperty"), o, {str("toString")})), "false");
    EXPECT_EQ(text(call_fn(path("Object.prototype.propertyIsEnumerable"), o, {str("hidden")})), "false");
    EXPECT_EQ(text(call_fn(path("Object.prototype.propertyIsEnumerable"), o, {str("a")})), "true");
    EXPECT_EQ(text(call_fn(path("Object.prototype.isPrototypeOf"), path("Object.prototype"), {o})), "true");
    EXPECT_EQ(text(call_fn(path("Object.prototype.isPrototypeOf"), o, {o})), "false");
    EXPECT_EQ(call_fn(path("Object.prototype.valueOf"), o).as_object(), o.as_object());
    EXPECT_EQ(text(call_fn(path("Object.prototype.toLocaleString"), o)), "[object Object]");
}

TEST_F(ObjectBuiltins, ObjectPrototypeToStringTags) {
    Value to_string = path("Object.prototype.toString");
    EXPECT_EQ(text(call_fn(to_string, Value::undefined())), "[object Undefined]");
    EXPECT_EQ(text(call_fn(to_string, Value::null())), "[object Null]");
    EXPECT_EQ(text(call_fn(to_string, new_array(*ctx))), "[object Array]");
    EXPECT_EQ(text(call_fn(to_string, path("Object"))), "[object Function]");
    EXPECT_EQ(text(call_fn(to_string, Value::boolean(true))), "[object Boolean]");
    EXPECT_EQ(text(call_fn(to_string, Value::int32(1))), "[object Number]");
    EXPECT_EQ(text(call_fn(to_string, str("s"))), "[object String]");
    EXPECT_EQ(text(call_fn(to_string, construct_path("Error"))), "[object Error]");
    EXPECT_EQ(text(call_fn(to_string, path("Reflect"))), "[object Reflect]");
    Value sym = call_path("Symbol", {str("d")});
    EXPECT_EQ(text(call_fn(to_string, sym)), "[object Symbol]");
    // A string @@toStringTag wins; a non-string one is ignored.
    Value o = new_object(*ctx);
    ASSERT_FALSE(set_or_throw(*ctx, o.as_object(), atoms::sym_toStringTag, str("Custom")).is_exception());
    EXPECT_EQ(text(call_fn(to_string, o)), "[object Custom]");
    ASSERT_FALSE(set_or_throw(*ctx, o.as_object(), atoms::sym_toStringTag, Value::int32(1)).is_exception());
    EXPECT_EQ(text(call_fn(to_string, o)), "[object Object]");
}

TEST_F(ObjectBuiltins, ProtoAccessorAndLegacyAccessors) {
    Value o = new_object(*ctx);
    Value p = sample();
    // __proto__ getter/setter
    ASSERT_FALSE(set_or_throw(*ctx, o.as_object(), atoms::__proto__, p).is_exception());
    EXPECT_EQ(o.as_object()->prototype(), p.as_object());
    EXPECT_EQ(get(*ctx, o.as_object(), atoms::__proto__).as_object(), p.as_object());
    // Non-object values are ignored by the setter.
    ASSERT_FALSE(set_or_throw(*ctx, o.as_object(), atoms::__proto__, Value::int32(3)).is_exception());
    EXPECT_EQ(o.as_object()->prototype(), p.as_object());
    // __defineGetter__ / __lookupGetter__ (inherited lookups too)
    Value getter = path("Object.prototype.valueOf");
    EXPECT_TRUE(call_fn(path("Object.prototype.__defineGetter__"), p, {str("g"), getter}).is_undefined());
    Value found = call_fn(path("Object.prototype.__lookupGetter__"), o, {str("g")});
    EXPECT_EQ(found.as_object(), getter.as_object());
    EXPECT_TRUE(call_fn(path("Object.prototype.__lookupSetter__"), o, {str("g")}).is_undefined());
    // The getter runs with the receiver as this: valueOf returns the receiver itself.
    EXPECT_EQ(get(*ctx, o.as_object(), atom("g")).as_object(), o.as_object());
    EXPECT_TRUE(
        call_fn(path("Object.prototype.__defineSetter__"), p, {str("s"), Value::int32(1)}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

TEST_F(ObjectBuiltins, ObjectPrototypeIsImmutablePrototype) {
    Value o = new_object(*ctx);
    EXPECT_TRUE(call_path("Object.setPrototypeOf", {path("Object.prototype"), o}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    EXPECT_TRUE(call_path("Object.setPrototypeOf", {path("Object.prototype"), Value::null()}).is_object());
}

struct ReflectBuiltins : BuiltinsFixture {};

TEST_F(ReflectBuiltins, Basics) {
    Value o = new_object(*ctx);
    ASSERT_FALSE(set_or_throw(*ctx, o.as_object(), atom("x"), Value::int32(1)).is_exception());
    EXPECT_EQ(text(call_path("Reflect.has", {o, str("x")})), "true");
    EXPECT_EQ(text(call_path("Reflect.get", {o, str("x")})), "1");
    EXPECT_EQ(text(call_path("Reflect.set", {o, str("y"), Value::int32(2)})), "true");
    EXPECT_EQ(join(call_path("Reflect.ownKeys", {o})), "x,y");
    EXPECT_EQ(text(call_path("Reflect.deleteProperty", {o, str("x")})), "true");
    EXPECT_EQ(text(call_path("Reflect.isExtensible", {o})), "true");
    EXPECT_EQ(text(call_path("Reflect.preventExtensions", {o})), "true");
    EXPECT_EQ(text(call_path("Reflect.set", {o, str("z"), Value::int32(2)})), "false");
    Value desc = new_object(*ctx);
    EXPECT_EQ(text(call_path("Reflect.defineProperty", {o, str("w"), desc})), "false");
    EXPECT_EQ(text(call_path("Reflect.getOwnPropertyDescriptor", {o, str("y")})), "[object Object]");
    EXPECT_EQ(call_path("Reflect.getPrototypeOf", {o}).as_object(),
              ctx->intrinsic(Intrinsic::ObjectPrototype));
    EXPECT_EQ(text(call_path("Reflect.setPrototypeOf", {o, Value::null()})), "false"); // not extensible
    EXPECT_TRUE(call_path("Reflect.get", {Value::int32(1), str("x")}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

TEST_F(ReflectBuiltins, ApplyAndConstruct) {
    Value args = create_array_from_list(*ctx, std::vector<Value>{str("a"), str("b")});
    Value keys = call_path("Reflect.apply", {path("Object.keys"), Value::undefined(), args});
    EXPECT_EQ(join(keys), "0");
    Value err = call_path("Reflect.construct",
                          {path("TypeError"), create_array_from_list(*ctx, std::vector<Value>{str("m")})});
    ASSERT_TRUE(err.is_object());
    EXPECT_EQ(text(prop(err, "message")), "m");
    EXPECT_EQ(text(prop(err, "name")), "TypeError");
    // newTarget selects the prototype.
    Value err2 = call_path("Reflect.construct", {path("Error"), new_array(*ctx), path("RangeError")});
    EXPECT_EQ(err2.as_object()->prototype(), ctx->intrinsic(Intrinsic::RangeErrorPrototype));
    EXPECT_TRUE(call_path("Reflect.construct", {path("Symbol"), new_array(*ctx)}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    EXPECT_TRUE(
        call_path("Reflect.apply", {Value::int32(1), Value::undefined(), new_array(*ctx)}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

struct GlobalBuiltins : BuiltinsFixture {};

TEST_F(GlobalBuiltins, ValueProperties) {
    EXPECT_EQ(global("globalThis").as_object(), ctx->global_object());
    EXPECT_TRUE(std::isnan(global("NaN").as_number()));
    EXPECT_EQ(global("Infinity").as_number(), INFINITY);
    PropertyDescriptor d;
    ASSERT_TRUE(MUST(get_own_property(*ctx, ctx->global_object(), atoms::undefined, &d)));
    EXPECT_FALSE(d.writable() || d.enumerable() || d.configurable());
    ASSERT_TRUE(MUST(get_own_property(*ctx, ctx->global_object(), atoms::globalThis, &d)));
    EXPECT_TRUE(d.writable() && !d.enumerable() && d.configurable());
}

TEST_F(GlobalBuiltins, NumberParsing) {
    EXPECT_EQ(call_path("parseInt", {str("  42px")}).as_number(), 42);
    EXPECT_EQ(call_path("parseInt", {str("-0x1F")}).as_number(), -31);
    EXPECT_EQ(call_path("parseInt", {str("z"), Value::int32(36)}).as_number(), 35);
    EXPECT_TRUE(std::isnan(call_path("parseInt", {str("12"), Value::int32(1)}).as_number()));
    EXPECT_EQ(call_path("parseFloat", {str(" 3.5e2x")}).as_number(), 350);
    EXPECT_EQ(call_path("parseFloat", {str("-Infinityx")}).as_number(), -INFINITY);
    EXPECT_EQ(text(call_path("isNaN", {str("abc")})), "true");
    EXPECT_EQ(text(call_path("isNaN", {str("12")})), "false");
    EXPECT_EQ(text(call_path("isFinite", {str("1e400")})), "false");
    EXPECT_EQ(text(call_path("isFinite", {Value::int32(3)})), "true");
}

TEST_F(GlobalBuiltins, UriFunctions) {
    EXPECT_EQ(text(call_path("encodeURIComponent", {str("a b&c/\xC3\xA9\xE2\x82\xAC")})),
              "a%20b%26c%2F%C3%A9%E2%82%AC");
    EXPECT_EQ(text(call_path("encodeURI", {str("http://x/a b?q=1#f")})), "http://x/a%20b?q=1#f");
    EXPECT_EQ(text(call_path("decodeURIComponent", {str("a%20b%26%C3%A9%F0%9F%98%80")})),
              "a b&\xC3\xA9\xF0\x9F\x98\x80");
    EXPECT_EQ(text(call_path("decodeURI", {str("%3B%2F%20")})), "%3B%2F ");
    EXPECT_TRUE(call_path("decodeURIComponent", {str("%E0%A4%A")}).is_exception());
    EXPECT_EQ(exception_name(), "URIError");
    EXPECT_TRUE(call_path("decodeURIComponent", {str("%C0%80")}).is_exception()); // overlong
    EXPECT_EQ(exception_name(), "URIError");
    EXPECT_TRUE(call_path("decodeURIComponent", {str("%ED%A0%80")}).is_exception()); // surrogate
    EXPECT_EQ(exception_name(), "URIError");
    char16_t lone = 0xD800;
    Value lone_str = Value::adopt(Tag::String, String::create_utf16(*rt, &lone, 1));
    EXPECT_TRUE(call_path("encodeURI", {lone_str}).is_exception());
    EXPECT_EQ(exception_name(), "URIError");
}

TEST_F(GlobalBuiltins, EscapeUnescape) {
    EXPECT_EQ(text(call_path("escape", {str("a b+\xC3\xA9\xE2\x82\xAC")})), "a%20b+%E9%u20AC");
    EXPECT_EQ(text(call_path("unescape", {str("a%20b+%E9%u20AC%zz%u12")})),
              "a b+\xC3\xA9\xE2\x82\xAC%zz%u12");
}

struct BooleanBuiltins : BuiltinsFixture {};

TEST_F(BooleanBuiltins, ConstructorAndPrototype) {
    EXPECT_EQ(text(call_path("Boolean", {str("")})), "false");
    EXPECT_EQ(text(call_path("Boolean", {str("x")})), "true");
    Value b = construct_path("Boolean", {Value::int32(1)});
    ASSERT_TRUE(b.is_object());
    EXPECT_EQ(b.as_object()->class_id(), ClassId::Boolean);
    EXPECT_EQ(text(call_fn(path("Boolean.prototype.valueOf"), b)), "true");
    EXPECT_EQ(text(call_fn(path("Boolean.prototype.toString"), Value::boolean(false))), "false");
    // Boolean.prototype is itself a Boolean object (false).
    EXPECT_EQ(text(call_fn(path("Boolean.prototype.valueOf"), path("Boolean.prototype"))), "false");
    EXPECT_TRUE(call_fn(path("Boolean.prototype.valueOf"), new_object(*ctx)).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

} // namespace
