/* api_c_test.c: the quickjs.h API exercised from C11, group by group, failure paths included.
   Prints one line per failed check and, last, "N passed, N failed" (tests/run-all.sh reads it). */
#include "quickjs.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* ---- a counting allocator: every block must be back when the runtime is freed ---- */
static long g_live_blocks;
static void* count_malloc(JSMallocState* s, size_t size) {
    (void)s;
    g_live_blocks++;
    return malloc(size);
}
static void count_free(JSMallocState* s, void* ptr) {
    (void)s;
    if (ptr) g_live_blocks--;
    free(ptr);
}
static void* count_realloc(JSMallocState* s, void* ptr, size_t size) {
    (void)s;
    if (!ptr) g_live_blocks++;
    return realloc(ptr, size);
}
static const JSMallocFunctions count_mf = {count_malloc, count_free, count_realloc, NULL};

/* ---- helpers ---- */
static JSValue eval(JSContext* ctx, const char* src) {
    return JS_Eval(ctx, src, strlen(src), "<test>", JS_EVAL_TYPE_GLOBAL);
}
/* Evaluates `src` and compares ToString(result) with `expected`. */
static int eval_is(JSContext* ctx, const char* src, const char* expected) {
    JSValue v = eval(ctx, src);
    if (JS_IsException(v)) {
        JSValue ex = JS_GetException(ctx);
        const char* s = JS_ToCString(ctx, ex);
        printf("  exception in `%s`: %s\n", src, s ? s : "?");
        JS_FreeCString(ctx, s);
        JS_FreeValue(ctx, ex);
        return 0;
    }
    const char* s = JS_ToCString(ctx, v);
    int ok = s && strcmp(s, expected) == 0;
    if (!ok) printf("  `%s` gave `%s`, expected `%s`\n", src, s ? s : "(null)", expected);
    JS_FreeCString(ctx, s);
    JS_FreeValue(ctx, v);
    return ok;
}
/* The pending exception's "name: message" text. */
static int exception_is(JSContext* ctx, const char* expected) {
    JSValue ex = JS_GetException(ctx);
    const char* s = JS_ToCString(ctx, ex);
    int ok = s && strcmp(s, expected) == 0;
    if (!ok) printf("  exception `%s`, expected `%s`\n", s ? s : "(null)", expected);
    JS_FreeCString(ctx, s);
    JS_FreeValue(ctx, ex);
    return ok;
}

/* Takes the pending exception and compares its `name`. */
static int exception_name_is(JSContext* ctx, const char* expected) {
    JSValue ex = JS_GetException(ctx);
    JSValue name = JS_GetPropertyStr(ctx, ex, "name");
    const char* s = JS_ToCString(ctx, name);
    int ok = s && strcmp(s, expected) == 0;
    JS_FreeCString(ctx, s);
    JS_FreeValue(ctx, name);
    JS_FreeValue(ctx, ex);
    return ok;
}

/* ---- runtime and contexts ---- */
static void test_runtime(void) {
    JSRuntime* rt = JS_NewRuntime2(&count_mf, NULL);
    CHECK(rt != NULL);
    int tag = 7;
    JS_SetRuntimeOpaque(rt, &tag);
    CHECK(JS_GetRuntimeOpaque(rt) == &tag);
    JSContext* ctx = JS_NewContext(rt);
    CHECK(ctx != NULL);
    CHECK(JS_GetRuntime(ctx) == rt);
    JS_SetContextOpaque(ctx, &tag);
    CHECK(JS_GetContextOpaque(ctx) == &tag);
    CHECK(JS_DupContext(ctx) == ctx);
    JS_FreeContext(ctx); /* still referenced once */
    CHECK(eval_is(ctx, "1 + 2", "3"));
    JSContext* raw = JS_NewContextRaw(rt);
    JS_AddIntrinsicBaseObjects(raw);
    JS_AddIntrinsicPromise(raw);
    CHECK(eval_is(raw, "typeof Promise", "function"));
    /* Two contexts of one runtime share objects. */
    JSValue g2 = JS_GetGlobalObject(raw);
    JSValue g1 = JS_GetGlobalObject(ctx);
    JS_SetPropertyStr(ctx, g1, "other", JS_DupValue(ctx, g2));
    CHECK(eval_is(ctx, "other.Array === Array", "false"));
    JS_FreeValue(ctx, g1);
    JS_FreeValue(raw, g2);
    JS_FreeContext(raw);
    JS_FreeContext(ctx);
    JS_FreeRuntime(rt);
    CHECK(g_live_blocks == 0);
    CHECK(strlen(JS_GetVersion()) > 0);
}

/* ---- values ---- */
static void test_values(JSContext* ctx) {
    JSValue v = JS_NewFloat64(ctx, 3.0);
    CHECK(JS_VALUE_GET_TAG(v) == JS_TAG_INT && JS_VALUE_GET_INT(v) == 3);
    v = JS_NewFloat64(ctx, -0.0);
    CHECK(JS_VALUE_GET_TAG(v) == JS_TAG_FLOAT64 && signbit(JS_VALUE_GET_FLOAT64(v)));
    CHECK(JS_VALUE_GET_TAG(JS_NewInt64(ctx, 1LL << 40)) == JS_TAG_FLOAT64);
    CHECK(JS_VALUE_GET_TAG(JS_NewUint32(ctx, 0xffffffffu)) == JS_TAG_FLOAT64);
    CHECK(JS_IsBool(JS_NewBool(ctx, 5)) && JS_VALUE_GET_BOOL(JS_NewBool(ctx, 5)) == 1);
    CHECK(JS_IsNull(JS_NULL) && JS_IsUndefined(JS_UNDEFINED) && JS_IsException(JS_EXCEPTION));
    CHECK(JS_IsNumber(JS_NewInt32(ctx, 1)) && !JS_IsNumber(JS_NULL));
    CHECK(JS_VALUE_IS_NAN(JS_NAN));

    int32_t i32;
    int64_t i64;
    uint64_t idx;
    double d;
    JSValue s = JS_NewString(ctx, "  -42.9 ");
    CHECK(JS_IsString(s));
    CHECK(JS_ToInt32(ctx, &i32, s) == 0 && i32 == -42);
    CHECK(JS_ToFloat64(ctx, &d, s) == 0 && d == -42.9);
    CHECK(JS_ToInt64(ctx, &i64, JS_NewFloat64(ctx, 1e300)) == 0 && i64 == INT64_MAX);
    CHECK(JS_ToIndex(ctx, &idx, JS_NewInt32(ctx, 12)) == 0 && idx == 12);
    CHECK(JS_ToIndex(ctx, &idx, JS_NewInt32(ctx, -1)) == -1 &&
          exception_is(ctx, "RangeError: invalid index"));
    CHECK(JS_ToBool(ctx, s) == 1 && JS_ToBool(ctx, JS_NewInt32(ctx, 0)) == 0);
    JS_FreeValue(ctx, s);

    /* BigInt */
    JSValue b = JS_NewBigInt64(ctx, -5);
    CHECK(JS_IsBigInt(ctx, b) && JS_VALUE_GET_TAG(b) == JS_TAG_BIG_INT);
    CHECK(JS_ToBigInt64(ctx, &i64, b) == 0 && i64 == -5);
    JS_FreeValue(ctx, b);
    b = JS_NewBigUint64(ctx, 18446744073709551615ull);
    const char* bs = JS_ToCString(ctx, b);
    CHECK(bs && strcmp(bs, "18446744073709551615") == 0);
    JS_FreeCString(ctx, bs);
    JS_FreeValue(ctx, b);
    CHECK(JS_ToBigInt64(ctx, &i64, JS_NewInt32(ctx, 1)) == -1 &&
          exception_is(ctx, "TypeError: Cannot convert a Number to a BigInt"));

    /* Strings in UTF-8, with lengths and embedded NULs. */
    const char text[] = "h\xc3\xa9llo \xf0\x9f\x98\x80";
    s = JS_NewString(ctx, text);
    JSValue glob = JS_GetGlobalObject(ctx);
    JS_SetPropertyStr(ctx, glob, "s", JS_DupValue(ctx, s));
    CHECK(eval_is(ctx, "s.length", "8"));
    size_t len;
    const char* out = JS_ToCStringLen(ctx, &len, s);
    CHECK(out && len == strlen(text) && memcmp(out, text, len) == 0);
    JS_FreeCString(ctx, out);
    JS_FreeValue(ctx, s);
    s = JS_NewStringLen(ctx, "a\0b", 3);
    out = JS_ToCStringLen(ctx, &len, s);
    CHECK(out && len == 3 && out[1] == 0 && out[2] == 'b');
    JS_FreeCString(ctx, out);
    JS_FreeValue(ctx, s);
    /* Lone surrogates: U+FFFD, or their own bytes with cesu8. */
    JSValue lone = eval(ctx, "'\\ud800'");
    out = JS_ToCStringLen2(ctx, &len, lone, 0);
    CHECK(out && len == 3 && (unsigned char)out[0] == 0xef);
    JS_FreeCString(ctx, out);
    out = JS_ToCStringLen2(ctx, &len, lone, 1);
    CHECK(out && len == 3 && (unsigned char)out[0] == 0xed);
    JS_FreeCString(ctx, out);
    JS_FreeValue(ctx, lone);
    /* ToString of an object calls its toString; a throwing one gives NULL and an exception. */
    JSValue bad = eval(ctx, "({ toString() { throw new Error('nope') } })");
    CHECK(JS_ToCString(ctx, bad) == NULL && exception_is(ctx, "Error: nope"));
    JS_FreeValue(ctx, bad);
    JS_FreeValue(ctx, glob);

    /* Reference counts: a dup'ed value survives one free. */
    JSValue o = JS_NewObject(ctx);
    JSValue o2 = JS_DupValue(ctx, o);
    JS_FreeValue(ctx, o);
    CHECK(JS_IsObject(o2));
    JS_SetPropertyStr(ctx, o2, "x", JS_NewInt32(ctx, 1));
    JS_FreeValue(ctx, o2);
    CHECK(JS_StrictEq(ctx, JS_NewInt32(ctx, 1), JS_NewFloat64(ctx, 1.0)));
    CHECK(!JS_SameValue(ctx, JS_NewFloat64(ctx, 0.0), JS_NewFloat64(ctx, -0.0)));
    CHECK(JS_SameValueZero(ctx, JS_NewFloat64(ctx, 0.0), JS_NewFloat64(ctx, -0.0)));
}

/* ---- atoms ---- */
static void test_atoms(JSContext* ctx) {
    JSAtom a = JS_NewAtom(ctx, "hello");
    JSAtom b = JS_NewAtomLen(ctx, "hello world", 5);
    CHECK(a != JS_ATOM_NULL && a == b);
    const char* s = JS_AtomToCString(ctx, a);
    CHECK(s && strcmp(s, "hello") == 0);
    JS_FreeCString(ctx, s);
    JSAtom n = JS_NewAtomUInt32(ctx, 5);
    JSValue ns = JS_AtomToString(ctx, n);
    s = JS_ToCString(ctx, ns);
    CHECK(s && strcmp(s, "5") == 0);
    JS_FreeCString(ctx, s);
    JS_FreeValue(ctx, ns);
    JSValue str = JS_NewString(ctx, "5");
    CHECK(JS_ValueToAtom(ctx, str) == n);
    JS_FreeValue(ctx, str);
    JSAtom d = JS_DupAtom(ctx, a);
    JS_FreeAtom(ctx, d);
    JS_FreeAtom(ctx, a);
    JS_FreeAtom(ctx, b);
    JS_FreeAtom(ctx, n);
}

