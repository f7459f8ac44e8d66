// The quickjs.h API from C++ (the header must compile as C++ with its function-list macros), and
// the engine fixes the API relies on.
#include "quickjs.h"

#include "runtime/Context.h"
#include "runtime/Object.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

namespace {

struct ApiFixture : ::testing::Test {
    JSRuntime* rt = nullptr;
    JSContext* ctx = nullptr;
    void SetUp() override {
        rt = JS_NewRuntime();
        ctx = JS_NewContext(rt);
    }
    void TearDown() override {
        JS_FreeContext(ctx);
        JS_FreeRuntime(rt);
    }
    // ToString of the completion value, or "throws <exception>".
    std::string run(const char* src) {
        JSValue v = JS_Eval(ctx, src, std::strlen(src), "<test>", JS_EVAL_TYPE_GLOBAL);
        bool threw = JS_IsException(v);
        if (threw) v = JS_GetException(ctx);
        const char* s = JS_ToCString(ctx, v);
        std::string out = (threw ? "throws " : "") + std::string(s ? s : "?");
        JS_FreeCString(ctx, s);
        JS_FreeValue(ctx, v);
        return out;
    }
};

JSValue cpp_sum(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    double total = 0;
    for (int i = 0; i < argc; ++i) {
        double d;
        if (JS_ToFloat64(ctx, &d, argv[i])) return JS_EXCEPTION;
        total += d;
    }
    return JS_NewFloat64(ctx, total);
}

JSValue cpp_tag(JSContext* ctx, JSValueConst, int, JSValueConst*, int magic) {
    return JS_NewInt32(ctx, magic);
}

const JSCFunctionListEntry kFuncs[] = {
    JS_CFUNC_DEF("sum", 0, cpp_sum),
    JS_CFUNC_MAGIC_DEF("tag", 0, cpp_tag, 4),
    JS_PROP_STRING_DEF("lang", "c++", JS_PROP_C_W_E),
    JS_PROP_DOUBLE_DEF("half", 0.5, 0),
};

TEST_F(ApiFixture, FunctionListFromCpp) {
    JSValue global = JS_GetGlobalObject(ctx);
    JSValue lib = JS_NewObject(ctx);
    ASSERT_EQ(JS_SetPropertyFunctionList(ctx, lib, kFuncs, 4), 0);
    JS_SetPropertyStr(ctx, global, "lib", lib);
    JS_FreeValue(ctx, global);
    EXPECT_EQ(run("lib.sum(1, 2, 3.5)"), "6.5");
    EXPECT_EQ(run("lib.tag() + lib.lang + lib.half"), "4c++0.5");
    EXPECT_EQ(run("lib.sum(Symbol())"), "throws TypeError: Cannot convert a Symbol value to a number");
}

TEST_F(ApiFixture, ValuesRoundTrip) {
    JSValue s = JS_NewString(ctx, "abc");
    JSValue t = JS_DupValue(ctx, s);
    EXPECT_EQ(static_cast<JSRefCountHeader*>(JS_VALUE_GET_PTR(s))->ref_count >= 2, true);
    JS_FreeValue(ctx, s);
    size_t len = 0;
    const char* c = JS_ToCStringLen(ctx, &len, t);
    EXPECT_EQ(std::string(c, len), "abc");
    JS_FreeCString(ctx, c);
    JS_FreeValue(ctx, t);
    int64_t v = 0;
    EXPECT_EQ(JS_ToInt64Ext(ctx, &v, JS_NewInt64(ctx, -(1LL << 40))), 0);
    EXPECT_EQ(v, -(1LL << 40));
}

TEST_F(ApiFixture, ExceptionsCrossTheBoundary) {
    EXPECT_EQ(run("throw new TypeError('t')"), "throws TypeError: t");
    EXPECT_FALSE(JS_HasException(ctx));
    JS_ThrowRangeError(ctx, "%s-%d", "r", 1);
    EXPECT_TRUE(JS_HasException(ctx));
    JSValue ex = JS_GetException(ctx);
    EXPECT_TRUE(JS_IsError(ctx, ex));
    JS_FreeValue(ctx, ex);
}

TEST_F(ApiFixture, MemoryLimitIsCatchableInScript) {
    JS_SetMemoryLimit(rt, 8 * 1024 * 1024);
    // Typed array storage fails as a RangeError (the spec's "cannot allocate"), plain objects as an
    // InternalError; both are catchable, and the runtime goes on working after.
    EXPECT_EQ(run("var r; try { new Float64Array(2 * 1024 * 1024); } catch (e) { r = e } String(r)"),
              "RangeError: Array buffer allocation failed");
    // Filling the memory with buffers: the allocation that meets the limit is usually a buffer's, but
    // may be a small one (the typed array object, the array's growth) when less than that is left.
    EXPECT_EQ(run("var r; try { let a = []; for (;;) a.push(new Float64Array(4096)); } catch (e) { r = e } "
                  "String(r) === 'RangeError: Array buffer allocation failed' || "
                  "String(r) === 'InternalError: out of memory'"),
              "true");
    EXPECT_EQ(run("var r; try { let a = []; for (;;) a.push({x: [1, 2, 3]}); } catch (e) { r = e } r = null; "
                  "'caught'"),
              "caught");
    JS_SetMemoryLimit(rt, 0);
    EXPECT_EQ(run("new Array(1000).fill(1).length"), "1000");
}

// Value's move assignment must read its source before releasing the old value: here the old value
// (the last reference to an object) owns the slot the new value is moved from.
TEST(ValueRegression, MoveAssignFromInsideTheReleasedObject) {
    qjs::Runtime* rt = qjs::Runtime::create();
    qjs::Context* ctx = qjs::Context::create(*rt);
    {
        qjs::Value holder = qjs::new_object(*ctx);
        qjs::Object* o = holder.as_object();
        qjs::Value inner = qjs::new_object(*ctx);
        ASSERT_TRUE(
            qjs::define_fresh_property(*ctx, o, qjs::atoms::value, std::move(inner), qjs::prop::Default));
        // `holder` is the object's only owner; moving its own slot into it frees the object.
        holder = std::move(o->slot(0));
        EXPECT_TRUE(holder.is_object());
        EXPECT_NE(holder.as_object(), o);
    }
    ctx->release();
    EXPECT_EQ(rt->destroy(), 0u);
}

} // namespace
