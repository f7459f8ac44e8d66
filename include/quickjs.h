/*
 * quickjs.h: the embedding API of qjs, compatible with QuickJS's C API (names, signatures, macros and
 * semantics as the QuickJS manual documents them). C99 and C++ clean. See docs/API.md for the
 * ownership rules and for what differs from QuickJS.
 *
 * Ownership: a JSValue whose tag is negative (object, string, symbol, BigInt) holds one reference
 * count of a heap cell. Functions taking a `JSValue` consume it (the caller's reference moves in);
 * functions taking a `JSValueConst` borrow it. Returned JSValues are new references that the caller
 * must release with JS_FreeValue (JS_EXCEPTION and primitives need no freeing, but freeing is harmless).
 */
#ifndef QUICKJS_H
#define QUICKJS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The API keeps default visibility when the library is built with -fvisibility=hidden (libqjs.so). */
#if defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

#define QJS_VERSION_MAJOR 0
#define QJS_VERSION_MINOR 1
#define QJS_VERSION_PATCH 0
#define QJS_VERSION_STRING "0.1.0"
/* The library's version string (QJS_VERSION_STRING of the build). */
const char* JS_GetVersion(void);

#if defined(__GNUC__) || defined(__clang__)
#define js_likely(x) __builtin_expect(!!(x), 1)
#define js_unlikely(x) __builtin_expect(!!(x), 0)
#define js_force_inline inline __attribute__((always_inline))
#define __js_printf_like(f, a) __attribute__((format(printf, f, a)))
#else
#define js_likely(x) (x)
#define js_unlikely(x) (x)
#define js_force_inline inline
#define __js_printf_like(a, b)
#endif

typedef int JS_BOOL;

typedef struct JSRuntime JSRuntime;
typedef struct JSContext JSContext;
typedef struct JSObject JSObject;
typedef struct JSClass JSClass;
typedef uint32_t JSClassID;
typedef uint32_t JSAtom;
typedef struct JSGCObjectHeader JSGCObjectHeader;

#define JS_PTR64
#define JS_PTR64_DEF(a) a

/* Value tags. Negative tags carry a reference-counted pointer. */
enum {
    JS_TAG_FIRST = -9,
    JS_TAG_BIG_INT = -9,
    JS_TAG_SYMBOL = -8,
    JS_TAG_STRING = -7,
    JS_TAG_STRING_ROPE = -6,       /* never produced by qjs */
    JS_TAG_MODULE = -3,            /* used internally */
    JS_TAG_FUNCTION_BYTECODE = -2, /* used internally (any other internal cell) */
    JS_TAG_OBJECT = -1,

    JS_TAG_INT = 0,
    JS_TAG_BOOL = 1,
    JS_TAG_NULL = 2,
    JS_TAG_UNDEFINED = 3,
    JS_TAG_UNINITIALIZED = 4,
    JS_TAG_CATCH_OFFSET = 5,
    JS_TAG_EXCEPTION = 6,
    JS_TAG_SHORT_BIG_INT = 7, /* never produced by qjs: every BigInt is a heap value */
    JS_TAG_FLOAT64 = 8,
};

typedef struct JSRefCountHeader {
    int ref_count;
} JSRefCountHeader;

typedef union JSValueUnion {
    int32_t int32;
    double float64;
    void* ptr;
} JSValueUnion;

typedef struct JSValue {
    JSValueUnion u;
    int64_t tag;
} JSValue;

#define JSValueConst JSValue

#define JS_VALUE_GET_TAG(v) ((int32_t)(v).tag)
#define JS_VALUE_GET_NORM_TAG(v) JS_VALUE_GET_TAG(v)
#define JS_VALUE_GET_INT(v) ((v).u.int32)
#define JS_VALUE_GET_BOOL(v) ((v).u.int32)
#define JS_VALUE_GET_FLOAT64(v) ((v).u.float64)
#define JS_VALUE_GET_PTR(v) ((v).u.ptr)
#define JS_VALUE_GET_OBJ(v) ((JSObject*)JS_VALUE_GET_PTR(v))

static inline JSValue __JS_MKVAL(int64_t tag, int32_t val) {
    JSValue v;
    v.u.float64 = 0;
    v.u.int32 = val;
    v.tag = tag;
    return v;
}
static inline JSValue __JS_MKPTR(int64_t tag, void* ptr) {
    JSValue v;
    v.u.ptr = ptr;
    v.tag = tag;
    return v;
}
static inline JSValue __JS_NewFloat64(JSContext* ctx, double d) {
    JSValue v;
    (void)ctx;
    v.u.float64 = d;
    v.tag = JS_TAG_FLOAT64;
    return v;
}
#define JS_MKVAL(tag, val) __JS_MKVAL(tag, val)
#define JS_MKPTR(tag, p) __JS_MKPTR(tag, p)

#define JS_TAG_IS_FLOAT64(tag) ((unsigned)(tag) == JS_TAG_FLOAT64)
#define JS_NAN __JS_NewFloat64(NULL, __builtin_nan(""))

static inline JS_BOOL JS_VALUE_IS_NAN(JSValue v) {
    return v.tag == JS_TAG_FLOAT64 && v.u.float64 != v.u.float64;
}

#define JS_VALUE_HAS_REF_COUNT(v) ((unsigned)JS_VALUE_GET_TAG(v) >= (unsigned)JS_TAG_FIRST)

#define JS_NULL JS_MKVAL(JS_TAG_NULL, 0)
#define JS_UNDEFINED JS_MKVAL(JS_TAG_UNDEFINED, 0)
#define JS_FALSE JS_MKVAL(JS_TAG_BOOL, 0)
#define JS_TRUE JS_MKVAL(JS_TAG_BOOL, 1)
#define JS_EXCEPTION JS_MKVAL(JS_TAG_EXCEPTION, 0)
#define JS_UNINITIALIZED JS_MKVAL(JS_TAG_UNINITIALIZED, 0)

/* Property flags. */
#define JS_PROP_CONFIGURABLE (1 << 0)
#define JS_PROP_WRITABLE (1 << 1)
#define JS_PROP_ENUMERABLE (1 << 2)
#define JS_PROP_C_W_E (JS_PROP_CONFIGURABLE | JS_PROP_WRITABLE | JS_PROP_ENUMERABLE)
#define JS_PROP_LENGTH (1 << 3)
#define JS_PROP_TMASK (3 << 4)
#define JS_PROP_NORMAL (0 << 4)
#define JS_PROP_GETSET (1 << 4)
#define JS_PROP_VARREF (2 << 4)
#define JS_PROP_AUTOINIT (3 << 4)

/* Flags for JS_DefineProperty. */
#define JS_PROP_HAS_SHIFT 8
#define JS_PROP_HAS_CONFIGURABLE (1 << 8)
#define JS_PROP_HAS_WRITABLE (1 << 9)
#define JS_PROP_HAS_ENUMERABLE (1 << 10)
#define JS_PROP_HAS_GET (1 << 11)
#define JS_PROP_HAS_SET (1 << 12)
#define JS_PROP_HAS_VALUE (1 << 13)
/* Throw an exception if false would be returned (JS_DefineProperty/JS_SetProperty). */
#define JS_PROP_THROW (1 << 14)
/* Throw an exception if false would be returned in strict mode (JS_SetProperty). */
#define JS_PROP_THROW_STRICT (1 << 15)
#define JS_PROP_NO_ADD (1 << 16)
#define JS_PROP_NO_EXOTIC (1 << 17)

#define JS_DEFAULT_STACK_SIZE (1024 * 1024)

/* JS_Eval() flags. */
#define JS_EVAL_TYPE_GLOBAL (0 << 0)
#define JS_EVAL_TYPE_MODULE (1 << 0)
#define JS_EVAL_TYPE_DIRECT (2 << 0)   /* internal use */
#define JS_EVAL_TYPE_INDIRECT (3 << 0) /* internal use */
#define JS_EVAL_TYPE_MASK (3 << 0)
#define JS_EVAL_FLAG_STRICT (1 << 3)
#define JS_EVAL_FLAG_STRIP (1 << 4)
/* Compile but do not run: the result is a function (script) or module object to pass to
   JS_EvalFunction(). */