/* ---- objects ---- */
static void test_objects(JSContext* ctx) {
    JSValue o = JS_NewObject(ctx);
    CHECK(JS_SetPropertyStr(ctx, o, "a", JS_NewInt32(ctx, 1)) == 1);
    CHECK(JS_SetPropertyUint32(ctx, o, 3, JS_NewString(ctx, "three")) == 1);
    JSAtom ka = JS_NewAtom(ctx, "a");
    CHECK(JS_HasProperty(ctx, o, ka) == 1);
    JSValue v = JS_GetProperty(ctx, o, ka);
    CHECK(JS_VALUE_GET_INT(v) == 1);
    v = JS_GetPropertyUint32(ctx, o, 3);
    const char* s = JS_ToCString(ctx, v);
    CHECK(s && strcmp(s, "three") == 0);
    JS_FreeCString(ctx, s);
    JS_FreeValue(ctx, v);

    /* Read-only property: a failed assignment throws (JS_SetProperty uses JS_PROP_THROW). */
    CHECK(JS_DefinePropertyValueStr(ctx, o, "ro", JS_NewInt32(ctx, 9), JS_PROP_ENUMERABLE) == 1);
    CHECK(JS_SetPropertyStr(ctx, o, "ro", JS_NewInt32(ctx, 10)) == -1);
    CHECK(exception_is(ctx, "TypeError: cannot set property 'ro'"));
    JSAtom kro = JS_NewAtom(ctx, "ro");
    CHECK(JS_DeleteProperty(ctx, o, kro, 0) == 0);
    CHECK(JS_DeleteProperty(ctx, o, kro, JS_PROP_THROW) == -1 &&
          exception_is(ctx, "TypeError: could not delete property 'ro'"));
    CHECK(JS_DeleteProperty(ctx, o, ka, 0) == 1 && JS_HasProperty(ctx, o, ka) == 0);
    /* Redefining a non-configurable property fails; with JS_PROP_THROW it throws. */
    CHECK(JS_DefinePropertyValue(ctx, o, kro, JS_NewInt32(ctx, 1), JS_PROP_CONFIGURABLE) == 0);
    CHECK(JS_DefinePropertyValue(ctx, o, kro, JS_NewInt32(ctx, 1), JS_PROP_CONFIGURABLE | JS_PROP_THROW) ==
          -1);
    CHECK(exception_is(ctx, "TypeError: cannot define property 'ro'"));

    /* Own property names: indexes first, then strings; flags select and describe. */
    JS_DefinePropertyValueStr(ctx, o, "hidden", JS_NULL, JS_PROP_CONFIGURABLE);
    JSPropertyEnum* tab;
    uint32_t len;
    CHECK(JS_GetOwnPropertyNames(ctx, &tab, &len, o, JS_GPN_STRING_MASK | JS_GPN_SET_ENUM) == 0);
    CHECK(len == 3);
    if (len == 3) {
        s = JS_AtomToCString(ctx, tab[0].atom);
        CHECK(s && strcmp(s, "3") == 0 && tab[0].is_enumerable);
        JS_FreeCString(ctx, s);
        CHECK(!tab[2].is_enumerable);
    }
    JS_FreePropertyEnum(ctx, tab, len);
    CHECK(JS_GetOwnPropertyNames(ctx, &tab, &len, o, JS_GPN_STRING_MASK | JS_GPN_ENUM_ONLY) == 0 && len == 2);
    JS_FreePropertyEnum(ctx, tab, len);
    JSPropertyDescriptor desc;
    CHECK(JS_GetOwnProperty(ctx, &desc, o, kro) == 1);
    CHECK(desc.flags == JS_PROP_ENUMERABLE && JS_VALUE_GET_INT(desc.value) == 9);
    JS_FreeValue(ctx, desc.value);
    JS_FreeValue(ctx, desc.getter);
    JS_FreeValue(ctx, desc.setter);
    CHECK(JS_GetOwnProperty(ctx, NULL, o, ka) == 0);

    /* Prototypes. */
    JSValue proto = JS_NewObject(ctx);
    JS_SetPropertyStr(ctx, proto, "inherited", JS_NewInt32(ctx, 5));
    CHECK(JS_SetPrototype(ctx, o, proto) == 1);
    JSValue p = JS_GetPrototype(ctx, o);
    CHECK(JS_VALUE_GET_PTR(p) == JS_VALUE_GET_PTR(proto));
    JS_FreeValue(ctx, p);
    v = JS_GetPropertyStr(ctx, o, "inherited");
    CHECK(JS_VALUE_GET_INT(v) == 5);
    CHECK(JS_SetPrototype(ctx, proto, o) == -1 && exception_is(ctx, "TypeError: cannot set the prototype"));
    JSValue bare = JS_NewObjectProto(ctx, JS_NULL);
    p = JS_GetPrototype(ctx, bare);
    CHECK(JS_IsNull(p));
    CHECK(JS_PreventExtensions(ctx, bare) == 1 && JS_IsExtensible(ctx, bare) == 0);
    CHECK(JS_SetPropertyStr(ctx, bare, "x", JS_NewInt32(ctx, 1)) == -1);
    JS_FreeValue(ctx, JS_GetException(ctx));
    JS_FreeValue(ctx, bare);
    JS_FreeValue(ctx, proto);

    /* Getters and setters defined from JS functions. */
    JSValue getter = eval(ctx, "(function() { return this.a * 2; })");
    JSAtom kdbl = JS_NewAtom(ctx, "dbl");
    JS_SetPropertyStr(ctx, o, "a", JS_NewInt32(ctx, 21));
    CHECK(JS_DefinePropertyGetSet(ctx, o, kdbl, getter, JS_UNDEFINED, JS_PROP_CONFIGURABLE) == 1);
    v = JS_GetProperty(ctx, o, kdbl);
    CHECK(JS_VALUE_GET_INT(v) == 42);

    /* Arrays. */
    JSValue arr = JS_NewArray(ctx);
    CHECK(JS_IsArray(ctx, arr) == 1 && JS_IsArray(ctx, o) == 0);
    for (int i = 0; i < 5; i++)
        JS_SetPropertyUint32(ctx, arr, (uint32_t)i, JS_NewInt32(ctx, i * i));
    JS_DefinePropertyValueUint32(ctx, arr, 5, JS_NewInt32(ctx, 25), JS_PROP_C_W_E);
    JSValue glob = JS_GetGlobalObject(ctx);
    JS_SetPropertyStr(ctx, glob, "arr", JS_DupValue(ctx, arr));
    CHECK(eval_is(ctx, "arr.join()", "0,1,4,9,16,25"));
    v = JS_GetPropertyInt64(ctx, arr, -1);
    CHECK(JS_IsUndefined(v));

    /* Calls. */
    JSValue fn = eval(ctx, "(function(a, b) { return this.k + a + b; })");
    CHECK(JS_IsFunction(ctx, fn) && !JS_IsFunction(ctx, o));
    JSValue self = eval(ctx, "({k: 100})");
    JSValue args[2] = {JS_NewInt32(ctx, 1), JS_NewInt32(ctx, 2)};
    v = JS_Call(ctx, fn, self, 2, args);
    CHECK(JS_VALUE_GET_INT(v) == 103);
    JSAtom kjoin = JS_NewAtom(ctx, "join");
    JSValue sep = JS_NewString(ctx, "-");
    v = JS_Invoke(ctx, arr, kjoin, 1, &sep);
    s = JS_ToCString(ctx, v);
    CHECK(s && strcmp(s, "0-1-4-9-16-25") == 0);
    JS_FreeCString(ctx, s);
    JS_FreeValue(ctx, v);
    JS_FreeValue(ctx, sep);
    JSValue ctor = JS_GetPropertyStr(ctx, glob, "Date");
    CHECK(JS_IsConstructor(ctx, ctor) && !JS_IsConstructor(ctx, o));
    JSValue zero = JS_NewInt32(ctx, 0);
    v = JS_CallConstructor(ctx, ctor, 1, &zero);
    JS_SetPropertyStr(ctx, glob, "d", v);
    CHECK(eval_is(ctx, "d.getTime()", "0"));
    v = JS_CallConstructor(ctx, fn, 0, NULL); /* a plain function constructs */
    CHECK(JS_IsObject(v));
    JS_FreeValue(ctx, v);
    v = JS_Call(ctx, o, JS_UNDEFINED, 0, NULL);
    CHECK(JS_IsException(v) && exception_is(ctx, "TypeError: not a function"));
    v = JS_NewDate(ctx, 86400000.0);
    JS_SetPropertyStr(ctx, glob, "d2", v);
    CHECK(eval_is(ctx, "d2.toISOString()", "1970-01-02T00:00:00.000Z"));
    JSValue array_ctor = JS_GetPropertyStr(ctx, glob, "Array");
    CHECK(JS_IsInstanceOf(ctx, arr, array_ctor) == 1 && JS_IsInstanceOf(ctx, o, array_ctor) == 0);
    JS_FreeValue(ctx, array_ctor);

    JS_FreeValue(ctx, ctor);
    JS_FreeValue(ctx, self);
    JS_FreeValue(ctx, fn);
    JS_FreeValue(ctx, arr);
    JS_FreeValue(ctx, glob);
    JS_FreeValue(ctx, o);
}

/* ---- C functions ---- */
static JSValue c_add(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv) {
    (void)this_val;
    (void)argc;
    double a, b;
    /* argv is padded with undefined up to the declared length (2). */
    if (JS_ToFloat64(ctx, &a, argv[0]) || JS_ToFloat64(ctx, &b, argv[1])) return JS_EXCEPTION;
    return JS_NewFloat64(ctx, a + b);
}
static JSValue c_fail(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv) {
    (void)this_val;
    (void)argc;
    (void)argv;
    return JS_ThrowRangeError(ctx, "bad value %d in %s", 42, "c_fail");
}
static JSValue c_magic(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv, int magic) {
    (void)this_val;
    (void)argv;
    return JS_NewInt32(ctx, magic * 1000 + argc);
}
static JSValue c_data(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv, int magic,
                      JSValue* data) {
    (void)this_val;
    (void)magic;
    (void)argc;
    (void)argv;
    return JS_DupValue(ctx, data[1]);
}
static JSValue c_ctor(JSContext* ctx, JSValueConst new_target, int argc, JSValueConst* argv) {
    JSValue proto = JS_GetPropertyStr(ctx, new_target, "prototype");
    if (JS_IsException(proto)) return proto;
    JSValue obj = JS_NewObjectProto(ctx, proto);
    JS_FreeValue(ctx, proto);
    if (argc > 0) JS_SetPropertyStr(ctx, obj, "v", JS_DupValue(ctx, argv[0]));
    return obj;
}
static JSValue c_ctor_or_func(JSContext* ctx, JSValueConst new_target, int argc, JSValueConst* argv) {
    (void)argc;
    (void)argv;
    return JS_NewBool(ctx, !JS_IsUndefined(new_target));
}
static int g_counter = 5;
static JSValue c_get_counter(JSContext* ctx, JSValueConst this_val) {
    (void)this_val;
    return JS_NewInt32(ctx, g_counter);
}
static JSValue c_set_counter(JSContext* ctx, JSValueConst this_val, JSValueConst val) {
    (void)this_val;
    if (JS_ToInt32(ctx, &g_counter, val)) return JS_EXCEPTION;
    return JS_UNDEFINED;
}
static JSValue c_get_magic(JSContext* ctx, JSValueConst this_val, int magic) {
    (void)this_val;
    return JS_NewInt32(ctx, magic);
}
static double c_hypot(double a, double b) {
    return sqrt(a * a + b * b);
}
static double c_neg(double a) {
    return -a;
}

static const JSCFunctionListEntry sub_funcs[] = {
    JS_PROP_INT32_DEF("deep", 7, JS_PROP_C_W_E),
};
static const JSCFunctionListEntry lib_funcs[] = {
    JS_CFUNC_DEF("add", 2, c_add),
    JS_CFUNC_MAGIC_DEF("m3", 0, c_magic, 3),
    JS_CGETSET_DEF("counter", c_get_counter, c_set_counter),
    JS_CGETSET_MAGIC_DEF("magic9", c_get_magic, NULL, 9),
    JS_PROP_STRING_DEF("name", "lib", JS_PROP_CONFIGURABLE),
    JS_PROP_INT32_DEF("i32", -7, JS_PROP_C_W_E),
    JS_PROP_INT64_DEF("i64", 1LL << 40, JS_PROP_C_W_E),
    JS_PROP_DOUBLE_DEF("pi", 3.5, JS_PROP_C_W_E),
    JS_PROP_UNDEFINED_DEF("nothing", JS_PROP_C_W_E),
    JS_OBJECT_DEF("sub", sub_funcs, 1, JS_PROP_C_W_E),
    JS_ALIAS_DEF("plus", "add"),
    JS_CFUNC_SPECIAL_DEF("hypot", 2, f_f_f, c_hypot),
    JS_CFUNC_SPECIAL_DEF("neg", 1, f_f, c_neg),
    JS_CFUNC_DEF("[Symbol.iterator]", 0, c_fail),
};

