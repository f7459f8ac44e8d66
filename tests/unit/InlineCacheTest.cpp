// InlineCacheTest.cpp: property-access inline caches never take their fast path on exotic objects
// (here: module namespace objects, which need a module loader; tests/js/inline-cache-exotic.js
// covers Proxy, typed arrays, String wrappers and arguments objects).
#include "api/Engine.h"

#include <gtest/gtest.h>

#include <string>

namespace qjs::api {
namespace {

bool load_dep(void*, const std::string& specifier, const std::string&, std::string* resolved,
              std::string* source) {
    if (specifier != "dep.mjs") return false;
    *resolved = "dep.mjs";
    *source = "export let x = 1; export function bump() { x++; }";
    return true;
}

EvalResult run_module(const char* source) {
    Engine* engine = engine_new();
    set_module_loader(engine, load_dep, nullptr);
    Realm* realm = realm_new(engine);
    EvalResult r = eval_module(realm, source, "main.mjs");
    realm_free(realm);
    EXPECT_EQ(engine_free(engine), 0u);
    return r;
}

TEST(InlineCache, ModuleNamespaceAfterWarmup) {
    // Sites warmed on null-prototype ordinary objects (a namespace's prototype is null too).
    EvalResult r = run_module(R"(
        import * as ns from "dep.mjs";
        // Warm the sites on ordinary objects built like a namespace: null prototype, then a
        // non-writable, non-enumerable, non-configurable @@toStringTag.
        function like_ns() {
            const o = Object.create(null);
            Object.defineProperty(o, Symbol.toStringTag, { value: "Module" });
            return o;
        }
        function get(o) { return o.x; }
        function set(o) { o.x = 5; }
        function add(o) { o.y = 1; }
        for (let i = 0; i < 20; i++) {
            const o = like_ns();
            o.x = 2;
            get(o); set(o);
            add(like_ns());
        }
        if (get(ns) !== 1) throw new Error("get: " + get(ns));
        ns.bump();
        if (get(ns) !== 2) throw new Error("live binding: " + get(ns));
        let threw = false;
        try { set(ns); } catch (e) { threw = e instanceof TypeError; }
        if (!threw) throw new Error("assigning to a namespace export must throw");
        threw = false;
        try { add(ns); } catch (e) { threw = e instanceof TypeError; }
        if (!threw) throw new Error("adding to a namespace must throw");
        if ("y" in ns) throw new Error("a namespace gained a property");
        if (Object.keys(ns).join() !== "bump,x") throw new Error("keys: " + Object.keys(ns).join());
        if (get(ns) !== 2) throw new Error("value changed: " + get(ns));
    )");
    EXPECT_TRUE(r.ok) << r.error_name << ": " << r.error_message;
}

TEST(InlineCache, ProxyTrapsAfterWarmup) {
    EvalResult r = run_module(R"(
        function f(o) { o.x = 1; }
        for (let i = 0; i < 20; i++) f(Object.create(null));
        let traps = 0;
        const p = new Proxy(Object.create(null), { set() { traps++; return true; } });
        f(p); f(p);
        if (traps !== 2) throw new Error("set trap calls: " + traps);
    )");
    EXPECT_TRUE(r.ok) << r.error_name << ": " << r.error_message;
}

} // namespace
} // namespace qjs::api