#define JS_EVAL_FLAG_COMPILE_ONLY (1 << 5)
/* Do not include the stack frames before this eval in the Error() backtraces. */
#define JS_EVAL_FLAG_BACKTRACE_BARRIER (1 << 6)
/* Allow top-level await in a global script; the result is a promise. */
#define JS_EVAL_FLAG_ASYNC (1 << 7)

typedef JSValue JSCFunction(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv);
typedef JSValue JSCFunctionMagic(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv,
                                 int magic);
typedef JSValue JSCFunctionData(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv,
                                int magic, JSValue* func_data);

typedef struct JSMallocState {
    size_t malloc_count;
    size_t malloc_size;
    size_t malloc_limit;
    void* opaque; /* user opaque */
} JSMallocState;

typedef struct JSMallocFunctions {
    void* (*js_malloc)(JSMallocState* s, size_t size);
    void (*js_free)(JSMallocState* s, void* ptr);
    void* (*js_realloc)(JSMallocState* s, void* ptr, size_t size);
    size_t (*js_malloc_usable_size)(const void* ptr);
} JSMallocFunctions;

/* ---- runtime ---- */
JSRuntime* JS_NewRuntime(void);
/* `info` is a static string describing the runtime (for memory dumps). */
void JS_SetRuntimeInfo(JSRuntime* rt, const char* info);
/* Total bytes the runtime may allocate; 0 or (size_t)-1 disables the limit. */
void JS_SetMemoryLimit(JSRuntime* rt, size_t limit);
/* Number of heap cells after which the cycle collector runs; (size_t)-1 disables it. */
void JS_SetGCThreshold(JSRuntime* rt, size_t gc_threshold);
/* Bytes of native stack the engine may use below the current position; 0 disables the check. */
void JS_SetMaxStackSize(JSRuntime* rt, size_t stack_size);
/* Call when the stack top moved (another thread or coroutine): recomputes the stack limit. */
void JS_UpdateStackTop(JSRuntime* rt);
JSRuntime* JS_NewRuntime2(const JSMallocFunctions* mf, void* opaque);
void JS_FreeRuntime(JSRuntime* rt);
/* qjs extension: JS_FreeRuntime, returning the number of heap cells that were still referenced (each
   is reported on stderr, then freed). The shells exit with status 1 when it is not zero. */
size_t JS_FreeRuntimeLeakCount(JSRuntime* rt);
void* JS_GetRuntimeOpaque(JSRuntime* rt);
void JS_SetRuntimeOpaque(JSRuntime* rt, void* opaque);
typedef void JS_MarkFunc(JSRuntime* rt, JSGCObjectHeader* gp);
void JS_MarkValue(JSRuntime* rt, JSValueConst val, JS_MarkFunc* mark_func);
void JS_RunGC(JSRuntime* rt);
JS_BOOL JS_IsLiveObject(JSRuntime* rt, JSValueConst obj);

/* ---- contexts ---- */
JSContext* JS_NewContext(JSRuntime* rt);
void JS_FreeContext(JSContext* s);
JSContext* JS_DupContext(JSContext* ctx);
void* JS_GetContextOpaque(JSContext* ctx);
void JS_SetContextOpaque(JSContext* ctx, void* opaque);
JSRuntime* JS_GetRuntime(JSContext* ctx);
void JS_SetClassProto(JSContext* ctx, JSClassID class_id, JSValue obj);
JSValue JS_GetClassProto(JSContext* ctx, JSClassID class_id);

/* A context with no intrinsics, completed by the JS_AddIntrinsic* calls. In qjs a realm's
   intrinsics are created together, so JS_NewContextRaw already holds all of them and the
   JS_AddIntrinsic* functions do nothing (see docs/API.md). */
JSContext* JS_NewContextRaw(JSRuntime* rt);
void JS_AddIntrinsicBaseObjects(JSContext* ctx);
void JS_AddIntrinsicDate(JSContext* ctx);
void JS_AddIntrinsicEval(JSContext* ctx);
void JS_AddIntrinsicStringNormalize(JSContext* ctx);
void JS_AddIntrinsicRegExpCompiler(JSContext* ctx);
void JS_AddIntrinsicRegExp(JSContext* ctx);
void JS_AddIntrinsicJSON(JSContext* ctx);
void JS_AddIntrinsicProxy(JSContext* ctx);
void JS_AddIntrinsicMapSet(JSContext* ctx);
void JS_AddIntrinsicTypedArrays(JSContext* ctx);
void JS_AddIntrinsicPromise(JSContext* ctx);
void JS_AddIntrinsicBigInt(JSContext* ctx);
void JS_AddIntrinsicWeakRef(JSContext* ctx);

/* ---- memory ---- */
void* js_malloc_rt(JSRuntime* rt, size_t size);
void js_free_rt(JSRuntime* rt, void* ptr);
void* js_realloc_rt(JSRuntime* rt, void* ptr, size_t size);
size_t js_malloc_usable_size_rt(JSRuntime* rt, const void* ptr);
void* js_mallocz_rt(JSRuntime* rt, size_t size);
/* The context forms throw an out-of-memory error when they fail. */
void* js_malloc(JSContext* ctx, size_t size);
void js_free(JSContext* ctx, void* ptr);
void* js_realloc(JSContext* ctx, void* ptr, size_t size);
size_t js_malloc_usable_size(JSContext* ctx, const void* ptr);
void* js_mallocz(JSContext* ctx, size_t size);
char* js_strdup(JSContext* ctx, const char* str);
char* js_strndup(JSContext* ctx, const char* s, size_t n);

typedef struct JSMemoryUsage {
    int64_t malloc_size, malloc_limit, memory_used_size;
    int64_t malloc_count;
    int64_t memory_used_count;
    int64_t atom_count, atom_size;
    int64_t str_count, str_size;
    int64_t obj_count, obj_size;
    int64_t prop_count, prop_size;
    int64_t shape_count, shape_size;
    int64_t js_func_count, js_func_size, js_func_code_size;
    int64_t js_func_pc2line_count, js_func_pc2line_size;
    int64_t c_func_count, array_count;
    int64_t fast_array_count, fast_array_elements;
    int64_t binary_object_count, binary_object_size;
} JSMemoryUsage;

void JS_ComputeMemoryUsage(JSRuntime* rt, JSMemoryUsage* s);
void JS_DumpMemoryUsage(FILE* fp, const JSMemoryUsage* s, JSRuntime* rt);

/* ---- atoms ---- */
#define JS_ATOM_NULL 0

JSAtom JS_NewAtomLen(JSContext* ctx, const char* str, size_t len);
JSAtom JS_NewAtom(JSContext* ctx, const char* str);
JSAtom JS_NewAtomUInt32(JSContext* ctx, uint32_t n);
JSAtom JS_DupAtom(JSContext* ctx, JSAtom v);
void JS_FreeAtom(JSContext* ctx, JSAtom v);
void JS_FreeAtomRT(JSRuntime* rt, JSAtom v);
JSValue JS_AtomToValue(JSContext* ctx, JSAtom atom);
JSValue JS_AtomToString(JSContext* ctx, JSAtom atom);
const char* JS_AtomToCString(JSContext* ctx, JSAtom atom);
JSAtom JS_ValueToAtom(JSContext* ctx, JSValueConst val);

/* ---- classes ---- */
typedef struct JSPropertyEnum {
    JS_BOOL is_enumerable;
    JSAtom atom;
} JSPropertyEnum;

typedef struct JSPropertyDescriptor {
    int flags;
    JSValue value;
    JSValue getter;
    JSValue setter;
} JSPropertyDescriptor;

typedef struct JSClassExoticMethods {
    /* Return -1 on exception, FALSE if the property does not exist, TRUE if it exists; when
       `desc` is not NULL and the property exists, it is filled. */
    int (*get_own_property)(JSContext* ctx, JSPropertyDescriptor* desc, JSValueConst obj, JSAtom prop);
    /* `*ptab` is allocated with js_malloc; -1 on exception. */
    int (*get_own_property_names)(JSContext* ctx, JSPropertyEnum** ptab, uint32_t* plen, JSValueConst obj);
    /* -1 on exception, FALSE or TRUE. */
    int (*delete_property)(JSContext* ctx, JSValueConst obj, JSAtom prop);
    int (*define_own_property)(JSContext* ctx, JSValueConst this_obj, JSAtom prop, JSValueConst val,
                               JSValueConst getter, JSValueConst setter, int flags);
    int (*has_property)(JSContext* ctx, JSValueConst obj, JSAtom atom);
    JSValue (*get_property)(JSContext* ctx, JSValueConst obj, JSAtom atom, JSValueConst receiver);
    int (*set_property)(JSContext* ctx, JSValueConst obj, JSAtom atom, JSValueConst value,
                        JSValueConst receiver, int flags);
    JSValue (*get_prototype)(JSContext* ctx, JSValueConst obj);
    int (*set_prototype)(JSContext* ctx, JSValueConst obj, JSValueConst proto_val);
    int (*is_extensible)(JSContext* ctx, JSValueConst obj);
    int (*prevent_extensions)(JSContext* ctx, JSValueConst obj);
} JSClassExoticMethods;