static void test_cfunctions(JSContext* ctx) {
    JSValue glob = JS_GetGlobalObject(ctx);
    JS_SetPropertyStr(ctx, glob, "add", JS_NewCFunction(ctx, c_add, "add", 2));
    CHECK(eval_is(ctx, "add(2, 3.5)", "5.5"));
    CHECK(eval_is(ctx, "add(2)", "NaN"));
    CHECK(eval_is(ctx, "add.name + add.length", "add2"));
    CHECK(eval_is(ctx, "try { new add(1, 2); 'no' } catch (e) { e.constructor.name }", "TypeError"));
    /* An exception thrown by a C function is an ordinary, catchable JS exception. */
    JS_SetPropertyStr(ctx, glob, "fail", JS_NewCFunction(ctx, c_fail, "fail", 0));
    CHECK(eval_is(ctx, "try { fail() } catch (e) { e instanceof RangeError && e.message }",
                  "bad value 42 in c_fail"));
    JSValue r = eval(ctx, "fail()");
    CHECK(JS_IsException(r) && exception_is(ctx, "RangeError: bad value 42 in c_fail"));
    JS_SetPropertyStr(ctx, glob, "m", JS_NewCFunctionMagic(ctx, c_magic, "m", 0, JS_CFUNC_generic_magic, 7));
    CHECK(eval_is(ctx, "m(1, 2)", "7002"));
    JSValue data[2] = {JS_NewInt32(ctx, 1), JS_NewString(ctx, "payload")};
    JS_SetPropertyStr(ctx, glob, "getData", JS_NewCFunctionData(ctx, c_data, 0, 0, 2, data));
    JS_FreeValue(ctx, data[1]);
    CHECK(eval_is(ctx, "getData()", "payload"));

    /* Constructors: new.target arrives as the first argument; calling without new is a TypeError. */
    JSValue ctor = JS_NewCFunction2(ctx, (JSCFunction*)c_ctor, "Thing", 1, JS_CFUNC_constructor, 0);
    JSValue proto = JS_NewObject(ctx);
    JS_SetPropertyStr(ctx, proto, "kind", JS_NewString(ctx, "thing"));
    JS_SetConstructor(ctx, ctor, proto);
    JS_FreeValue(ctx, proto);
    JS_SetPropertyStr(ctx, glob, "Thing", ctor);
    CHECK(eval_is(ctx, "var t = new Thing(4); t.kind + t.v + (t.constructor === Thing)", "thing4true"));
    CHECK(eval_is(ctx, "class Sub extends Thing {}; new Sub(1) instanceof Sub", "true"));
    CHECK(eval_is(ctx, "try { Thing(1) } catch (e) { e.message }", "must be called with new"));
    JS_SetPropertyStr(ctx, glob, "either",
                      JS_NewCFunction2(ctx, c_ctor_or_func, "either", 0, JS_CFUNC_constructor_or_func, 0));
    /* As in QuickJS, what a C constructor returns is the result of `new`, even a primitive. */
    CHECK(eval_is(ctx, "String(either()) + new either()", "falsetrue"));

    /* Function lists with every entry kind. */
    JSValue lib = JS_NewObject(ctx);
    CHECK(JS_SetPropertyFunctionList(ctx, lib, lib_funcs, sizeof lib_funcs / sizeof lib_funcs[0]) == 0);
    JS_SetPropertyStr(ctx, glob, "lib", lib);
    CHECK(eval_is(ctx, "lib.add(1, 2) + lib.plus(3, 4)", "10"));
    CHECK(eval_is(ctx, "lib.m3(1, 1, 1)", "3003"));
    CHECK(eval_is(ctx, "lib.counter = 12; lib.counter", "12"));
    CHECK(g_counter == 12);
    CHECK(eval_is(ctx, "lib.magic9", "9"));
    CHECK(eval_is(ctx, "Object.getOwnPropertyDescriptor(lib, 'counter').get.name", "get counter"));
    CHECK(eval_is(ctx, "[lib.name, lib.i32, lib.i64, lib.pi, lib.nothing, lib.sub.deep].join()",
                  "lib,-7,1099511627776,3.5,,7"));
    CHECK(eval_is(ctx, "Object.getOwnPropertyDescriptor(lib, 'name').writable", "false"));
    CHECK(eval_is(ctx, "Object.keys(lib).join()", "i32,i64,pi,nothing,sub"));
    CHECK(eval_is(ctx, "lib.hypot(3, 4) + lib.neg(2)", "3"));
    CHECK(eval_is(ctx, "lib[Symbol.iterator].name", "[Symbol.iterator]"));
    JS_FreeValue(ctx, glob);
}

/* ---- exceptions ---- */
static void test_exceptions(JSContext* ctx) {
    CHECK(!JS_HasException(ctx));
    CHECK(JS_IsException(JS_ThrowTypeError(ctx, "x=%d %s", 5, "y")));
    CHECK(JS_HasException(ctx));
    JSValue ex = JS_GetException(ctx);
    CHECK(!JS_HasException(ctx));
    CHECK(JS_IsError(ctx, ex));
    JSValue msg = JS_GetPropertyStr(ctx, ex, "message");
    const char* s = JS_ToCString(ctx, msg);
    CHECK(s && strcmp(s, "x=5 y") == 0);
    JS_FreeCString(ctx, s);
    JS_FreeValue(ctx, msg);
    JS_FreeValue(ctx, ex);
    JS_ThrowSyntaxError(ctx, "s");
    CHECK(exception_is(ctx, "SyntaxError: s"));
    JS_ThrowReferenceError(ctx, "r");
    CHECK(exception_is(ctx, "ReferenceError: r"));
    JS_ThrowInternalError(ctx, "i");
    CHECK(exception_is(ctx, "InternalError: i"));
    JS_ThrowOutOfMemory(ctx);
    CHECK(exception_is(ctx, "InternalError: out of memory"));
    CHECK(JS_IsException(JS_Throw(ctx, JS_NewInt32(ctx, 3))));
    ex = JS_GetException(ctx);
    CHECK(JS_VALUE_GET_TAG(ex) == JS_TAG_INT && JS_VALUE_GET_INT(ex) == 3 && !JS_IsError(ctx, ex));
    JSValue e = JS_NewError(ctx);
    CHECK(JS_IsError(ctx, e));
    JS_FreeValue(ctx, e);
    CHECK(JS_IsNull(JS_GetException(ctx)));
    /* A syntax error from JS_Eval. */
    CHECK(JS_IsException(eval(ctx, "let let = 1")));
    CHECK(exception_name_is(ctx, "SyntaxError"));
}

/* ---- classes ---- */
typedef struct Point {
    int x, y;
} Point;
static JSClassID point_class_id;
static int g_points_finalized;
static void point_finalizer(JSRuntime* rt, JSValue val) {
    Point* p = JS_GetOpaque(val, point_class_id);
    if (p) {
        g_points_finalized++;
        js_free_rt(rt, p);
    }
}
static JSValue point_ctor(JSContext* ctx, JSValueConst new_target, int argc, JSValueConst* argv) {
    (void)argc;
    Point* p = js_mallocz(ctx, sizeof(Point));
    if (!p) return JS_EXCEPTION;
    if (JS_ToInt32(ctx, &p->x, argv[0]) || JS_ToInt32(ctx, &p->y, argv[1])) {
        js_free(ctx, p);
        return JS_EXCEPTION;
    }
    JSValue proto = JS_GetPropertyStr(ctx, new_target, "prototype");
    JSValue obj = JS_NewObjectProtoClass(ctx, proto, point_class_id);
    JS_FreeValue(ctx, proto);
    if (JS_IsException(obj)) {
        js_free(ctx, p);
        return obj;
    }
    JS_SetOpaque(obj, p);
    return obj;
}
static JSValue point_get_xy(JSContext* ctx, JSValueConst this_val, int magic) {
    Point* p = JS_GetOpaque2(ctx, this_val, point_class_id);
    if (!p) return JS_EXCEPTION;
    return JS_NewInt32(ctx, magic == 0 ? p->x : p->y);
}
static JSValue point_norm(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv) {
    (void)argc;
    (void)argv;
    Point* p = JS_GetOpaque2(ctx, this_val, point_class_id);
    if (!p) return JS_EXCEPTION;
    return JS_NewFloat64(ctx, sqrt((double)p->x * p->x + (double)p->y * p->y));
}
static const JSClassDef point_class = {"Point", point_finalizer, NULL, NULL, NULL};
static const JSCFunctionListEntry point_proto_funcs[] = {
    JS_CGETSET_MAGIC_DEF("x", point_get_xy, NULL, 0),
    JS_CGETSET_MAGIC_DEF("y", point_get_xy, NULL, 1),
    JS_CFUNC_DEF("norm", 0, point_norm),
};

/* A holder keeps one JSValue alive from C and reports it to the cycle collector with gc_mark. */
static JSClassID holder_class_id;
static int g_holders_finalized;
typedef struct Holder {
    JSValue held;
} Holder;
static void holder_finalizer(JSRuntime* rt, JSValue val) {
    Holder* h = JS_GetOpaque(val, holder_class_id);
    if (!h) return;
    g_holders_finalized++;
    JS_FreeValueRT(rt, h->held);
    js_free_rt(rt, h);
}
static void holder_mark(JSRuntime* rt, JSValueConst val, JS_MarkFunc* mark_func) {
    Holder* h = JS_GetOpaque(val, holder_class_id);
    if (h) JS_MarkValue(rt, h->held, mark_func);
}
static JSValue holder_call(JSContext* ctx, JSValueConst func_obj, JSValueConst this_val, int argc,
                           JSValueConst* argv, int flags) {
    (void)this_val;
    Holder* h = JS_GetOpaque(func_obj, holder_class_id);
    if (flags & JS_CALL_FLAG_CONSTRUCTOR) return JS_ThrowTypeError(ctx, "holder is not a constructor");
    return argc > 0 ? JS_DupValue(ctx, argv[0]) : JS_DupValue(ctx, h->held);
}
static const JSClassDef holder_class = {"Holder", holder_finalizer, holder_mark, holder_call, NULL};

/* A class's prototype (from a function list), its constructor as a global, and its class prototype. */
static void define_class_global(JSContext* ctx, JSClassID id, const char* name, JSCFunction* ctor_fn,
                                int length, const JSCFunctionListEntry* funcs, int count) {
    JSValue proto = JS_NewObject(ctx);
    JS_SetPropertyFunctionList(ctx, proto, funcs, count);
    JSValue ctor = JS_NewCFunction2(ctx, ctor_fn, name, length, JS_CFUNC_constructor, 0);
    JS_SetConstructor(ctx, ctor, proto);
    JS_SetClassProto(ctx, id, proto);
    JSValue global = JS_GetGlobalObject(ctx);
    JS_SetPropertyStr(ctx, global, name, ctor);
    JS_FreeValue(ctx, global);
}

static void test_classes(void) {
    JSRuntime* rt = JS_NewRuntime2(&count_mf, NULL);
    JSContext* ctx = JS_NewContext(rt);
    CHECK(JS_NewClassID(&point_class_id) >= 64);
    JSClassID again = point_class_id;
    CHECK(JS_NewClassID(&again) == point_class_id);
    CHECK(!JS_IsRegisteredClass(rt, point_class_id));
    CHECK(JS_NewClass(rt, point_class_id, &point_class) == 0);
    CHECK(JS_NewClass(rt, point_class_id, &point_class) == -1);
    CHECK(JS_IsRegisteredClass(rt, point_class_id));
    define_class_global(ctx, point_class_id, "Point", (JSCFunction*)point_ctor, 2, point_proto_funcs, 3);
    JSValue glob = JS_GetGlobalObject(ctx);
    CHECK(eval_is(ctx, "var p = new Point(3, 4); [p.x, p.y, p.norm(), p instanceof Point].join()",
                  "3,4,5,true"));
    CHECK(eval_is(ctx, "try { Point.prototype.norm.call({}) } catch (e) { e.message }",
                  "Point object expected"));
    JSValue p2 = JS_NewObjectClass(ctx, (int)point_class_id);
    CHECK(JS_GetClassID(p2) == point_class_id);
    CHECK(JS_GetOpaque(p2, point_class_id) == NULL);
    Point* pt = js_mallocz(ctx, sizeof(Point));
    pt->x = 10;
    JS_SetOpaque(p2, pt);
    CHECK(JS_GetOpaque(p2, point_class_id) == pt);
    CHECK(JS_GetOpaque(p2, point_class_id + 1) == NULL);
    JSValue cp = JS_GetClassProto(ctx, point_class_id);
    JSValue pp = JS_GetPrototype(ctx, p2);
    CHECK(JS_VALUE_GET_PTR(cp) == JS_VALUE_GET_PTR(pp));
    JS_FreeValue(ctx, cp);
    JS_FreeValue(ctx, pp);
    JS_FreeValue(ctx, p2); /* freed at once: reference counting */
    CHECK(g_points_finalized == 1);
    CHECK(eval_is(ctx, "p = null; 'dropped'", "dropped"));
    CHECK(g_points_finalized == 2);

    /* A cycle through C: holder -> (C) -> object -> holder. Only the collector can free it. */
    JS_NewClassID(&holder_class_id);
    CHECK(JS_NewClass(rt, holder_class_id, &holder_class) == 0);
    for (int i = 0; i < 10; i++) {
        JSValue h = JS_NewObjectClass(ctx, (int)holder_class_id);
        JSValue o = JS_NewObject(ctx);
        Holder* hd = js_malloc(ctx, sizeof(Holder));
        hd->held = JS_DupValue(ctx, o);
        JS_SetOpaque(h, hd);
        JS_SetPropertyStr(ctx, o, "holder", h); /* the object owns the holder */
        if (i == 0) JS_SetPropertyStr(ctx, glob, "keep", JS_DupValue(ctx, o));
        JS_FreeValue(ctx, o);
    }
    /* A holder with a call hook is a function. */
    CHECK(eval_is(ctx, "typeof keep.holder + ':' + (keep.holder() === keep) + ':' + keep.holder(5)",
                  "function:true:5"));
    CHECK(eval_is(ctx, "try { new keep.holder() } catch (e) { e instanceof TypeError }", "true"));
    JS_RunGC(rt);
    CHECK(g_holders_finalized == 9); /* the kept one is still reachable */
    CHECK(eval_is(ctx, "keep = undefined; 1", "1"));
    JS_RunGC(rt);
    CHECK(g_holders_finalized == 10);
    JSMemoryUsage mu;
    JS_ComputeMemoryUsage(rt, &mu);
    CHECK(mu.obj_count > 100 && mu.malloc_size > 0);
    FILE* devnull = fopen("/dev/null", "w");
    if (devnull) {
        JS_DumpMemoryUsage(devnull, &mu, rt);
        fclose(devnull);
    }
    JS_FreeValue(ctx, glob);
    JS_FreeContext(ctx);
    JS_FreeRuntime(rt);
    CHECK(g_live_blocks == 0); /* every block, Point and Holder payloads included, is back */
}

/* ---- eval, jobs, promises ---- */
static int g_job_runs;
static JSValue job_fn(JSContext* ctx, int argc, JSValueConst* argv) {
    int32_t n = 0;
    if (argc > 0) JS_ToInt32(ctx, &n, argv[0]);
    g_job_runs += n;
    return JS_UNDEFINED;
}
static JSValue throwing_job(JSContext* ctx, int argc, JSValueConst* argv) {
    (void)argc;
    (void)argv;
    return JS_ThrowTypeError(ctx, "job failed");
}
static int g_rejections_unhandled, g_rejections_handled;
static void tracker(JSContext* ctx, JSValueConst promise, JSValueConst reason, JS_BOOL is_handled,
                    void* opaque) {
    (void)ctx;
    (void)promise;
    (void)reason;
    (void)opaque;
    if (is_handled)
        g_rejections_handled++;
    else
        g_rejections_unhandled++;
}

static void test_eval(JSContext* ctx) {
    JSRuntime* rt = JS_GetRuntime(ctx);
    CHECK(eval_is(ctx, "var x = 40; x + 2", "42"));
    JSValue r = JS_Eval(ctx, "undeclared = 1", 14, "<strict>", JS_EVAL_TYPE_GLOBAL | JS_EVAL_FLAG_STRICT);
    CHECK(JS_IsException(r) && exception_is(ctx, "ReferenceError: undeclared is not defined"));
    const char* src = "x * 2";
    JSValue fn =
        JS_Eval(ctx, src, strlen(src), "<compiled>", JS_EVAL_TYPE_GLOBAL | JS_EVAL_FLAG_COMPILE_ONLY);
    CHECK(!JS_IsException(fn));
    r = JS_EvalFunction(ctx, fn);
    CHECK(JS_VALUE_GET_INT(r) == 80);
    JSValue self = JS_NewObject(ctx);
    JS_SetPropertyStr(ctx, self, "q", JS_NewInt32(ctx, 9));
    r = JS_EvalThis(ctx, self, "this.q", 6, "<this>", JS_EVAL_TYPE_GLOBAL);
    CHECK(JS_VALUE_GET_INT(r) == 9);
    JS_FreeValue(ctx, self);
    CHECK(JS_DetectModule("import x from 'y'", 17) && JS_DetectModule("// c\nexport const a = 1", 23));
    CHECK(!JS_DetectModule("import('x')", 11) && !JS_DetectModule("var a", 5));

    /* A module: its evaluation promise. */
    src = "export const v = 1; globalThis.fromModule = 'yes';";
    r = JS_Eval(ctx, src, strlen(src), "m.js", JS_EVAL_TYPE_MODULE);
    CHECK(!JS_IsException(r) && JS_PromiseState(ctx, r) == JS_PROMISE_FULFILLED);
    JS_FreeValue(ctx, r);
    CHECK(eval_is(ctx, "fromModule", "yes"));

    /* Jobs. */
    CHECK(!JS_IsJobPending(rt));
    CHECK(eval_is(ctx, "var order = []; Promise.resolve(1).then(v => order.push(v)); order.length", "0"));
    CHECK(JS_IsJobPending(rt));
    JSContext* jctx = NULL;
    CHECK(JS_ExecutePendingJob(rt, &jctx) == 1 && jctx == ctx);
    CHECK(JS_ExecutePendingJob(rt, &jctx) == 0 && jctx == NULL);
    CHECK(eval_is(ctx, "order.join()", "1"));
    JSValue three = JS_NewInt32(ctx, 3);
    CHECK(JS_EnqueueJob(ctx, job_fn, 1, &three) == 0);
    CHECK(JS_ExecutePendingJob(rt, &jctx) == 1 && g_job_runs == 3);
    /* A throwing reaction rejects its derived promise: the job itself completes. */
    CHECK(eval_is(ctx, "var derived = Promise.resolve().then(() => { throw new Error('in job') }); 0", "0"));
    CHECK(JS_ExecutePendingJob(rt, &jctx) == 1);
    CHECK(eval_is(ctx, "var why; derived.catch(e => why = e.message); 0", "0"));
    CHECK(JS_ExecutePendingJob(rt, &jctx) == 1);
    CHECK(eval_is(ctx, "why", "in job"));
    /* A job that throws reports its context. */
    CHECK(JS_EnqueueJob(ctx, throwing_job, 0, NULL) == 0);
    CHECK(JS_ExecutePendingJob(rt, &jctx) == -1 && jctx == ctx &&
          exception_is(jctx, "TypeError: job failed"));

    /* Promises made and settled from C. */
    JSValue funcs[2];
    JSValue p = JS_NewPromiseCapability(ctx, funcs);
    CHECK(JS_PromiseState(ctx, p) == JS_PROMISE_PENDING);
    CHECK(JS_IsPromise(p) && !JS_IsPromise(funcs[0]));
    JSValue val = JS_NewString(ctx, "done");
    JS_FreeValue(ctx, JS_Call(ctx, funcs[0], JS_UNDEFINED, 1, &val));
    JS_FreeValue(ctx, val);
    CHECK(JS_PromiseState(ctx, p) == JS_PROMISE_FULFILLED);
    r = JS_PromiseResult(ctx, p);
    const char* s = JS_ToCString(ctx, r);
    CHECK(s && strcmp(s, "done") == 0);
    JS_FreeCString(ctx, s);
    JS_FreeValue(ctx, r);
    JS_FreeValue(ctx, p);
    JS_FreeValue(ctx, funcs[0]);
    JS_FreeValue(ctx, funcs[1]);
    CHECK((int)JS_PromiseState(ctx, JS_NewInt32(ctx, 1)) == -1);

    /* The rejection tracker sees an unhandled rejection, then its late handler. */
    JS_SetHostPromiseRejectionTracker(rt, tracker, NULL);
    CHECK(eval_is(ctx, "var rp = Promise.reject(new Error('x')); 0", "0"));
    CHECK(g_rejections_unhandled == 1 && g_rejections_handled == 0);
    CHECK(eval_is(ctx, "rp.catch(() => {}); 0", "0"));
    CHECK(g_rejections_handled == 1);
    while (JS_ExecutePendingJob(rt, &jctx) > 0) {
    }
    JS_SetHostPromiseRejectionTracker(rt, NULL, NULL);
}

/* ---- binary data and JSON ---- */
static int g_buffers_freed;
static void free_buffer(JSRuntime* rt, void* opaque, void* ptr) {
    (void)rt;
    CHECK(opaque == (void*)&g_buffers_freed);
    g_buffers_freed++;
    free(ptr);
}

static void test_binary(JSContext* ctx) {
    const uint8_t bytes[4] = {1, 2, 3, 250};
    JSValue ab = JS_NewArrayBufferCopy(ctx, bytes, 4);
    size_t size;
    uint8_t* data = JS_GetArrayBuffer(ctx, &size, ab);
    CHECK(data && size == 4 && data[3] == 250);
    JSValue ta = JS_NewTypedArray(ctx, 1, &ab, JS_TYPED_ARRAY_UINT8);
    CHECK(JS_GetTypedArrayType(ta) == JS_TYPED_ARRAY_UINT8);
    size_t off, len, bpe;
    JSValue buf = JS_GetTypedArrayBuffer(ctx, ta, &off, &len, &bpe);
    CHECK(JS_VALUE_GET_PTR(buf) == JS_VALUE_GET_PTR(ab) && off == 0 && len == 4 && bpe == 1);
    JS_FreeValue(ctx, buf);
    JSValue glob = JS_GetGlobalObject(ctx);
    JS_SetPropertyStr(ctx, glob, "ta", ta);
    CHECK(eval_is(ctx, "ta[3] = 7; Array.from(ta).join()", "1,2,3,7"));
    CHECK(data[3] == 7);
    JS_DetachArrayBuffer(ctx, ab);
    CHECK(JS_GetArrayBuffer(ctx, &size, ab) == NULL &&
          exception_is(ctx, "TypeError: ArrayBuffer is detached"));
    CHECK(eval_is(ctx, "ta.length", "0"));
    JS_FreeValue(ctx, ab);
    CHECK(JS_GetArrayBuffer(ctx, &size, glob) == NULL);
    JS_FreeValue(ctx, JS_GetException(ctx));
    JSValue sixteen = JS_NewInt32(ctx, 4);
    ta = JS_NewTypedArray(ctx, 1, &sixteen, JS_TYPED_ARRAY_FLOAT64);
    JS_SetPropertyStr(ctx, glob, "f64", ta);
    CHECK(eval_is(ctx, "f64.byteLength", "32"));
    CHECK(JS_IsException(JS_GetTypedArrayBuffer(ctx, glob, NULL, NULL, NULL)));
    JS_FreeValue(ctx, JS_GetException(ctx));

    /* External memory: shared with JS until the buffer goes, then handed back. */
    uint8_t* ext = malloc(8);
    memset(ext, 0, 8);
    ab = JS_NewArrayBuffer(ctx, ext, 8, free_buffer, &g_buffers_freed, 0);
    JS_SetPropertyStr(ctx, glob, "ext", ab);
    CHECK(eval_is(ctx, "new Uint8Array(ext)[5] = 99; ext.byteLength", "8"));
    CHECK(ext[5] == 99);
    CHECK(eval_is(ctx, "ext = null; 0", "0"));
    CHECK(g_buffers_freed == 1);
    ext = malloc(8);
    ab = JS_NewArrayBuffer(ctx, ext, 8, free_buffer, &g_buffers_freed, 0);
    JS_DetachArrayBuffer(ctx, ab);
    CHECK(g_buffers_freed == 2);
    JS_FreeValue(ctx, ab);

    /* JSON */
    const char* json = "{\"a\": [1, 2, {\"b\": null}], \"s\": \"\\u00e9\"}";
    JSValue v = JS_ParseJSON(ctx, json, strlen(json), "<json>");
    CHECK(JS_IsObject(v));
    JSValue out = JS_JSONStringify(ctx, v, JS_UNDEFINED, JS_UNDEFINED);
    const char* s = JS_ToCString(ctx, out);
    CHECK(s && strcmp(s, "{\"a\":[1,2,{\"b\":null}],\"s\":\"\xc3\xa9\"}") == 0);
    JS_FreeCString(ctx, s);
    JS_FreeValue(ctx, out);
    JSValue indent = JS_NewInt32(ctx, 1);
    JSValue a = JS_GetPropertyStr(ctx, v, "a");
    out = JS_JSONStringify(ctx, a, JS_UNDEFINED, indent);
    JS_FreeValue(ctx, a);
    s = JS_ToCString(ctx, out);
    CHECK(s && strcmp(s, "[\n 1,\n 2,\n {\n  \"b\": null\n }\n]") == 0);
    JS_FreeCString(ctx, s);
    JS_FreeValue(ctx, out);
    JS_FreeValue(ctx, v);
    CHECK(JS_IsException(JS_ParseJSON(ctx, "{bad", 4, "<json>")));
    CHECK(exception_name_is(ctx, "SyntaxError"));
    JS_FreeValue(ctx, glob);
}

/* ---- limits: memory, interrupts, stack ---- */
static int g_interrupt_calls;
static int interrupt_after_some(JSRuntime* rt, void* opaque) {
    (void)rt;
    (void)opaque;
    return ++g_interrupt_calls >= 3;
}

static void test_limits(void) {
    JSRuntime* rt = JS_NewRuntime2(&count_mf, NULL);
    JSContext* ctx = JS_NewContext(rt);

    /* Memory limit: allocation failure is an exception; the runtime stays usable after. */
    JS_SetMemoryLimit(rt, 16 * 1024 * 1024);
    JSValue r = eval(ctx, "var keep = []; for (;;) keep.push(new Array(10000).fill(1.5)); 0");
    CHECK(JS_IsException(r));
    CHECK(exception_is(ctx, "InternalError: out of memory"));
    CHECK(eval_is(ctx, "keep = null; 'recovered'", "recovered"));
    CHECK(eval_is(ctx,
                  "var r2; try { let a = []; for (;;) a.push({x: [1, 2, 3]}); } catch (e) { r2 = e } "
                  "String(r2 instanceof InternalError)",
                  "true"));
    r = eval(ctx,
             "try { let s = 'x'; for (;;) s = s + s; } catch (e) { e instanceof RangeError || String(e) }");
    JS_FreeValue(ctx, r);
    JS_FreeValue(ctx, JS_GetException(ctx));
    JS_SetMemoryLimit(rt, 0);
    CHECK(eval_is(ctx, "new Array(100000).fill(0).length", "100000"));

    /* Interrupt handler: stops an endless loop with an uncatchable error. */
    JS_SetInterruptHandler(rt, interrupt_after_some, NULL);
    r = eval(ctx, "var caught = false; try { for (;;) {} } catch (e) { caught = true }");
    CHECK(JS_IsException(r) && exception_is(ctx, "InternalError: interrupted"));
    CHECK(g_interrupt_calls == 3);
    CHECK(eval_is(ctx, "caught", "false"));
    JS_SetInterruptHandler(rt, NULL, NULL);
    CHECK(eval_is(ctx, "let n = 0; for (let i = 0; i < 100000; i++) n++; n", "100000"));

    /* Stack overflow: a RangeError, and the limit is settable. */
    const char* rec =
        "var depth = 0; function f() { depth++; f() } try { f() } catch (e) { e instanceof RangeError }";
    CHECK(eval_is(ctx, rec, "true"));
    JSValue d1 = eval(ctx, "depth");
    JS_SetMaxStackSize(rt, 64 * 1024);
    CHECK(eval_is(ctx, rec, "true"));
    JSValue d2 = eval(ctx, "depth");
    CHECK(JS_VALUE_GET_INT(d2) < JS_VALUE_GET_INT(d1));
    /* A larger budget (recomputed from the current stack top) allows deeper recursion again. */
    JS_SetMaxStackSize(rt, 1024 * 1024);
    JS_UpdateStackTop(rt);
    JS_FreeValue(ctx, eval(ctx, "depth = 0; try { f() } catch (e) {}"));
    JSValue d3 = eval(ctx, "depth");
    CHECK(JS_VALUE_GET_INT(d3) > JS_VALUE_GET_INT(d2));
    JS_SetGCThreshold(rt, 1000);
    CHECK(eval_is(ctx, "for (let i = 0; i < 5000; i++) { let a = {}; a.self = a; } 'gc'", "gc"));

    JS_FreeContext(ctx);
    JS_FreeRuntime(rt);
    CHECK(g_live_blocks == 0);
}