typedef void JSClassFinalizer(JSRuntime* rt, JSValue val);
typedef void JSClassGCMark(JSRuntime* rt, JSValueConst val, JS_MarkFunc* mark_func);
#define JS_CALL_FLAG_CONSTRUCTOR (1 << 0)
typedef JSValue JSClassCall(JSContext* ctx, JSValueConst func_obj, JSValueConst this_val, int argc,
                            JSValueConst* argv, int flags);

typedef struct JSClassDef {
    const char* class_name;
    JSClassFinalizer* finalizer;
    JSClassGCMark* gc_mark;
    /* When non-NULL, objects of the class are functions: `this_val` is new.target when `flags`
       has JS_CALL_FLAG_CONSTRUCTOR. */
    JSClassCall* call;
    /* Exotic behaviour: not supported yet by qjs (JS_NewClass fails when it is set). */
    JSClassExoticMethods* exotic;
} JSClassDef;

#define JS_INVALID_CLASS_ID 0
/* Allocates a class id, global to the process, when *pclass_id is 0; returns *pclass_id. */
JSClassID JS_NewClassID(JSClassID* pclass_id);
/* The class id of an object (JS_INVALID_CLASS_ID for non-objects and builtin objects). */
JSClassID JS_GetClassID(JSValueConst v);
int JS_NewClass(JSRuntime* rt, JSClassID class_id, const JSClassDef* class_def);
JS_BOOL JS_IsRegisteredClass(JSRuntime* rt, JSClassID class_id);

/* ---- value constructors ---- */
static js_force_inline JSValue JS_NewBool(JSContext* ctx, JS_BOOL val) {
    (void)ctx;
    return JS_MKVAL(JS_TAG_BOOL, (val != 0));
}
static js_force_inline JSValue JS_NewInt32(JSContext* ctx, int32_t val) {
    (void)ctx;
    return JS_MKVAL(JS_TAG_INT, val);
}
static js_force_inline JSValue JS_NewCatchOffset(JSContext* ctx, int32_t val) {
    (void)ctx;
    return JS_MKVAL(JS_TAG_CATCH_OFFSET, val);
}
static js_force_inline JSValue JS_NewFloat64(JSContext* ctx, double d) {
    /* An integer-valued double in the int32 range (and not -0) is stored as an int. */
    if (d >= INT32_MIN && d <= INT32_MAX) {
        int32_t i = (int32_t)d;
        union {
            double d;
            uint64_t u;
        } a, b;
        a.d = d;
        b.d = (double)i;
        if (a.u == b.u) return JS_MKVAL(JS_TAG_INT, i);
    }
    return __JS_NewFloat64(ctx, d);
}
static js_force_inline JSValue JS_NewInt64(JSContext* ctx, int64_t val) {
    if (val == (int32_t)val) return JS_NewInt32(ctx, (int32_t)val);
    return __JS_NewFloat64(ctx, (double)val);
}
static js_force_inline JSValue JS_NewUint32(JSContext* ctx, uint32_t val) {
    if (val <= 0x7fffffff) return JS_NewInt32(ctx, (int32_t)val);
    return __JS_NewFloat64(ctx, (double)val);
}
JSValue JS_NewBigInt64(JSContext* ctx, int64_t v);
JSValue JS_NewBigUint64(JSContext* ctx, uint64_t v);

static inline JS_BOOL JS_IsNumber(JSValueConst v) {
    int tag = JS_VALUE_GET_TAG(v);
    return tag == JS_TAG_INT || tag == JS_TAG_FLOAT64;
}
static inline JS_BOOL JS_IsBigInt(JSContext* ctx, JSValueConst v) {
    (void)ctx;
    int tag = JS_VALUE_GET_TAG(v);
    return tag == JS_TAG_BIG_INT || tag == JS_TAG_SHORT_BIG_INT;
}
static inline JS_BOOL JS_IsBool(JSValueConst v) {
    return JS_VALUE_GET_TAG(v) == JS_TAG_BOOL;
}
static inline JS_BOOL JS_IsNull(JSValueConst v) {
    return JS_VALUE_GET_TAG(v) == JS_TAG_NULL;
}
static inline JS_BOOL JS_IsUndefined(JSValueConst v) {
    return JS_VALUE_GET_TAG(v) == JS_TAG_UNDEFINED;
}
static inline JS_BOOL JS_IsException(JSValueConst v) {
    return js_unlikely(JS_VALUE_GET_TAG(v) == JS_TAG_EXCEPTION);
}
static inline JS_BOOL JS_IsUninitialized(JSValueConst v) {
    return js_unlikely(JS_VALUE_GET_TAG(v) == JS_TAG_UNINITIALIZED);
}
static inline JS_BOOL JS_IsString(JSValueConst v) {
    return JS_VALUE_GET_TAG(v) == JS_TAG_STRING || JS_VALUE_GET_TAG(v) == JS_TAG_STRING_ROPE;
}
static inline JS_BOOL JS_IsSymbol(JSValueConst v) {
    return JS_VALUE_GET_TAG(v) == JS_TAG_SYMBOL;
}
static inline JS_BOOL JS_IsObject(JSValueConst v) {
    return JS_VALUE_GET_TAG(v) == JS_TAG_OBJECT;
}

/* ---- exceptions ---- */
/* Throws `obj` (consumed); returns JS_EXCEPTION. */
JSValue JS_Throw(JSContext* ctx, JSValue obj);
/* Takes the pending exception (the caller owns it); JS_NULL when none is pending. */
JSValue JS_GetException(JSContext* ctx);
JS_BOOL JS_HasException(JSContext* ctx);
JS_BOOL JS_IsError(JSContext* ctx, JSValueConst val);
void JS_ResetUncatchableError(JSContext* ctx);
JSValue JS_NewError(JSContext* ctx);
JSValue __js_printf_like(2, 3) JS_ThrowSyntaxError(JSContext* ctx, const char* fmt, ...);
JSValue __js_printf_like(2, 3) JS_ThrowTypeError(JSContext* ctx, const char* fmt, ...);
JSValue __js_printf_like(2, 3) JS_ThrowReferenceError(JSContext* ctx, const char* fmt, ...);
JSValue __js_printf_like(2, 3) JS_ThrowRangeError(JSContext* ctx, const char* fmt, ...);
JSValue __js_printf_like(2, 3) JS_ThrowInternalError(JSContext* ctx, const char* fmt, ...);
JSValue JS_ThrowOutOfMemory(JSContext* ctx);

/* ---- reference counts ---- */
/* Drops a value whose count reached zero (do not call directly). */
void __JS_FreeValueRT(JSRuntime* rt, JSValue v);
void __JS_FreeValue(JSContext* ctx, JSValue v);

static inline void JS_FreeValue(JSContext* ctx, JSValue v) {
    if (JS_VALUE_HAS_REF_COUNT(v)) {
        JSRefCountHeader* p = (JSRefCountHeader*)JS_VALUE_GET_PTR(v);
        if (--p->ref_count <= 0) __JS_FreeValue(ctx, v);
    }
}
static inline void JS_FreeValueRT(JSRuntime* rt, JSValue v) {
    if (JS_VALUE_HAS_REF_COUNT(v)) {
        JSRefCountHeader* p = (JSRefCountHeader*)JS_VALUE_GET_PTR(v);
        if (--p->ref_count <= 0) __JS_FreeValueRT(rt, v);
    }
}
static inline JSValue JS_DupValue(JSContext* ctx, JSValueConst v) {
    (void)ctx;
    if (JS_VALUE_HAS_REF_COUNT(v)) {
        JSRefCountHeader* p = (JSRefCountHeader*)JS_VALUE_GET_PTR(v);
        p->ref_count++;
    }
    return v;
}
static inline JSValue JS_DupValueRT(JSRuntime* rt, JSValueConst v) {
    (void)rt;
    if (JS_VALUE_HAS_REF_COUNT(v)) {
        JSRefCountHeader* p = (JSRefCountHeader*)JS_VALUE_GET_PTR(v);
        p->ref_count++;
    }
    return v;
}