/* ---- modules from C, the module loader, JS_WriteObject/JS_ReadObject ---- */
/* Every truncation (every `step` bytes) and every flipped byte (from `first`) of a written object must
   read back as an exception, never a crash or a value. */
static int all_damaged_reads_fail(JSContext* ctx, uint8_t* bytes, size_t size, size_t step, size_t first,
                                  int flags) {
    int all_rejected = 1;
    for (size_t k = 0; k < 2 * size; k += step) {
        int flip = k >= size;
        size_t i = flip ? k - size : k;
        if (flip && i < first) continue;
        if (flip) bytes[i] ^= 0x5a;
        JSValue v = JS_ReadObject(ctx, bytes, flip ? size : i, flags);
        if (!JS_IsException(v)) all_rejected = 0;
        JS_FreeValue(ctx, JS_GetException(ctx));
        JS_FreeValue(ctx, v);
        if (flip) bytes[i] ^= 0x5a;
    }
    return all_rejected;
}

static int g_init_calls;

static JSValue c_mod_double(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv) {
    int32_t x;
    (void)this_val;
    (void)argc;
    if (JS_ToInt32(ctx, &x, argv[0]) < 0) return JS_EXCEPTION;
    return JS_NewInt32(ctx, 2 * x);
}

static const JSCFunctionListEntry c_mod_funcs[] = {
    JS_CFUNC_DEF("double", 1, c_mod_double),
    JS_PROP_INT32_DEF("seven", 7, 0),
};

static JSValue c_script_name(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv) {
    (void)this_val;
    (void)argc;
    (void)argv;
    JSAtom a = JS_GetScriptOrModuleName(ctx, 0);
    if (a == JS_ATOM_NULL) return JS_NULL;
    JSValue v = JS_AtomToString(ctx, a);
    JS_FreeAtom(ctx, a);
    return v;
}

static int c_mod_init(JSContext* ctx, JSModuleDef* m) {
    g_init_calls++;
    if (JS_SetModuleExportList(ctx, m, c_mod_funcs, 2) < 0) return -1;
    return JS_SetModuleExport(ctx, m, "greeting", JS_NewString(ctx, "hi"));
}

static int c_mod_init_fails(JSContext* ctx, JSModuleDef* m) {
    (void)m;
    JS_ThrowRangeError(ctx, "init failed");
    return -1;
}

/* Sources of the loader's modules, by resolved name. */
static const char* module_source(const char* name) {
    if (!strcmp(name, "dir/a.js")) return "import { b } from './b.js'; export const a = 'a' + b;";
    if (!strcmp(name, "dir/b.js")) return "export const b = 'b'; export const meta = import.meta;";
    if (!strcmp(name, "dir/tla.js")) return "export let v = 1; await 0; v = 2;";
    if (!strcmp(name, "dir/bad.js")) return "export let = ;";
    return NULL;
}

static int g_normalize_calls;
static char* test_normalize(JSContext* ctx, const char* base, const char* name, void* opaque) {
    (void)opaque;
    g_normalize_calls++;
    if (name[0] != '.') return js_strdup(ctx, name);
    /* "dir/x.js" + "./y.js" -> "dir/y.js" */
    const char* slash = strrchr(base, '/');
    size_t dir_len = slash ? (size_t)(slash - base) + 1 : 0;
    char* out = js_malloc(ctx, dir_len + strlen(name) + 1);
    if (!out) return NULL;
    memcpy(out, base, dir_len);
    strcpy(out + dir_len, name + 2);
    return out;
}

static JSModuleDef* test_loader(JSContext* ctx, const char* name, void* opaque) {
    (void)opaque;
    if (!strcmp(name, "cmod")) {
        JSModuleDef* m = JS_NewCModule(ctx, name, c_mod_init);
        if (!m || JS_AddModuleExportList(ctx, m, c_mod_funcs, 2) < 0 ||
            JS_AddModuleExport(ctx, m, "greeting") < 0)
            return NULL;
        return m;
    }
    if (!strcmp(name, "cfail")) {
        JSModuleDef* m = JS_NewCModule(ctx, name, c_mod_init_fails);
        if (m) JS_AddModuleExport(ctx, m, "x");
        return m;
    }
    const char* src = module_source(name);
    if (!src) {
        JS_ThrowReferenceError(ctx, "no module '%s'", name);
        return NULL;
    }
    JSValue m = JS_Eval(ctx, src, strlen(src), name, JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY);
    if (JS_IsException(m)) return NULL;
    JSModuleDef* def = JS_VALUE_GET_PTR(m);
    JS_FreeValue(ctx, m);
    return def;
}

/* The module reader of the typed-import tests: "data/<text>" reads as <text>; anything else fails. */
static int g_read_calls;
static uint8_t* test_read(JSContext* ctx, const char* name, size_t* plen, void* opaque) {
    (void)opaque;
    g_read_calls++;
    if (strncmp(name, "data/", 5) != 0) {
        JS_ThrowReferenceError(ctx, "cannot read '%s'", name);
        return NULL;
    }
    size_t len = strlen(name + 5);
    uint8_t* buf = js_malloc(ctx, len + 1);
    if (!buf) return NULL;
    memcpy(buf, name + 5, len + 1);
    *plen = len;
    return buf;
}

/* Runs module source text and drives its promise to the end; returns the promise state. */
static int run_module(JSContext* ctx, const char* name, const char* src) {
    JSValue m = JS_Eval(ctx, src, strlen(src), name, JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY);
    if (JS_IsException(m)) return -1;
    JSValue p = JS_EvalFunction(ctx, m);
    if (JS_IsException(p)) return -1;
    JSContext* c;
    while (JS_ExecutePendingJob(JS_GetRuntime(ctx), &c) > 0) {
    }
    int state = JS_PromiseState(ctx, p);
    JS_FreeValue(ctx, p);
    return state;
}

static void test_modules(void) {
    JSRuntime* rt = JS_NewRuntime2(&count_mf, NULL);
    JSContext* ctx = JS_NewContext(rt);
    JS_SetModuleLoaderFunc(rt, test_normalize, test_loader, NULL);

    /* A C module: exports declared by the loader, values set by its init function (run once). */
    CHECK(run_module(ctx, "main.js",
                     "import { double, seven, greeting } from 'cmod';\n"
                     "import * as ns from 'cmod';\n"
                     "globalThis.r1 = double(seven) + greeting + Object.keys(ns).join();") ==
          JS_PROMISE_FULFILLED);
    CHECK(eval_is(ctx, "r1", "14hidouble,greeting,seven"));
    CHECK(run_module(ctx, "main2.js", "import { seven } from 'cmod'; globalThis.r2 = seven;") ==
          JS_PROMISE_FULFILLED);
    CHECK(g_init_calls == 1);
    CHECK(g_normalize_calls >= 2);
    /* An init function failing rejects the evaluation with its error. */
    CHECK(run_module(ctx, "main3.js", "import { x } from 'cfail';") == JS_PROMISE_REJECTED);
    /* Missing exports and modules. */
    CHECK(run_module(ctx, "main4.js", "import { nope } from 'cmod';") == -1);
    CHECK(exception_name_is(ctx, "SyntaxError"));
    CHECK(run_module(ctx, "main5.js", "import 'missing';") == -1);
    CHECK(exception_is(ctx, "ReferenceError: no module 'missing'"));
    CHECK(run_module(ctx, "main6.js", "import 'dir/bad.js';") == -1);
    CHECK(exception_name_is(ctx, "SyntaxError"));

    /* The name of the running script or module. */
    JSValue global = JS_GetGlobalObject(ctx);
    JS_SetPropertyStr(ctx, global, "scriptName", JS_NewCFunction(ctx, c_script_name, "scriptName", 0));
    JS_FreeValue(ctx, global);
    CHECK(eval_is(ctx, "scriptName()", "<test>"));
    CHECK(run_module(ctx, "named-module.js", "globalThis.r4 = scriptName();") == JS_PROMISE_FULFILLED);
    CHECK(eval_is(ctx, "r4", "named-module.js"));

    /* Relative imports through the normalizer; import.meta; module names. */
    CHECK(run_module(ctx, "top.js", "import { a } from 'dir/a.js'; globalThis.r3 = a;") ==
          JS_PROMISE_FULFILLED);
    CHECK(eval_is(ctx, "r3", "ab"));
    JSValue m =
        JS_Eval(ctx, "export const q = 1;", 19, "named.js", JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY);
    CHECK(JS_VALUE_GET_TAG(m) == JS_TAG_MODULE);
    JSModuleDef* def = JS_VALUE_GET_PTR(m);
    JSAtom name = JS_GetModuleName(ctx, def);
    const char* name_str = JS_AtomToCString(ctx, name);
    CHECK(name_str && !strcmp(name_str, "named.js"));
    JS_FreeCString(ctx, name_str);
    JS_FreeAtom(ctx, name);
    JSValue meta = JS_GetImportMeta(ctx, def);
    CHECK(JS_IsObject(meta));
    JS_SetPropertyStr(ctx, meta, "tag", JS_NewInt32(ctx, 9));
    JS_FreeValue(ctx, meta);
    JSValue ns = JS_GetModuleNamespace(ctx, def);
    CHECK(JS_IsObject(ns));
    JS_FreeValue(ctx, ns);
    JS_FreeValue(ctx, m);

    /* Compiled script -> bytes -> function. */
    const char* script = "var fromImage = [1, 2, 3].map(x => x * 2).join('-'); fromImage";
    JSValue fn =
        JS_Eval(ctx, script, strlen(script), "img.js", JS_EVAL_TYPE_GLOBAL | JS_EVAL_FLAG_COMPILE_ONLY);
    size_t size = 0;
    uint8_t* bytes = JS_WriteObject(ctx, &size, fn, JS_WRITE_OBJ_BYTECODE);
    CHECK(bytes != NULL && size > 16);
    JS_FreeValue(ctx, fn);
    JSValue back = JS_ReadObject(ctx, bytes, size, JS_READ_OBJ_BYTECODE);
    CHECK(JS_IsFunction(ctx, back));
    JSValue result = JS_EvalFunction(ctx, back);
    const char* rs = JS_ToCString(ctx, result);
    CHECK(rs && !strcmp(rs, "2-4-6"));
    JS_FreeCString(ctx, rs);
    JS_FreeValue(ctx, result);
    /* Without the BYTECODE flag, and every truncation or flipped byte: an exception, never a crash. */
    CHECK(JS_IsException(JS_ReadObject(ctx, bytes, size, 0)));
    CHECK(exception_name_is(ctx, "TypeError"));
    CHECK(all_damaged_reads_fail(ctx, bytes, size, 5, 0, JS_READ_OBJ_BYTECODE));
    js_free(ctx, bytes);

    /* A module (with an import and top-level await) through bytes, in a fresh runtime. */
    const char* msrc = "import { b } from 'dir/b.js'; import { v } from 'dir/tla.js';\n"
                       "export const out = b + v; globalThis.fromModuleImage = out;";
    m = JS_Eval(ctx, msrc, strlen(msrc), "dir/img.js", JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY);
    CHECK(JS_VALUE_GET_TAG(m) == JS_TAG_MODULE);
    CHECK(JS_ResolveModule(ctx, m) == 0);
    bytes = JS_WriteObject(ctx, &size, m, JS_WRITE_OBJ_BYTECODE);
    CHECK(bytes != NULL);
    JS_FreeValue(ctx, m);
    size_t unused_size;
    JSValue plain_fn = eval(ctx, "(function f() {})");
    CHECK(JS_WriteObject(ctx, &unused_size, plain_fn, 0) == NULL && unused_size == 0);
    CHECK(exception_name_is(ctx, "TypeError"));
    JS_FreeValue(ctx, plain_fn);

    JSRuntime* rt2 = JS_NewRuntime();
    JSContext* ctx2 = JS_NewContext(rt2);
    JS_SetModuleLoaderFunc(rt2, NULL, test_loader, NULL);
    JSValue m2 = JS_ReadObject(ctx2, bytes, size, JS_READ_OBJ_BYTECODE);
    if (JS_IsException(m2)) exception_is(ctx2, "(module image read)");
    CHECK(JS_VALUE_GET_TAG(m2) == JS_TAG_MODULE);
    CHECK(JS_ResolveModule(ctx2, m2) == 0);
    JSValue p = JS_EvalFunction(ctx2, m2);
    JSContext* c;
    while (JS_ExecutePendingJob(rt2, &c) > 0) {
    }
    CHECK(JS_PromiseState(ctx2, p) == JS_PROMISE_FULFILLED);
    JS_FreeValue(ctx2, p);
    CHECK(eval_is(ctx2, "fromModuleImage", "b2"));
    /* A module image where the header says script: refused. */
    bytes[6] = 0;
    JSValue bad = JS_ReadObject(ctx2, bytes, size, JS_READ_OBJ_BYTECODE);
    CHECK(JS_IsException(bad));
    JS_FreeValue(ctx2, JS_GetException(ctx2));
    js_free(ctx, bytes);
    JS_FreeContext(ctx2);
    JS_FreeRuntime(rt2);

    /* Typed imports: without a reader a TypeError; with one, synthetic modules made from its bytes,
       one per name and type, kept through a module image. */
    CHECK(run_module(ctx, "typed1.js", "import t from 'data/abc' with { type: 'text' };") == -1);
    CHECK(exception_name_is(ctx, "TypeError"));
    JS_SetModuleReadFunc(rt, test_read, NULL);
    CHECK(run_module(ctx, "typed2.js",
                     "import t from 'data/abc' with { type: 'text' };\n"
                     "import b from 'data/abc' with { type: 'bytes' };\n"
                     "import j from 'data/[1,2]' with { type: 'json' };\n"
                     "import t2 from 'data/abc' with { type: 'text' };\n"
                     "globalThis.typed = [t, b.join(), b.buffer.immutable, j[1], t === t2].join(' ');") ==
          JS_PROMISE_FULFILLED);
    CHECK(eval_is(ctx, "typed", "abc 97,98,99 true 2 true"));
    CHECK(g_read_calls == 3);
    CHECK(run_module(ctx, "typed3.js", "import t from 'nofile' with { type: 'text' };") == -1);
    CHECK(exception_is(ctx, "ReferenceError: cannot read 'nofile'"));
    CHECK(run_module(ctx, "typed4.js", "import t from 'data/x' with { kind: 'text' };") == -1);
    CHECK(exception_name_is(ctx, "SyntaxError"));
    const char* tsrc = "import t from 'data/img' with { type: 'text' }; globalThis.fromTypedImage = t;";
    m = JS_Eval(ctx, tsrc, strlen(tsrc), "typed5.js", JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY);
    bytes = JS_WriteObject(ctx, &size, m, JS_WRITE_OBJ_BYTECODE);
    CHECK(bytes != NULL);
    JS_FreeValue(ctx, m);
    rt2 = JS_NewRuntime();
    ctx2 = JS_NewContext(rt2);
    JS_SetModuleLoaderFunc(rt2, NULL, test_loader, NULL);
    JS_SetModuleReadFunc(rt2, test_read, NULL);
    m2 = JS_ReadObject(ctx2, bytes, size, JS_READ_OBJ_BYTECODE);
    CHECK(JS_VALUE_GET_TAG(m2) == JS_TAG_MODULE);
    CHECK(JS_ResolveModule(ctx2, m2) == 0);
    p = JS_EvalFunction(ctx2, m2);
    while (JS_ExecutePendingJob(rt2, &c) > 0) {
    }
    CHECK(JS_PromiseState(ctx2, p) == JS_PROMISE_FULFILLED);
    JS_FreeValue(ctx2, p);
    CHECK(eval_is(ctx2, "fromTypedImage", "img"));
    js_free(ctx, bytes);
    JS_FreeContext(ctx2);
    JS_FreeRuntime(rt2);

    JS_FreeContext(ctx);
    JS_FreeRuntime(rt);
    CHECK(g_live_blocks == 0);
}

/* JS_WriteObject/JS_ReadObject of values ("binary JSON"). */
static void test_value_images(void) {
    JSRuntime* rt = JS_NewRuntime2(&count_mf, NULL);
    JSContext* ctx = JS_NewContext(rt);
    JSValue v = eval(ctx, "({ i: 7, d: -0.5, s: 'caf\u00e9 \\u{1F600}', b: true, n: null, u: undefined,"
                          " big: -12345678901234567890n, a: [1, , 'x', [2]], date: new Date(86400000),"
                          " u8: new Uint8Array([1, 2, 3]).subarray(1), f64: new Float64Array([0.25]),"
                          " ab: new Uint8Array([9, 8]).buffer, o: { deep: { deeper: 'yes' } } })");
    size_t size = 0;
    uint8_t* bytes = JS_WriteObject(ctx, &size, v, 0);
    JS_FreeValue(ctx, v);
    CHECK(bytes != NULL && size > 16);
    JSValue back = JS_ReadObject(ctx, bytes, size, 0);
    CHECK(JS_IsObject(back));
    JSValue global = JS_GetGlobalObject(ctx);
    JS_SetPropertyStr(ctx, global, "back", back);
    JS_FreeValue(ctx, global);
    CHECK(eval_is(ctx, "back.i + back.d", "6.5"));
    CHECK(eval_is(ctx, "back.s === 'caf\u00e9 \\u{1F600}'", "true"));
    CHECK(eval_is(ctx, "[back.b, back.n, back.u, 'u' in back].join()", "true,,,true"));
    CHECK(eval_is(ctx, "back.big === -12345678901234567890n", "true"));
    CHECK(eval_is(ctx, "JSON.stringify(back.a) + (1 in back.a) + back.a.length", "[1,null,\"x\",[2]]false4"));
    CHECK(eval_is(ctx, "back.date instanceof Date && back.date.getTime()", "86400000"));
    CHECK(
        eval_is(ctx, "back.u8 instanceof Uint8Array && back.u8.join() + '/' + back.u8.byteOffset", "2,3/1"));
    CHECK(eval_is(ctx, "back.u8.buffer.byteLength + ' ' + back.f64[0]", "3 0.25"));
    CHECK(eval_is(ctx, "new Uint8Array(back.ab).join()", "9,8"));
    CHECK(eval_is(ctx, "back.o.deep.deeper", "yes"));
    /* Every truncation and flipped byte: an exception, never a crash. */
    CHECK(all_damaged_reads_fail(ctx, bytes, size, 1, 4, 0));
    js_free(ctx, bytes);

    /* Shared objects and cycles need JS_WRITE_OBJ_REFERENCE (and JS_READ_OBJ_REFERENCE). */
    v = eval(ctx, "var shared = { k: 1 }; var cyc = { a: shared, b: shared }; cyc.self = cyc; cyc");
    CHECK(JS_WriteObject(ctx, &size, v, 0) == NULL);
    CHECK(exception_name_is(ctx, "TypeError"));
    bytes = JS_WriteObject(ctx, &size, v, JS_WRITE_OBJ_REFERENCE);
    JS_FreeValue(ctx, v);
    CHECK(bytes != NULL);
    CHECK(JS_IsException(JS_ReadObject(ctx, bytes, size, 0)));
    CHECK(exception_name_is(ctx, "SyntaxError"));
    back = JS_ReadObject(ctx, bytes, size, JS_READ_OBJ_REFERENCE);
    global = JS_GetGlobalObject(ctx);
    JS_SetPropertyStr(ctx, global, "back2", back);
    JS_FreeValue(ctx, global);
    CHECK(eval_is(ctx, "back2.self === back2 && back2.a === back2.b && back2.a.k", "1"));
    js_free(ctx, bytes);
    /* A repeated (not cyclic) object without references is written twice. */
    v = eval(ctx, "({ a: shared, b: shared })");
    bytes = JS_WriteObject(ctx, &size, v, 0);
    JS_FreeValue(ctx, v);
    back = JS_ReadObject(ctx, bytes, size, 0);
    global = JS_GetGlobalObject(ctx);
    JS_SetPropertyStr(ctx, global, "back3", back);
    JS_FreeValue(ctx, global);
    CHECK(eval_is(ctx, "back3.a !== back3.b && back3.b.k", "1"));
    js_free(ctx, bytes);
    /* Functions and symbols are not values of the format. */
    v = eval(ctx, "({ f() {} })");
    CHECK(JS_WriteObject(ctx, &size, v, 0) == NULL);
    CHECK(exception_name_is(ctx, "TypeError"));
    JS_FreeValue(ctx, v);
    v = eval(ctx, "Symbol('s')");
    CHECK(JS_WriteObject(ctx, &size, v, 0) == NULL);
    CHECK(exception_name_is(ctx, "TypeError"));
    JS_FreeValue(ctx, v);
    JS_FreeContext(ctx);
    JS_FreeRuntime(rt);
    CHECK(g_live_blocks == 0);
}

/* Runtimes coexist: values and classes of one do not leak into the other. */
static void test_two_runtimes(void) {
    JSRuntime* rt1 = JS_NewRuntime();
    JSRuntime* rt2 = JS_NewRuntime();
    JSContext* c1 = JS_NewContext(rt1);
    JSContext* c2 = JS_NewContext(rt2);
    JS_FreeValue(c1, eval(c1, "globalThis.v = 'one'"));
    JS_FreeValue(c2, eval(c2, "globalThis.v = 'two'"));
    JSValue a = eval(c1, "v");
    JSValue b = eval(c2, "v + v");
    JS_FreeValue(c1, a); /* frees go to the right runtime */
    JS_FreeValue(c2, b);
    CHECK(eval_is(c1, "v", "one") && eval_is(c2, "v", "two"));
    JS_FreeContext(c1);
    JS_FreeRuntime(rt1);
    CHECK(eval_is(c2, "v.length", "3"));
    JS_FreeContext(c2);
    JS_FreeRuntime(rt2);
}

/* ---- heap snapshots ---- */

static JSValue host_add(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv) {
    int32_t a = 0, b = 0;
    (void)this_val;
    (void)argc;
    JS_ToInt32(ctx, &a, argv[0]);
    JS_ToInt32(ctx, &b, argv[1]);
    return JS_NewInt32(ctx, a + b);
}

static void test_snapshots(void) {
    char error[256];
    size_t size = 0;
    uint8_t* bytes;
    {
        JSRuntime* rt = JS_NewRuntime();
        JSContext* ctx = JS_NewContext(rt);
        JSValue global = JS_GetGlobalObject(ctx);
        JS_SetPropertyStr(ctx, global, "hostAdd", JS_NewCFunction(ctx, host_add, "hostAdd", 2));
        JS_FreeValue(ctx, global);
        CHECK(eval_is(ctx,
                      "var total = hostAdd(2, 3); var later = new Promise(r => { globalThis.finish = r; });"
                      "later.then(v => { total += v; }); total",
                      "5"));
        bytes = JS_WriteSnapshot(rt, &size, error, sizeof error);
        CHECK(bytes != NULL && size > 0);
        /* A copy outlives the runtime that allocated the buffer. */
        uint8_t* copy = (uint8_t*)malloc(size);
        memcpy(copy, bytes, size);
        js_free_rt(rt, bytes);
        bytes = copy;
        JS_FreeContext(ctx);
        JS_FreeRuntime(rt);
    }
    {
        JSRuntime* rt = JS_NewRuntime();
        JSContext* ctx = JS_RestoreSnapshot(rt, bytes, size, error, sizeof error);
        CHECK(ctx != NULL);
        /* Not bound yet: a catchable TypeError. */
        CHECK(eval_is(ctx, "try { hostAdd(1, 1); 'called' } catch (e) { e.name }", "TypeError"));
        JSCFunctionType f;
        f.generic = host_add;
        CHECK(JS_RebindCFunction(rt, "hostAdd", JS_CFUNC_generic, f) == 1);
        CHECK(eval_is(ctx, "finish(hostAdd(10, 20)); total", "5"));
        JSContext* job_ctx;
        while (JS_ExecutePendingJob(rt, &job_ctx) > 0) {
        }
        CHECK(eval_is(ctx, "total", "35"));
        JS_FreeContext(ctx);
        JS_FreeRuntime(rt);
    }
    {
        /* Truncated bytes are refused with a message; the runtime stays usable for freeing. */
        JSRuntime* rt = JS_NewRuntime();
        CHECK(JS_RestoreSnapshot(rt, bytes, size / 2, error, sizeof error) == NULL);
        CHECK(strstr(error, "invalid snapshot") != NULL);
        JS_FreeRuntime(rt);
    }
    free(bytes);
    {
        /* Deterministic mode: a fixed clock and a seeded Math.random replay exactly. */
        char first[64] = "", second[64] = "";
        for (int run = 0; run < 2; ++run) {
            JSRuntime* rt = JS_NewRuntime();
            JS_SetDeterministic(rt, 1700000000000.0, 42);
            JSContext* ctx = JS_NewContext(rt);
            CHECK(eval_is(ctx, "Date.now()", "1700000000000"));
            CHECK(eval_is(ctx, "new Date().getTime() === Date.now()", "true"));
            JSValue r = JS_Eval(ctx, "String(Math.random())", strlen("String(Math.random())"), "<det>", 0);
            const char* s = JS_ToCString(ctx, r);
            snprintf(run ? second : first, sizeof first, "%s", s ? s : "");
            JS_FreeCString(ctx, s);
            JS_FreeValue(ctx, r);
            JS_FreeContext(ctx);
            JS_FreeRuntime(rt);
        }
        CHECK(first[0] != 0 && strcmp(first, second) == 0);
    }
}