JS_BOOL JS_StrictEq(JSContext* ctx, JSValueConst op1, JSValueConst op2);
JS_BOOL JS_SameValue(JSContext* ctx, JSValueConst op1, JSValueConst op2);
JS_BOOL JS_SameValueZero(JSContext* ctx, JSValueConst op1, JSValueConst op2);

/* ---- conversions: each returns -1 on exception, 0 on success (JS_ToBool: -1, 0 or 1) ---- */
int JS_ToBool(JSContext* ctx, JSValueConst val);
int JS_ToInt32(JSContext* ctx, int32_t* pres, JSValueConst val);
static inline int JS_ToUint32(JSContext* ctx, uint32_t* pres, JSValueConst val) {
    return JS_ToInt32(ctx, (int32_t*)pres, val);
}
int JS_ToInt64(JSContext* ctx, int64_t* pres, JSValueConst val);
int JS_ToIndex(JSContext* ctx, uint64_t* plen, JSValueConst val);
int JS_ToFloat64(JSContext* ctx, double* pres, JSValueConst val);
/* Throws a TypeError if val is not a BigInt (or convertible to one). */
int JS_ToBigInt64(JSContext* ctx, int64_t* pres, JSValueConst val);
/* Like JS_ToInt64 but for a BigInt too. */
int JS_ToInt64Ext(JSContext* ctx, int64_t* pres, JSValueConst val);

JSValue JS_NewStringLen(JSContext* ctx, const char* str1, size_t len1);
JSValue JS_NewString(JSContext* ctx, const char* str);
JSValue JS_NewAtomString(JSContext* ctx, const char* str);
JSValue JS_ToString(JSContext* ctx, JSValueConst val);
JSValue JS_ToPropertyKey(JSContext* ctx, JSValueConst val);
/* UTF-8 text of ToString(val), NUL-terminated, freed with JS_FreeCString; NULL on exception. Lone
   surrogates are encoded as three bytes each when cesu8 is set, else replaced by U+FFFD. */
const char* JS_ToCStringLen2(JSContext* ctx, size_t* plen, JSValueConst val1, JS_BOOL cesu8);
static inline const char* JS_ToCStringLen(JSContext* ctx, size_t* plen, JSValueConst val1) {
    return JS_ToCStringLen2(ctx, plen, val1, 0);
}
static inline const char* JS_ToCString(JSContext* ctx, JSValueConst val1) {
    return JS_ToCStringLen2(ctx, NULL, val1, 0);
}
void JS_FreeCString(JSContext* ctx, const char* ptr);

/* ---- objects ---- */
JSValue JS_NewObjectProtoClass(JSContext* ctx, JSValueConst proto, JSClassID class_id);
JSValue JS_NewObjectClass(JSContext* ctx, int class_id);
JSValue JS_NewObjectProto(JSContext* ctx, JSValueConst proto);
JSValue JS_NewObject(JSContext* ctx);

JS_BOOL JS_IsFunction(JSContext* ctx, JSValueConst val);
JS_BOOL JS_IsConstructor(JSContext* ctx, JSValueConst val);
JS_BOOL JS_SetConstructorBit(JSContext* ctx, JSValueConst func_obj, JS_BOOL val);

JSValue JS_NewArray(JSContext* ctx);
/* -1 on exception (a revoked proxy), else FALSE or TRUE. */
int JS_IsArray(JSContext* ctx, JSValueConst val);

JSValue JS_NewDate(JSContext* ctx, double epoch_ms);

JSValue JS_GetProperty(JSContext* ctx, JSValueConst this_obj, JSAtom prop);
JSValue JS_GetPropertyInternal(JSContext* ctx, JSValueConst obj, JSAtom prop, JSValueConst receiver,
                               JS_BOOL throw_ref_error);
JSValue JS_GetPropertyStr(JSContext* ctx, JSValueConst this_obj, const char* prop);
JSValue JS_GetPropertyUint32(JSContext* ctx, JSValueConst this_obj, uint32_t idx);
JSValue JS_GetPropertyInt64(JSContext* ctx, JSValueConst this_obj, int64_t idx);

/* The Set functions consume `val`. They return -1 on exception, else TRUE (FALSE when the
   assignment failed and neither JS_PROP_THROW nor strict mode asked for a TypeError). */
int JS_SetPropertyInternal(JSContext* ctx, JSValueConst obj, JSAtom prop, JSValue val, JSValueConst this_obj,
                           int flags);
int JS_SetProperty(JSContext* ctx, JSValueConst this_obj, JSAtom prop, JSValue val);
int JS_SetPropertyUint32(JSContext* ctx, JSValueConst this_obj, uint32_t idx, JSValue val);
int JS_SetPropertyInt64(JSContext* ctx, JSValueConst this_obj, int64_t idx, JSValue val);
int JS_SetPropertyStr(JSContext* ctx, JSValueConst this_obj, const char* prop, JSValue val);
int JS_HasProperty(JSContext* ctx, JSValueConst this_obj, JSAtom prop);
int JS_IsExtensible(JSContext* ctx, JSValueConst obj);
int JS_PreventExtensions(JSContext* ctx, JSValueConst obj);
int JS_DeleteProperty(JSContext* ctx, JSValueConst obj, JSAtom prop, int flags);
int JS_SetPrototype(JSContext* ctx, JSValueConst obj, JSValueConst proto_val);
/* A new reference to the prototype (JS_NULL when none); JS_EXCEPTION on error. */
JSValue JS_GetPrototype(JSContext* ctx, JSValueConst val);

#define JS_GPN_STRING_MASK (1 << 0)
#define JS_GPN_SYMBOL_MASK (1 << 1)
#define JS_GPN_PRIVATE_MASK (1 << 2)
/* only include the enumerable properties */
#define JS_GPN_ENUM_ONLY (1 << 4)
/* set the JSPropertyEnum.is_enumerable field */
#define JS_GPN_SET_ENUM (1 << 5)

int JS_GetOwnPropertyNames(JSContext* ctx, JSPropertyEnum** ptab, uint32_t* plen, JSValueConst obj,
                           int flags);
void JS_FreePropertyEnum(JSContext* ctx, JSPropertyEnum* tab, uint32_t len);
/* -1 on exception, FALSE if absent, TRUE if present (then *desc, when non-NULL, holds new references). */
int JS_GetOwnProperty(JSContext* ctx, JSPropertyDescriptor* desc, JSValueConst obj, JSAtom prop);

JSValue JS_Call(JSContext* ctx, JSValueConst func_obj, JSValueConst this_obj, int argc, JSValueConst* argv);
JSValue JS_Invoke(JSContext* ctx, JSValueConst this_val, JSAtom atom, int argc, JSValueConst* argv);
JSValue JS_CallConstructor(JSContext* ctx, JSValueConst func_obj, int argc, JSValueConst* argv);
JSValue JS_CallConstructor2(JSContext* ctx, JSValueConst func_obj, JSValueConst new_target, int argc,
                            JSValueConst* argv);
/* TRUE when `input` looks like a module (it has import or export statements). */
JS_BOOL JS_DetectModule(const char* input, size_t input_len);
/* `input` must be NUL-terminated (input[input_len] == '\0'), as in QuickJS. */
JSValue JS_Eval(JSContext* ctx, const char* input, size_t input_len, const char* filename, int eval_flags);
JSValue JS_EvalThis(JSContext* ctx, JSValueConst this_obj, const char* input, size_t input_len,
                    const char* filename, int eval_flags);
JSValue JS_GetGlobalObject(JSContext* ctx);
int JS_IsInstanceOf(JSContext* ctx, JSValueConst val, JSValueConst obj);
/* The Define functions return -1 on exception, else TRUE or FALSE (FALSE only without JS_PROP_THROW). */
int JS_DefineProperty(JSContext* ctx, JSValueConst this_obj, JSAtom prop, JSValueConst val,
                      JSValueConst getter, JSValueConst setter, int flags);