/* Embedder classes in snapshots (JS_SetClassSnapshotHooks): a class with hooks is saved and rebuilt
   (bytes, a number and a JS reference shared with the heap); one without hooks, an unregistered class
   at restore and a read hook rejecting its data make the snapshot or the restore fail with a message. */
typedef struct Blob {
    uint64_t n;
    char* text;
    JSValue link;
} Blob;
static JSClassID blob_class_id, plain_class_id;
static int blob_finalized;
static int blob_reject_reads;

static void blob_finalizer(JSRuntime* rt, JSValue val) {
    Blob* b = (Blob*)JS_GetOpaque(val, blob_class_id);
    if (!b) return;
    blob_finalized++;
    js_free_rt(rt, b->text);
    JS_FreeValueRT(rt, b->link);
    js_free_rt(rt, b);
}
static void blob_mark(JSRuntime* rt, JSValueConst val, JS_MarkFunc* mark_func) {
    Blob* b = (Blob*)JS_GetOpaque(val, blob_class_id);
    if (b) JS_MarkValue(rt, b->link, mark_func);
}
static int blob_write(JSRuntime* rt, JSValueConst obj, void* opaque, JSSnapshotWriter* w) {
    Blob* b = (Blob*)opaque;
    (void)rt;
    (void)obj;
    if (b->n == 13) {
        JS_SnapshotWriterRefuse(w, "unlucky number");
        return -1;
    }
    JS_SnapshotWriteU64(w, b->n);
    JS_SnapshotWriteBytes(w, b->text, strlen(b->text));
    JS_SnapshotWriteValue(w, b->link);
    return 0;
}
static int blob_read(JSRuntime* rt, JSSnapshotReader* r, void** popaque) {
    uint64_t n;
    const uint8_t* text;
    size_t len;
    if (blob_reject_reads) return -1;
    if (JS_SnapshotReadU64(r, &n) < 0 || JS_SnapshotReadBytes(r, &text, &len) < 0 || len > 64) return -1;
    Blob* b = (Blob*)js_mallocz_rt(rt, sizeof(Blob));
    if (!b) return -1;
    b->link = JS_UNDEFINED;
    b->text = (char*)js_malloc_rt(rt, len + 1);
    *popaque = b; /* owned by the object from here on, even if the rest fails */
    if (!b->text) return -1;
    memcpy(b->text, text, len);
    b->text[len] = 0;
    b->n = n;
    return JS_SnapshotReadValue(r, &b->link);
}
static const JSClassDef blob_class = {"Blob", blob_finalizer, blob_mark, NULL, NULL};
static const JSClassDef plain_class = {"PlainHostThing", NULL, NULL, NULL, NULL};

static JSRuntime* new_blob_runtime(int with_hooks) {
    JSRuntime* rt = JS_NewRuntime();
    JS_NewClassID(&blob_class_id);
    JS_NewClassID(&plain_class_id);
    JS_NewClass(rt, plain_class_id, &plain_class);
    JS_NewClass(rt, blob_class_id, &blob_class);
    if (with_hooks) CHECK(JS_SetClassSnapshotHooks(rt, blob_class_id, blob_write, blob_read) == 0);
    return rt;
}
static JSValue new_blob(JSContext* ctx, uint64_t n, const char* text, JSValue link) {
    JSValue obj = JS_NewObjectClass(ctx, (int)blob_class_id);
    Blob* b = (Blob*)js_mallocz(ctx, sizeof(Blob));
    b->n = n;
    b->text = js_strdup(ctx, text);
    b->link = link;
    JS_SetOpaque(obj, b);
    return obj;
}

static void test_class_snapshots(void) {
    char error[256];
    size_t size = 0;
    uint8_t* bytes = NULL;
    blob_finalized = 0;
    {
        JSRuntime* rt = new_blob_runtime(1);
        JSContext* ctx = JS_NewContext(rt);
        CHECK(JS_SetClassSnapshotHooks(rt, 999, blob_write, blob_read) == -1); /* not registered */
        JSValue global = JS_GetGlobalObject(ctx);
        JSValue shared = JS_NewObject(ctx);
        JS_SetPropertyStr(ctx, shared, "v", JS_NewInt32(ctx, 41));
        JS_SetPropertyStr(ctx, global, "shared", JS_DupValue(ctx, shared));
        JS_SetPropertyStr(ctx, global, "blob", new_blob(ctx, 7, "seven", shared));
        /* A class without hooks is refused with its name; so is a write hook refusing. */
        JS_SetPropertyStr(ctx, global, "plain", JS_NewObjectClass(ctx, (int)plain_class_id));
        CHECK(JS_WriteSnapshot(rt, &size, error, sizeof error) == NULL);
        CHECK(strstr(error, "PlainHostThing") != NULL);
        CHECK(eval_is(ctx, "delete globalThis.plain", "true"));
        JS_SetPropertyStr(ctx, global, "unlucky", new_blob(ctx, 13, "x", JS_NULL));
        CHECK(JS_WriteSnapshot(rt, &size, error, sizeof error) == NULL);
        CHECK(strstr(error, "Blob") != NULL && strstr(error, "unlucky number") != NULL);
        CHECK(eval_is(ctx, "delete globalThis.unlucky", "true"));
        JS_FreeValue(ctx, global);
        uint8_t* written = JS_WriteSnapshot(rt, &size, error, sizeof error);
        CHECK(written != NULL);
        if (written) {
            bytes = (uint8_t*)malloc(size); /* outlives the runtime */
            memcpy(bytes, written, size);
            js_free_rt(rt, written);
        } else {
            printf("snapshot error: %s\n", error);
        }
        JS_FreeContext(ctx);
        CHECK(JS_FreeRuntimeLeakCount(rt) == 0);
        CHECK(blob_finalized == 2);
    }
    if (!bytes) return;
    {
        /* Restored: the data and the shared reference come back; the finalizer frees them. */
        JSRuntime* rt = new_blob_runtime(1);
        JSContext* ctx = JS_RestoreSnapshot(rt, bytes, size, error, sizeof error);
        CHECK(ctx != NULL);
        if (ctx) {
            JSValue global = JS_GetGlobalObject(ctx);
            JSValue blob = JS_GetPropertyStr(ctx, global, "blob");
            JSValue shared = JS_GetPropertyStr(ctx, global, "shared");
            Blob* b = (Blob*)JS_GetOpaque(blob, blob_class_id);
            CHECK(b != NULL && b->n == 7 && strcmp(b->text, "seven") == 0);
            CHECK(b != NULL && JS_IsObject(b->link) && JS_VALUE_GET_PTR(b->link) == JS_VALUE_GET_PTR(shared));
            CHECK(eval_is(ctx, "shared.v + 1", "42"));
            /* A delta snapshot (against the restored bytes) writes the object again although only its
               opaque data changed: restored as base + delta, the new value is there. */
            size_t delta_size = 0;
            if (b) b->n = 99;
            uint8_t* delta = JS_WriteSnapshotDelta(rt, &delta_size, error, sizeof error);
            CHECK(delta != NULL);
            if (delta) {
                JSRuntime* rt3 = new_blob_runtime(1);
                JSContext* ctx3 =
                    JS_RestoreSnapshotDelta(rt3, bytes, size, delta, delta_size, error, sizeof error);
                CHECK(ctx3 != NULL);
                if (ctx3) {
                    JSValue g3 = JS_GetGlobalObject(ctx3);
                    JSValue blob3 = JS_GetPropertyStr(ctx3, g3, "blob");
                    Blob* b3 = (Blob*)JS_GetOpaque(blob3, blob_class_id);
                    CHECK(b3 != NULL && b3->n == 99 && strcmp(b3->text, "seven") == 0);
                    JS_FreeValue(ctx3, blob3);
                    JS_FreeValue(ctx3, g3);
                    JS_FreeContext(ctx3);
                }
                CHECK(JS_FreeRuntimeLeakCount(rt3) == 0);
                js_free_rt(rt, delta);
            }
            JS_FreeValue(ctx, shared);
            JS_FreeValue(ctx, blob);
            JS_FreeValue(ctx, global);
            /* The restored object is saved again. */
            uint8_t* again = JS_WriteSnapshot(rt, &size, error, sizeof error);
            CHECK(again != NULL);
            js_free_rt(rt, again);
            JS_FreeContext(ctx);
        }
        blob_finalized = 0;
        CHECK(JS_FreeRuntimeLeakCount(rt) == 0);
        CHECK(blob_finalized == 1);
    }
    {
        /* The class is not registered, or has no hooks, in the restoring runtime: refused. */
        JSRuntime* rt = JS_NewRuntime();
        CHECK(JS_RestoreSnapshot(rt, bytes, size, error, sizeof error) == NULL);
        CHECK(strstr(error, "not registered") != NULL);
        JS_FreeRuntime(rt);
        rt = new_blob_runtime(0);
        CHECK(JS_RestoreSnapshot(rt, bytes, size, error, sizeof error) == NULL);
        CHECK(strstr(error, "JS_SetClassSnapshotHooks") != NULL);
        JS_FreeRuntime(rt);
        /* A read hook rejecting its data fails the restore; nothing leaks. */
        blob_reject_reads = 1;
        rt = new_blob_runtime(1);
        CHECK(JS_RestoreSnapshot(rt, bytes, size, error, sizeof error) == NULL);
        CHECK(strstr(error, "rejected") != NULL);
        CHECK(JS_FreeRuntimeLeakCount(rt) == 0);
        blob_reject_reads = 0;
    }
    free(bytes);
}

/* A snapshot (full or delta) copied to malloc'ed memory that outlives the runtime; NULL with the error
   printed. */
static uint8_t* snapshot_copy(JSRuntime* rt, size_t* psize, int delta) {
    char error[256] = "";
    uint8_t* written = delta ? JS_WriteSnapshotDelta(rt, psize, error, sizeof error)
                             : JS_WriteSnapshot(rt, psize, error, sizeof error);
    if (!written) {
        printf("  snapshot error: %s\n", error);
        return NULL;
    }
    uint8_t* copy = (uint8_t*)malloc(*psize);
    memcpy(copy, written, *psize);
    js_free_rt(rt, written);
    return copy;
}

static JSValue blob_ctor(JSContext* ctx, JSValueConst new_target, int argc, JSValueConst* argv) {
    int32_t n = 0;
    (void)new_target;
    if (argc > 0) JS_ToInt32(ctx, &n, argv[0]);
    return new_blob(ctx, (uint64_t)n, "made", JS_NULL);
}
static JSValue blob_get_n(JSContext* ctx, JSValueConst this_val) {
    Blob* b = (Blob*)JS_GetOpaque2(ctx, this_val, blob_class_id);
    return b ? JS_NewInt64(ctx, (int64_t)b->n) : JS_EXCEPTION;
}
static const JSCFunctionListEntry blob_proto_funcs[] = {
    JS_CGETSET_DEF("n", blob_get_n, NULL),
    JS_PROP_STRING_DEF("kind", "blob", JS_PROP_CONFIGURABLE),
};

/* Class prototypes (JS_SetClassProto) and constructors (JS_SetConstructor) survive a snapshot: in the
   restoring runtime the class has another id, and JS_NewObjectClass with it uses the restored
   prototype, found by the class's name. */
static void test_class_proto_snapshots(void) {
    char error[256];
    size_t size = 0;
    uint8_t* bytes = NULL;
    {
        JSRuntime* rt = new_blob_runtime(1);
        JSContext* ctx = JS_NewContext(rt);
        define_class_global(ctx, blob_class_id, "Blob", (JSCFunction*)blob_ctor, 1, blob_proto_funcs, 2);
        CHECK(eval_is(ctx, "var b = new Blob(5); b.n + b.kind", "5blob"));
        bytes = snapshot_copy(rt, &size, 0);
        CHECK(bytes != NULL);
        JS_FreeContext(ctx);
        CHECK(JS_FreeRuntimeLeakCount(rt) == 0);
    }
    if (!bytes) return;
    {
        JSRuntime* rt = JS_NewRuntime();
        /* The same class under a new id, as in another process. */
        JSClassID other_id = 0;
        JS_NewClassID(&other_id);
        CHECK(other_id != blob_class_id);
        CHECK(JS_NewClass(rt, other_id, &blob_class) == 0);
        CHECK(JS_SetClassSnapshotHooks(rt, other_id, blob_write, blob_read) == 0);
        JSClassID saved_id = blob_class_id;
        blob_class_id = other_id; /* the finalizer and getters look for this id */
        JSContext* ctx = JS_RestoreSnapshot(rt, bytes, size, error, sizeof error);
        CHECK(ctx != NULL);
        if (ctx) {
            JSCFunctionType f;
            f.generic = (JSCFunction*)blob_ctor;
            CHECK(JS_RebindCFunction(rt, "Blob", JS_CFUNC_constructor, f) == 1);
            f.getter = blob_get_n;
            CHECK(JS_RebindCFunction(rt, "get n", JS_CFUNC_getter, f) == 1);
            /* new_blob uses JS_NewObjectClass with the new id (blob_class_id is other_id now). */
            JSValue global = JS_GetGlobalObject(ctx);
            JS_SetPropertyStr(ctx, global, "fresh", new_blob(ctx, 8, "eight", JS_NULL));
            JS_FreeValue(ctx, global);
            CHECK(eval_is(ctx, "Object.getPrototypeOf(fresh) === Blob.prototype", "true"));
            CHECK(eval_is(ctx, "fresh.n + fresh.kind + b.n", "8blob5"));
            CHECK(eval_is(ctx, "Blob.prototype.constructor === Blob && new Blob(3).n", "3"));
            JSValue p = JS_GetClassProto(ctx, other_id);
            CHECK(JS_IsObject(p));
            JS_FreeValue(ctx, p);
            /* A class registered in neither: no prototype. */
            JSValue none = JS_GetClassProto(ctx, plain_class_id);
            CHECK(JS_IsNull(none));
            JS_FreeContext(ctx);
        }
        CHECK(JS_FreeRuntimeLeakCount(rt) == 0);
        blob_class_id = saved_id;
    }
    free(bytes);
}

/* Deltas do not chain as base + delta1 + delta2; a delta written by a runtime restored from base +
   delta1 is written against the same base and holds delta1's changes too, so base + delta2 restores
   the latest state. A delta given where the full snapshot belongs is refused. */
static void test_delta_of_delta(void) {
    char error[256];
    size_t base_size = 0, d1_size = 0, d2_size = 0;
    uint8_t *base = NULL, *d1 = NULL, *d2 = NULL;
    {
        JSRuntime* rt = JS_NewRuntime();
        JSContext* ctx = JS_NewContext(rt);
        CHECK(eval_is(ctx, "var a = { v: 1 }, b = { v: 1 }, log = ['base']; 0", "0"));
        base = snapshot_copy(rt, &base_size, 0);
        CHECK(eval_is(ctx, "a.v = 2; log.push('d1'); var c = { v: 'new in d1' }; 0", "0"));
        d1 = snapshot_copy(rt, &d1_size, 1);
        CHECK(base != NULL && d1 != NULL && d1_size < base_size);
        JS_FreeContext(ctx);
        CHECK(JS_FreeRuntimeLeakCount(rt) == 0);
    }
    if (!base || !d1) return;
    {
        JSRuntime* rt = JS_NewRuntime();
        JSContext* ctx = JS_RestoreSnapshotDelta(rt, base, base_size, d1, d1_size, error, sizeof error);
        CHECK(ctx != NULL);
        if (ctx) {
            CHECK(eval_is(ctx, "[a.v, b.v, c.v, log].join()", "2,1,new in d1,base,d1"));
            /* b changes now; a (changed by d1 only) and c (new in d1) must still be in the next delta. */
            CHECK(eval_is(ctx, "b.v = 3; log.push('d2'); 0", "0"));
            d2 = snapshot_copy(rt, &d2_size, 1);
            CHECK(d2 != NULL);
            JS_FreeContext(ctx);
        }
        CHECK(JS_FreeRuntimeLeakCount(rt) == 0);
    }
    if (d2) {
        JSRuntime* rt = JS_NewRuntime();
        JSContext* ctx = JS_RestoreSnapshotDelta(rt, base, base_size, d2, d2_size, error, sizeof error);
        CHECK(ctx != NULL);
        if (ctx) {
            CHECK(eval_is(ctx, "[a.v, b.v, c.v, log].join()", "2,3,new in d1,base,d1,d2"));
            JS_FreeContext(ctx);
        }
        CHECK(JS_FreeRuntimeLeakCount(rt) == 0);
        /* A chain (delta1 as the base of delta2) is refused with a clear message. */
        rt = JS_NewRuntime();
        CHECK(JS_RestoreSnapshotDelta(rt, d1, d1_size, d2, d2_size, error, sizeof error) == NULL);
        CHECK(strstr(error, "a delta given as a full snapshot") != NULL);
        JS_FreeRuntime(rt);
    }
    free(base);
    free(d1);
    free(d2);
}

/* JS_AddTimerGlobals and JS_LoopOnce (the event loop), timers across a snapshot, and the loop's freeing. */
static int loop_until_waiting(JSRuntime* rt) {
    int r;
    while ((r = JS_LoopOnce(rt)) == 0) {
    }
    return r;
}

static void test_event_loop(void) {
    char error[256];
    size_t size = 0;
    uint8_t* bytes = NULL;
    {
        JSRuntime* rt = JS_NewRuntime2(&count_mf, NULL);
        JSContext* ctx = JS_NewContext(rt);
        CHECK(loop_until_waiting(rt) == -1); /* nothing to do yet */
        CHECK(JS_AddTimerGlobals(ctx) == 0);
        CHECK(eval_is(ctx,
                      "var order = []; setTimeout(v => order.push(v), 0, 't0');"
                      "queueMicrotask(() => order.push('m'));"
                      "var late = setTimeout(() => order.push('late'), 100000); typeof late",
                      "number"));
        int r = loop_until_waiting(rt);
        CHECK(r > 90000 && r <= 100000); /* the microtask and the due timer ran; `late` is pending */
        CHECK(eval_is(ctx, "order.join()", "m,t0"));
        bytes = JS_WriteSnapshot(rt, &size, error, sizeof error);
        CHECK(bytes != NULL);
        if (bytes) {
            uint8_t* copy = (uint8_t*)malloc(size);
            memcpy(copy, bytes, size);
            js_free_rt(rt, bytes);
            bytes = copy;
        }
        JS_FreeContext(ctx);
        JS_FreeRuntime(rt); /* drops the pending timer */
        CHECK(g_live_blocks == 0);
    }
    if (bytes) {
        JSRuntime* rt = JS_NewRuntime();
        JSContext* ctx = JS_RestoreSnapshot(rt, bytes, size, error, sizeof error);
        CHECK(ctx != NULL);
        if (ctx) {
            int r = loop_until_waiting(rt);
            CHECK(r > 90000 && r <= 100000); /* the remaining delay survived */
            CHECK(eval_is(
                ctx, "clearTimeout(late); setTimeout(() => { throw new RangeError('boom'); }, 0); 1", "1"));
            CHECK(loop_until_waiting(rt) == -2);
            CHECK(exception_is(ctx, "RangeError: boom"));
            CHECK(loop_until_waiting(rt) == -1);
            CHECK(eval_is(ctx, "order.join()", "m,t0"));
            JS_FreeContext(ctx);
        }
        JS_FreeRuntime(rt);
    }
    free(bytes);
}

/* ---- JS_SetAtomicsWaitFunctions: a fake host's waiter list ---- */
static struct {
    int size, result, waits, notifies;
    int64_t expected;
    double timeout, count;
    void* addr;
    JSValue resolve;
} g_atomics;
static int fake_wait(void* opaque, JSContext* ctx, void* addr, int size, int64_t expected, double timeout) {
    (void)opaque;
    g_atomics.waits++;
    g_atomics.addr = addr;
    g_atomics.size = size;
    g_atomics.expected = expected;
    g_atomics.timeout = timeout;
    if (g_atomics.result < 0) JS_ThrowInternalError(ctx, "the host gave up");
    return g_atomics.result;
}
static int fake_wait_async(void* opaque, JSContext* ctx, void* addr, int size, int64_t expected,
                           double timeout, JSValueConst resolve) {
    int r = fake_wait(opaque, ctx, addr, size, expected, timeout);
    if (r == JS_ATOMICS_WAIT_OK) g_atomics.resolve = JS_DupValue(ctx, resolve);
    return r;
}
static int64_t fake_notify(void* opaque, JSContext* ctx, void* addr, double count) {
    (void)opaque;
    (void)ctx;
    g_atomics.notifies++;
    g_atomics.count = count;
    return addr == g_atomics.addr ? 3 : 0;
}

static void test_atomics_hook(void) {
    JSRuntime* rt = JS_NewRuntime();
    JSContext* ctx = JS_NewContext(rt);
    JSAtomicsWaitFunctions af = {fake_wait, fake_wait_async, fake_notify, NULL};
    JS_SetAtomicsWaitFunctions(rt, &af);
    g_atomics.resolve = JS_UNDEFINED;
    CHECK(eval_is(ctx, "var i32 = new Int32Array(new SharedArrayBuffer(16)); i32[2] = -5; 0", "0"));
    /* The host compares and blocks: its answer is the result. */
    g_atomics.result = JS_ATOMICS_WAIT_OK;
    CHECK(eval_is(ctx, "Atomics.wait(i32, 2, -5, 250)", "ok"));
    CHECK(g_atomics.size == 4 && g_atomics.expected == -5 && g_atomics.timeout == 250);
    g_atomics.result = JS_ATOMICS_WAIT_TIMED_OUT;
    CHECK(eval_is(ctx, "Atomics.wait(i32, 2, 7)", "timed-out"));
    CHECK(g_atomics.expected == 7 && isinf(g_atomics.timeout));
    g_atomics.result = JS_ATOMICS_WAIT_NOT_EQUAL;
    CHECK(eval_is(ctx, "Atomics.wait(i32, 2, 7, 1)", "not-equal"));
    CHECK(eval_is(
        ctx, "var b64 = new BigInt64Array(new SharedArrayBuffer(16)); Atomics.wait(b64, 1, -(2n ** 40n), 0)",
        "not-equal"));
    CHECK(g_atomics.size == 8 && g_atomics.expected == -((int64_t)1 << 40));
    /* notify: the same element's address, the count (undefined: all). */
    CHECK(eval_is(ctx, "Atomics.notify(b64, 1, 2)", "3"));
    CHECK(g_atomics.count == 2);
    CHECK(eval_is(ctx, "Atomics.notify(b64, 1)", "3"));
    CHECK(isinf(g_atomics.count));
    CHECK(eval_is(ctx, "Atomics.notify(b64, 0)", "0"));
    /* waitAsync: the host keeps resolve and settles the promise later. */
    g_atomics.result = JS_ATOMICS_WAIT_OK;
    CHECK(eval_is(
        ctx, "var r = Atomics.waitAsync(i32, 2, -5, 1000); var seen; r.value.then(v => seen = v); r.async",
        "true"));
    CHECK(JS_IsFunction(ctx, g_atomics.resolve));
    JSValue ok = JS_NewString(ctx, "ok");
    JSValue res = JS_Call(ctx, g_atomics.resolve, JS_UNDEFINED, 1, &ok);
    CHECK(!JS_IsException(res));
    JS_FreeValue(ctx, res);
    JS_FreeValue(ctx, ok);
    JS_FreeValue(ctx, g_atomics.resolve);
    JSContext* job_ctx;
    while (JS_ExecutePendingJob(rt, &job_ctx) > 0) {
    }
    CHECK(eval_is(ctx, "seen", "ok"));
    /* A zero timeout answers at once without the host. */
    int waits = g_atomics.waits;
    CHECK(eval_is(ctx, "Atomics.waitAsync(i32, 2, -5, 0).value", "timed-out"));
    CHECK(g_atomics.waits == waits);
    /* An agent that cannot suspend: a TypeError before the host is asked. */
    JS_SetCanBlock(rt, 0);
    CHECK(JS_IsException(eval(ctx, "Atomics.wait(i32, 2, -5, 10)")));
    CHECK(exception_name_is(ctx, "TypeError"));
    CHECK(g_atomics.waits == waits);
    /* The host gives up: its exception propagates. */
    JS_SetCanBlock(rt, 1);
    g_atomics.result = -1;
    CHECK(JS_IsException(eval(ctx, "Atomics.wait(i32, 2, -5, 10)")));
    CHECK(exception_name_is(ctx, "InternalError"));
    JS_FreeContext(ctx);
    JS_FreeRuntime(rt);
}

int main(void) {
    test_runtime();
    JSRuntime* rt = JS_NewRuntime2(&count_mf, NULL);
    JSContext* ctx = JS_NewContext(rt);
    test_values(ctx);
    test_atoms(ctx);
    test_objects(ctx);
    test_cfunctions(ctx);
    test_exceptions(ctx);
    test_eval(ctx);
    test_binary(ctx);
    JS_FreeContext(ctx);
    JS_FreeRuntime(rt);
    CHECK(g_live_blocks == 0);
    test_classes();
    test_limits();
    test_two_runtimes();
    test_snapshots();
    test_class_snapshots();
    test_class_proto_snapshots();
    test_delta_of_delta();
    test_event_loop();
    test_modules();
    test_value_images();
    test_atomics_hook();
    printf("%d passed, %d failed\n", g_passed, g_failed);
    return g_failed ? 1 : 0;
}