int JS_DefinePropertyValue(JSContext* ctx, JSValueConst this_obj, JSAtom prop, JSValue val, int flags);
int JS_DefinePropertyValueUint32(JSContext* ctx, JSValueConst this_obj, uint32_t idx, JSValue val, int flags);
int JS_DefinePropertyValueStr(JSContext* ctx, JSValueConst this_obj, const char* prop, JSValue val,
                              int flags);
int JS_DefinePropertyGetSet(JSContext* ctx, JSValueConst this_obj, JSAtom prop, JSValue getter,
                            JSValue setter, int flags);
void JS_SetOpaque(JSValue obj, void* opaque);
void* JS_GetOpaque(JSValueConst obj, JSClassID class_id);
/* Like JS_GetOpaque but throws a TypeError when obj is not of class `class_id`. */
void* JS_GetOpaque2(JSContext* ctx, JSValueConst obj, JSClassID class_id);
void* JS_GetAnyOpaque(JSValueConst obj, JSClassID* class_id);

/* `buf` must be NUL-terminated (buf[buf_len] == '\0'). */
JSValue JS_ParseJSON(JSContext* ctx, const char* buf, size_t buf_len, const char* filename);
#define JS_PARSE_JSON_EXT (1 << 0) /* accepted, ignored: qjs parses standard JSON only */
JSValue JS_ParseJSON2(JSContext* ctx, const char* buf, size_t buf_len, const char* filename, int flags);
JSValue JS_JSONStringify(JSContext* ctx, JSValueConst obj, JSValueConst replacer, JSValueConst space0);

/* ---- binary data ---- */
typedef void JSFreeArrayBufferDataFunc(JSRuntime* rt, void* opaque, void* ptr);
/* The buffer's bytes stay owned by the caller until free_func(rt, opaque, buf) is called, when
   the ArrayBuffer is freed or detached. */
JSValue JS_NewArrayBuffer(JSContext* ctx, uint8_t* buf, size_t len, JSFreeArrayBufferDataFunc* free_func,
                          void* opaque, JS_BOOL is_shared);
JSValue JS_NewArrayBufferCopy(JSContext* ctx, const uint8_t* buf, size_t len);
void JS_DetachArrayBuffer(JSContext* ctx, JSValueConst obj);
/* The data of an ArrayBuffer (NULL with an exception if obj is not one, or is detached). */
uint8_t* JS_GetArrayBuffer(JSContext* ctx, size_t* psize, JSValueConst obj);
/* Shared memory between runtimes (os.Worker): with these set, a SharedArrayBuffer written by
   JS_WriteObject with JS_WRITE_OBJ_SAB moves its data block to sab_alloc'ed memory (once) and the
   image carries the block's address; JS_ReadObject with JS_READ_OBJ_SAB makes a SharedArrayBuffer
   on the same block (sab_dup), freed with sab_free. Only read images written by this process with
   JS_READ_OBJ_SAB: the address is trusted. A growable SharedArrayBuffer cannot be shared. */
typedef struct JSSharedArrayBufferFunctions {
    void* (*sab_alloc)(void* opaque, size_t size);
    void (*sab_free)(void* opaque, void* ptr);
    void (*sab_dup)(void* opaque, void* ptr);
    void* sab_opaque;
} JSSharedArrayBufferFunctions;
void JS_SetSharedArrayBufferFunctions(JSRuntime* rt, const JSSharedArrayBufferFunctions* sf);

/* Atomics.wait, Atomics.waitAsync and Atomics.notify between threads sharing memory (the engine has no
   threads or locks of its own: the host keeps the waiter list). Without these set, Atomics.wait only
   times out (an infinite wait throws), Atomics.notify wakes nobody and Atomics.waitAsync never settles.
   `addr` is the element's address in the shared block, so a waiter list keyed by it (block + byte index)
   matches across runtimes; `size` is 4 (Int32Array) or 8 (BigInt64Array), `expected` the element's bits
   sign-extended, `timeout` in milliseconds (INFINITY: none).
   wait: Atomics.wait. Atomically with notify, returns JS_ATOMICS_WAIT_NOT_EQUAL when the element is not
     `expected`; else blocks the calling thread until a notify wakes it (JS_ATOMICS_WAIT_OK) or the
     timeout passes (JS_ATOMICS_WAIT_TIMED_OUT). -1 with an exception thrown on `ctx` to give up (e.g.
     the agent is being terminated). Not called when JS_SetCanBlock(rt, FALSE) (a TypeError instead).
   wait_async: Atomics.waitAsync with a timeout > 0. Atomically with notify, returns
     JS_ATOMICS_WAIT_NOT_EQUAL, or registers a waiter and returns JS_ATOMICS_WAIT_OK keeping its own
     reference to `resolve` (JS_DupValue): when a notify wakes it or the timeout passes, the host calls
     resolve("ok" / "timed-out") on the waiting runtime's thread and frees it. -1 on failure (thrown).
   notify: Atomics.notify. Wakes up to `count` waiters (INFINITY: all) on `addr` in the order they
     started waiting; returns how many it woke. */
#define JS_ATOMICS_WAIT_OK 0
#define JS_ATOMICS_WAIT_NOT_EQUAL 1
#define JS_ATOMICS_WAIT_TIMED_OUT 2
typedef struct JSAtomicsWaitFunctions {
    int (*wait)(void* opaque, JSContext* ctx, void* addr, int size, int64_t expected, double timeout);
    int (*wait_async)(void* opaque, JSContext* ctx, void* addr, int size, int64_t expected, double timeout,
                      JSValueConst resolve);
    int64_t (*notify)(void* opaque, JSContext* ctx, void* addr, double count);
    void* opaque;
} JSAtomicsWaitFunctions;
void JS_SetAtomicsWaitFunctions(JSRuntime* rt, const JSAtomicsWaitFunctions* af);

typedef enum JSTypedArrayEnum {
    JS_TYPED_ARRAY_UINT8C = 0,
    JS_TYPED_ARRAY_INT8,
    JS_TYPED_ARRAY_UINT8,
    JS_TYPED_ARRAY_INT16,
    JS_TYPED_ARRAY_UINT16,
    JS_TYPED_ARRAY_INT32,
    JS_TYPED_ARRAY_UINT32,
    JS_TYPED_ARRAY_BIG_INT64,
    JS_TYPED_ARRAY_BIG_UINT64,
    JS_TYPED_ARRAY_FLOAT16,
    JS_TYPED_ARRAY_FLOAT32,
    JS_TYPED_ARRAY_FLOAT64,
} JSTypedArrayEnum;

/* new XxxArray(...argv) */
JSValue JS_NewTypedArray(JSContext* ctx, int argc, JSValueConst* argv, JSTypedArrayEnum array_type);
/* The typed array's buffer (new reference) and, when the pointers are non-NULL, its byte offset,
   byte length and element size. JS_EXCEPTION when obj is not a typed array. */
JSValue JS_GetTypedArrayBuffer(JSContext* ctx, JSValueConst obj, size_t* pbyte_offset, size_t* pbyte_length,
                               size_t* pbytes_per_element);
/* The JSTypedArrayEnum of obj, -1 when it is not a typed array. */
int JS_GetTypedArrayType(JSValueConst obj);

/* ---- promises and jobs ---- */
typedef enum JSPromiseStateEnum {
    JS_PROMISE_PENDING,
    JS_PROMISE_FULFILLED,
    JS_PROMISE_REJECTED,
} JSPromiseStateEnum;

/* A pending promise; resolving_funcs[0] and [1] receive its resolve and reject functions. */
JSValue JS_NewPromiseCapability(JSContext* ctx, JSValue* resolving_funcs);
/* -1 when `promise` is not a promise. */
JSPromiseStateEnum JS_PromiseState(JSContext* ctx, JSValue promise);
/* The fulfilment value or rejection reason (new reference); undefined while pending. */
JSValue JS_PromiseResult(JSContext* ctx, JSValue promise);
JS_BOOL JS_IsPromise(JSValueConst val);

typedef void JSHostPromiseRejectionTracker(JSContext* ctx, JSValueConst promise, JSValueConst reason,
                                           JS_BOOL is_handled, void* opaque);
void JS_SetHostPromiseRejectionTracker(JSRuntime* rt, JSHostPromiseRejectionTracker* cb, void* opaque);

/* Returns non-zero to interrupt the running script (an uncatchable InternalError "interrupted"). */
typedef int JSInterruptHandler(JSRuntime* rt, void* opaque);
void JS_SetInterruptHandler(JSRuntime* rt, JSInterruptHandler* cb, void* opaque);
/* If can_block is FALSE, Atomics.wait() throws a TypeError (the agent may not suspend; TRUE by default). */
void JS_SetCanBlock(JSRuntime* rt, JS_BOOL can_block);
/* Makes obj behave as [[IsHTMLDDA]] (document.all). */
void JS_SetIsHTMLDDA(JSContext* ctx, JSValueConst obj);
/* qjs extension: the realm's %AbstractModuleSource% constructor, which no global property names (hosts
   that define module source classes, and test262's $262.AbstractModuleSource). */
JSValue JS_GetAbstractModuleSource(JSContext* ctx);

/* ---- jobs ---- */
typedef JSValue JSJobFunc(JSContext* ctx, int argc, JSValueConst* argv);
int JS_EnqueueJob(JSContext* ctx, JSJobFunc* job_func, int argc, JSValueConst* argv);
JS_BOOL JS_IsJobPending(JSRuntime* rt);
/* Runs one pending job: < 0 if it threw (*pctx is then its context), 0 if none was pending, 1 if
   one ran. */
int JS_ExecutePendingJob(JSRuntime* rt, JSContext** pctx);

/* ---- compiled code ---- */
/* Runs a function or module returned by JS_Eval with JS_EVAL_FLAG_COMPILE_ONLY or by JS_ReadObject
   (consumed). For a module: loads its imports, links and evaluates it; the result is the promise of
   its evaluation. */
JSValue JS_EvalFunction(JSContext* ctx, JSValue fun_obj);

/* ---- C functions ---- */
typedef enum JSCFunctionEnum {
    JS_CFUNC_generic,
    JS_CFUNC_generic_magic,
    JS_CFUNC_constructor,
    JS_CFUNC_constructor_magic,
    JS_CFUNC_constructor_or_func,
    JS_CFUNC_constructor_or_func_magic,
    JS_CFUNC_f_f,
    JS_CFUNC_f_f_f,
    JS_CFUNC_getter,
    JS_CFUNC_setter,
    JS_CFUNC_getter_magic,
    JS_CFUNC_setter_magic,
    JS_CFUNC_iterator_next,
} JSCFunctionEnum;

typedef union JSCFunctionType {
    JSCFunction* generic;
    JSValue (*generic_magic)(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv, int magic);
    JSCFunction* constructor;
    JSValue (*constructor_magic)(JSContext* ctx, JSValueConst new_target, int argc, JSValueConst* argv,
                                 int magic);
    JSCFunction* constructor_or_func;
    double (*f_f)(double);
    double (*f_f_f)(double, double);
    JSValue (*getter)(JSContext* ctx, JSValueConst this_val);
    JSValue (*setter)(JSContext* ctx, JSValueConst this_val, JSValueConst val);
    JSValue (*getter_magic)(JSContext* ctx, JSValueConst this_val, int magic);
    JSValue (*setter_magic)(JSContext* ctx, JSValueConst this_val, JSValueConst val, int magic);
    JSValue (*iterator_next)(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv, int* pdone,
                             int magic);
} JSCFunctionType;

JSValue JS_NewCFunction2(JSContext* ctx, JSCFunction* func, const char* name, int length,
                         JSCFunctionEnum cproto, int magic);
/* The function receives func_data, a copy of data[0..data_len-1] held by the function object. */
JSValue JS_NewCFunctionData(JSContext* ctx, JSCFunctionData* func, int length, int magic, int data_len,
                            JSValueConst* data);

static inline JSValue JS_NewCFunction(JSContext* ctx, JSCFunction* func, const char* name, int length) {
    return JS_NewCFunction2(ctx, func, name, length, JS_CFUNC_generic, 0);
}
static inline JSValue JS_NewCFunctionMagic(JSContext* ctx, JSCFunctionMagic* func, const char* name,
                                           int length, JSCFunctionEnum cproto, int magic) {
    JSCFunctionType ft;
    ft.generic_magic = func;
    return JS_NewCFunction2(ctx, ft.generic, name, length, cproto, magic);
}
/* func_obj.prototype = proto and proto.constructor = func_obj (both non-enumerable). */
void JS_SetConstructor(JSContext* ctx, JSValueConst func_obj, JSValueConst proto);

/* ---- function lists ---- */
typedef struct JSCFunctionListEntry {
    const char* name;
    uint8_t prop_flags;
    uint8_t def_type;
    int16_t magic;
    union {
        struct {
            uint8_t length; /* XXX: should move outside union */
            uint8_t cproto; /* XXX: should move outside union */
            JSCFunctionType cfunc;
        } func;
        struct {
            JSCFunctionType get;
            JSCFunctionType set;
        } getset;
        struct {
            const char* name;
            int base;
        } alias;
        struct {
            const struct JSCFunctionListEntry* tab;
            int len;
        } prop_list;
        const char* str;
        int32_t i32;
        int64_t i64;
        double f64;
    } u;
} JSCFunctionListEntry;

#define JS_DEF_CFUNC 0
#define JS_DEF_CGETSET 1
#define JS_DEF_CGETSET_MAGIC 2
#define JS_DEF_PROP_STRING 3
#define JS_DEF_PROP_INT32 4
#define JS_DEF_PROP_INT64 5
#define JS_DEF_PROP_DOUBLE 6
#define JS_DEF_PROP_UNDEFINED 7
#define JS_DEF_OBJECT 8
#define JS_DEF_ALIAS 9

/* Fully designated initializers, so the tables compile as C99 and as C++20. */
#define JS_CFUNC_DEF(name_, length_, func1)                                                                  \
    {                                                                                                        \
        .name = name_, .prop_flags = JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE, .def_type = JS_DEF_CFUNC,      \
        .magic = 0, .u = {                                                                                   \
            .func = {.length = length_, .cproto = JS_CFUNC_generic, .cfunc = {.generic = func1}}             \
        }                                                                                                    \
    }
#define JS_CFUNC_MAGIC_DEF(name_, length_, func1, magic_)                                                    \
    {                                                                                                        \
        .name = name_, .prop_flags = JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE, .def_type = JS_DEF_CFUNC,      \
        .magic = magic_, .u = {                                                                              \
            .func = {.length = length_, .cproto = JS_CFUNC_generic_magic, .cfunc = {.generic_magic = func1}} \
        }                                                                                                    \
    }
#define JS_CFUNC_SPECIAL_DEF(name_, length_, cproto_, func1)                                                 \
    {                                                                                                        \
        .name = name_, .prop_flags = JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE, .def_type = JS_DEF_CFUNC,      \
        .magic = 0, .u = {                                                                                   \
            .func = {.length = length_, .cproto = JS_CFUNC_##cproto_, .cfunc = {.cproto_ = func1}}           \
        }                                                                                                    \
    }
#define JS_ITERATOR_NEXT_DEF(name_, length_, func1, magic_)                                                  \
    {                                                                                                        \
        .name = name_, .prop_flags = JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE, .def_type = JS_DEF_CFUNC,      \
        .magic = magic_, .u = {                                                                              \
            .func = {.length = length_, .cproto = JS_CFUNC_iterator_next, .cfunc = {.iterator_next = func1}} \
        }                                                                                                    \
    }
#define JS_CGETSET_DEF(name_, fgetter, fsetter)                                                              \
    {                                                                                                        \
        .name = name_, .prop_flags = JS_PROP_CONFIGURABLE, .def_type = JS_DEF_CGETSET, .magic = 0, .u = {    \
            .getset = {.get = {.getter = fgetter}, .set = {.setter = fsetter}}                               \
        }                                                                                                    \
    }
#define JS_CGETSET_MAGIC_DEF(name_, fgetter, fsetter, magic_)                                                \
    {                                                                                                        \
        .name = name_, .prop_flags = JS_PROP_CONFIGURABLE, .def_type = JS_DEF_CGETSET_MAGIC,                 \
        .magic = magic_, .u = {                                                                              \
            .getset = {.get = {.getter_magic = fgetter}, .set = {.setter_magic = fsetter}}                   \
        }                                                                                                    \
    }
#define JS_PROP_STRING_DEF(name_, cstr, prop_flags_)                                                         \
    {                                                                                                        \
        .name = name_, .prop_flags = prop_flags_, .def_type = JS_DEF_PROP_STRING, .magic = 0, .u = {         \
            .str = cstr                                                                                      \
        }                                                                                                    \
    }
#define JS_PROP_INT32_DEF(name_, val, prop_flags_)                                                           \
    {                                                                                                        \
        .name = name_, .prop_flags = prop_flags_, .def_type = JS_DEF_PROP_INT32, .magic = 0, .u = {          \
            .i32 = val                                                                                       \
        }                                                                                                    \
    }
#define JS_PROP_INT64_DEF(name_, val, prop_flags_)                                                           \
    {                                                                                                        \
        .name = name_, .prop_flags = prop_flags_, .def_type = JS_DEF_PROP_INT64, .magic = 0, .u = {          \
            .i64 = val                                                                                       \
        }                                                                                                    \
    }
#define JS_PROP_DOUBLE_DEF(name_, val, prop_flags_)                                                          \
    {                                                                                                        \
        .name = name_, .prop_flags = prop_flags_, .def_type = JS_DEF_PROP_DOUBLE, .magic = 0, .u = {         \
            .f64 = val                                                                                       \
        }                                                                                                    \
    }
#define JS_PROP_UNDEFINED_DEF(name_, prop_flags_)                                                            \
    {                                                                                                        \
        .name = name_, .prop_flags = prop_flags_, .def_type = JS_DEF_PROP_UNDEFINED, .magic = 0, .u = {      \
            .i32 = 0                                                                                         \
        }                                                                                                    \
    }
#define JS_OBJECT_DEF(name_, tab_, len_, prop_flags_)                                                        \
    {                                                                                                        \
        .name = name_, .prop_flags = prop_flags_, .def_type = JS_DEF_OBJECT, .magic = 0, .u = {              \
            .prop_list = {.tab = tab_, .len = len_}                                                          \
        }                                                                                                    \
    }
#define JS_ALIAS_DEF(name_, from)                                                                            \
    {                                                                                                        \
        .name = name_, .prop_flags = JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE, .def_type = JS_DEF_ALIAS,      \
        .magic = 0, .u = {                                                                                   \
            .alias = {.name = from, .base = -1}                                                              \
        }                                                                                                    \
    }
#define JS_ALIAS_BASE_DEF(name_, from, base_)                                                                \
    {                                                                                                        \
        .name = name_, .prop_flags = JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE, .def_type = JS_DEF_ALIAS,      \
        .magic = 0, .u = {                                                                                   \
            .alias = {.name = from, .base = base_}                                                           \
        }                                                                                                    \
    }

/* Names of the form "[Symbol.iterator]" name a well-known symbol. -1 on exception. */
int JS_SetPropertyFunctionList(JSContext* ctx, JSValueConst obj, const JSCFunctionListEntry* tab, int len);

/* ---- Heap snapshots (an extension of this engine; docs/SNAPSHOT.md) ----
   JS_WriteSnapshot saves the whole runtime: its contexts, every object and function, pending jobs,
   suspended async functions and generators, timers. It returns a buffer to free with js_free_rt, or
   NULL with a message in `error` (refused while JS code runs, e.g. from inside a C function, while an
   exception is pending, or when an object's class cannot be saved, e.g. one made with JS_NewClass).
   JS_RestoreSnapshot fills `rt`, a new runtime without contexts, from such bytes (validated: damaged
   or hostile bytes give an error, never a crash) and returns its first context, or NULL with a
   message (what the failed restore read is freed at once, host objects finalized; the runtime can be
   freed or given another restore). C functions are not saved, only their names: after a
   restore the host binds them again with JS_RebindCFunction (name and JSCFunctionEnum as given to
   JS_NewCFunction2); calling one that is not bound throws a TypeError. */
uint8_t* JS_WriteSnapshot(JSRuntime* rt, size_t* psize, char* error, size_t error_size);
JSContext* JS_RestoreSnapshot(JSRuntime* rt, const uint8_t* buf, size_t size, char* error, size_t error_size);
/* Delta snapshots: the last full snapshot written or restored is the runtime's base; a delta holds only
   what changed since then and is restored together with its base (both given, the base's bytes
   unchanged). */
uint8_t* JS_WriteSnapshotDelta(JSRuntime* rt, size_t* psize, char* error, size_t error_size);
JSContext* JS_RestoreSnapshotDelta(JSRuntime* rt, const uint8_t* base, size_t base_size, const uint8_t* delta,
                                   size_t delta_size, char* error, size_t error_size);
/* Objects of embedder classes (JS_NewClass) in heap snapshots (an extension): a class is saved only
   when it has snapshot hooks, otherwise JS_WriteSnapshot refuses with an error naming the class. The
   `write` hook saves the object's opaque data through the writer (the class is recorded by its name);
   JS_RestoreSnapshot finds the class by that name among the classes registered in the restoring runtime
   (JS_NewClass, then JS_SetClassSnapshotHooks, both before the restore) and its `read` hook rebuilds
   the opaque data (*popaque, then owned by the object: the finalizer frees it). A hook returns 0, or -1
   to refuse: write with JS_SnapshotWriterRefuse's reason, read because the bytes are wrong. Reads are
   bounds-checked (a read past the object's data fails). Values written with JS_SnapshotWriteValue come
   back from JS_SnapshotReadValue as new references to be marked by gc_mark; the objects they name may
   not be filled yet while `read` runs, so it must not look inside them. Returns -1 when the class is
   not registered in `rt`. */
typedef struct JSSnapshotWriter JSSnapshotWriter;
typedef struct JSSnapshotReader JSSnapshotReader;
typedef int JSClassSnapshotWrite(JSRuntime* rt, JSValueConst obj, void* opaque, JSSnapshotWriter* w);
typedef int JSClassSnapshotRead(JSRuntime* rt, JSSnapshotReader* r, void** popaque);
int JS_SetClassSnapshotHooks(JSRuntime* rt, JSClassID class_id, JSClassSnapshotWrite* write,
                             JSClassSnapshotRead* read);
void JS_SnapshotWriteU64(JSSnapshotWriter* w, uint64_t v);
/* A block of bytes (its length is recorded). */
void JS_SnapshotWriteBytes(JSSnapshotWriter* w, const void* data, size_t len);
void JS_SnapshotWriteValue(JSSnapshotWriter* w, JSValueConst v);
/* Makes the snapshot fail with "objects of class NAME cannot be snapshotted: REASON". */
void JS_SnapshotWriterRefuse(JSSnapshotWriter* w, const char* reason);
/* Each returns 0, or -1 when the data is truncated or malformed (the restore then fails). */
int JS_SnapshotReadU64(JSSnapshotReader* r, uint64_t* pv);
/* The next JS_SnapshotWriteBytes block: a view of *plen bytes, valid while the restore runs. */
int JS_SnapshotReadBytes(JSSnapshotReader* r, const uint8_t** pdata, size_t* plen);
int JS_SnapshotReadValue(JSSnapshotReader* r, JSValue* pv);
/* Makes the restore fail with REASON (copied) when the `read` hook then returns -1. */
void JS_SnapshotReaderFail(JSSnapshotReader* r, const char* reason);
/* Per-runtime data for a class's snapshot hooks (an extension), e.g. a table to find host data by
   name on restore: `free_func` (may be NULL) receives it at JS_FreeRuntime, after the runtime's
   garbage objects are finalized, or when it is replaced. -1 when the class is not registered. */
int JS_SetClassSnapshotOpaque(JSRuntime* rt, JSClassID class_id, void* opaque,
                              void (*free_func)(JSRuntime* rt, void* opaque));
void* JS_GetClassSnapshotOpaque(JSRuntime* rt, JSClassID class_id);
/* Deterministic mode (an extension): Date.now() and new Date() return `time_ms` (milliseconds since the
   epoch; call again to move the clock) and Math.random in contexts created afterwards starts from
   `random_seed`, so a run can be replayed exactly. */
void JS_SetDeterministic(JSRuntime* rt, double time_ms, uint64_t random_seed);
/* Returns the number of functions bound (0 when none of that name and kind was restored). */
int JS_RebindCFunction(JSRuntime* rt, const char* name, JSCFunctionEnum cproto, JSCFunctionType func);
/* Binds every unbound function made with JS_NewCFunctionData (they have no name) to `func`. Returns the
   number bound. */
int JS_RebindCFunctionData(JSRuntime* rt, JSCFunctionData* func);
/* JS_NewCFunctionData recorded under `host_name` (also the function's name) for snapshots (an
   extension): after a restore, JS_RebindCFunctionDataNamed binds only the functions of that name and
   C function, where JS_RebindCFunctionData binds every unnamed one. Returns the number bound. */
JSValue JS_NewCFunctionDataNamed(JSContext* ctx, JSCFunctionData* func, const char* host_name, int length,
                                 int magic, int data_len, JSValueConst* data);
int JS_RebindCFunctionDataNamed(JSRuntime* rt, const char* host_name, JSCFunctionData* func);
/* Binds every unbound C function of a restored runtime from `template_rt`, a runtime on which the host
   ran the same setup (so the same C functions were registered in the same order): entries are matched
   by position, name and kind. Returns the number bound. */
int JS_RebindCFunctionsFrom(JSRuntime* rt, JSRuntime* template_rt);

/* ---- The host-driven event loop (an extension of this engine; src/loop) ----
   JS_AddTimerGlobals defines setTimeout, clearTimeout, setInterval, clearInterval and queueMicrotask on
   the context's global object (0, or -1 with an exception pending). Timers belong to the runtime: they
   are saved by JS_WriteSnapshot with their remaining delay, and JS_FreeRuntime drops those still pending.
   JS_LoopOnce is one turn of the loop: it runs the pending jobs, then the earliest due timer and the
   jobs it queued, and returns the milliseconds until the next timer is due (> 0: the host may sleep that
   long), 0 (more work now: call again), -1 (idle: no jobs, no timers) or -2 (a job or callback threw:
   the exception is pending, JS_GetException takes it). The host keeps its own loop around it. */
int JS_AddTimerGlobals(JSContext* ctx);
int JS_LoopOnce(JSRuntime* rt);

/* ---- modules ---- */
/* A module record. JS_Eval(JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY) and JS_ReadObject return
   one as a value with tag JS_TAG_MODULE (its pointer is the JSModuleDef); the realm's module registry
   keeps it alive, the value holds a reference of its own (free it with JS_FreeValue). */
typedef struct JSModuleDef JSModuleDef;

/* Returns the resolved name of `module_name` imported by the module `module_base_name`, allocated
   with js_malloc; NULL with an exception pending. */
typedef char* JSModuleNormalizeFunc(JSContext* ctx, const char* module_base_name, const char* module_name,
                                    void* opaque);
/* Returns the module of resolved name `module_name` (compiled with JS_Eval + COMPILE_ONLY, read with
   JS_ReadObject or made with JS_NewCModule); NULL with an exception pending. */
typedef JSModuleDef* JSModuleLoaderFunc(JSContext* ctx, const char* module_name, void* opaque);
/* module_normalize NULL: the default ("./x" and "../x" relative to the importing module's directory,
   other names unchanged). module_loader NULL: no module can be imported. */
void JS_SetModuleLoaderFunc(JSRuntime* rt, JSModuleNormalizeFunc* module_normalize,
                            JSModuleLoaderFunc* module_loader, void* opaque);
/* Reads the bytes of the module `module_name` (a resolved name) for an import with `with { type: "json" }`,
   `"text"` or `"bytes"` (import attributes): a js_malloc'ed buffer with its length in *plen, or NULL with
   an exception pending. The engine makes the module: its only export, `default`, is the parsed JSON, the
   text (UTF-8), or a Uint8Array over an immutable ArrayBuffer of the bytes. Without a reader these
   imports are TypeErrors, except JSON from a name ending in ".json", which module_loader makes.
   (An extension of this engine.) */
typedef uint8_t* JSModuleReadFunc(JSContext* ctx, const char* module_name, size_t* plen, void* opaque);
void JS_SetModuleReadFunc(JSRuntime* rt, JSModuleReadFunc* module_read, void* opaque);
/* import.meta of the module (new reference). */
JSValue JS_GetImportMeta(JSContext* ctx, JSModuleDef* m);
/* The module's resolved name (a new atom reference). */
JSAtom JS_GetModuleName(JSContext* ctx, JSModuleDef* m);
/* The module's namespace object (new reference). */
JSValue JS_GetModuleNamespace(JSContext* ctx, JSModuleDef* m);

/* C modules: `func` runs when the module is evaluated and sets the exports declared before. */
typedef int JSModuleInitFunc(JSContext* ctx, JSModuleDef* m);
JSModuleDef* JS_NewCModule(JSContext* ctx, const char* name_str, JSModuleInitFunc* func);
/* Declares an export; only before the module is linked (in the loader). -1 on exception. */
int JS_AddModuleExport(JSContext* ctx, JSModuleDef* m, const char* name_str);
int JS_AddModuleExportList(JSContext* ctx, JSModuleDef* m, const JSCFunctionListEntry* tab, int len);
/* Sets a declared export's value (val is consumed). -1 on exception. */
int JS_SetModuleExport(JSContext* ctx, JSModuleDef* m, const char* export_name, JSValue val);
int JS_SetModuleExportList(JSContext* ctx, JSModuleDef* m, const JSCFunctionListEntry* tab, int len);
/* The file name (script or module name) of the function n_stack_levels up the stack (0: the
   innermost running function); JS_ATOM_NULL when there is none. A new atom reference. */
JSAtom JS_GetScriptOrModuleName(JSContext* ctx, int n_stack_levels);
/* Loads the modules imported by the module `obj` (one returned by JS_ReadObject), recursively.
   Does nothing for other values. -1 on exception. */
int JS_ResolveModule(JSContext* ctx, JSValueConst obj);

/* Debug information dropped from code compiled by JS_Eval from now on (qjs -s, --strip-source):
   JS_STRIP_SOURCE drops the source text (Function.prototype.toString shows "[native code]"),
   JS_STRIP_DEBUG also the file names and line tables (backtraces show function names only). */
#define JS_STRIP_SOURCE (1 << 0)
#define JS_STRIP_DEBUG (1 << 1)
void JS_SetStripInfo(JSRuntime* rt, int flags);
int JS_GetStripInfo(JSRuntime* rt);

/* ---- binary objects ---- */
/* JS_WriteObject writes compiled code (with JS_WRITE_OBJ_BYTECODE: a function returned by JS_Eval
   with JS_EVAL_FLAG_COMPILE_ONLY, or a module) as a bytecode image (docs/BYTECODE.md), and values as
   "binary JSON": primitives, arrays, plain objects, ArrayBuffers, typed arrays and Dates (with
   JS_WRITE_OBJ_REFERENCE, shared objects and cycles; without it a cycle is a TypeError). Returns a buffer
   allocated with js_malloc (free with js_free), NULL on exception. */
#define JS_WRITE_OBJ_BYTECODE (1 << 0)  /* allow function/module */
#define JS_WRITE_OBJ_BSWAP (1 << 1)     /* ignored: images are little-endian on every host */
#define JS_WRITE_OBJ_SAB (1 << 2)       /* allow SharedArrayBuffer */
#define JS_WRITE_OBJ_REFERENCE (1 << 3) /* allow object references (shared subobjects and cycles) */
uint8_t* JS_WriteObject(JSContext* ctx, size_t* psize, JSValueConst obj, int flags);
uint8_t* JS_WriteObject2(JSContext* ctx, size_t* psize, JSValueConst obj, int flags, uint8_t*** psab_tab,
                         size_t* psab_tab_len);
#define JS_READ_OBJ_BYTECODE (1 << 0)  /* allow function/module */
#define JS_READ_OBJ_ROM_DATA (1 << 1)  /* ignored: the data is always copied */
#define JS_READ_OBJ_SAB (1 << 2)       /* allow SharedArrayBuffer */
#define JS_READ_OBJ_REFERENCE (1 << 3) /* allow object references */
/* Reads what JS_WriteObject wrote, validating every field: corrupt or truncated bytes give an
   exception, never a crash. A script comes back as a function for JS_EvalFunction, a module as a
   JS_TAG_MODULE value (JS_ResolveModule, then JS_EvalFunction), a value as itself (references need
   JS_READ_OBJ_REFERENCE). */
JSValue JS_ReadObject(JSContext* ctx, const uint8_t* buf, size_t buf_len, int flags);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* QUICKJS_H */
