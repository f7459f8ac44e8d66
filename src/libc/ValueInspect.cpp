// ValueInspect.cpp: how print, console.log and the REPL show values, close to QuickJS 2025's qjs:
// strings as they are at the top level (quoted inside structures and in the REPL), -0, 10n, Symbol(x),
// [Function f], { a: 1 }, [ 1, 2 ] (holes and extra keys as `index: value`), Map(1) { k => v },
// Set(1) { v }, Uint8Array(2) [ 1, 2 ], Dates as ISO strings, errors with their stack, other builtin
// classes as `Name {  }`, nesting cut at depth 2 ([Object], [Array]), at most 100 items shown, cycles
// as [circular N]. The inspector is JavaScript, compiled once per context; it takes the intrinsics it
// uses when it is made (a program may delete the globals later: qjsc -fno-*), and does without the
// missing ones.
#include "libc/LibcState.h"

#include <cstring>

namespace qjs::libc {

namespace {

const char k_inspector_source[] = R"JS((function (Map, Set, Date, RegExp, JSON, Int8Array) {
    "use strict";
    const MAX_ITEMS = 100, MAX_DEPTH = 2;
    const typedArrayProto = Int8Array ? Object.getPrototypeOf(Int8Array.prototype) : null;
    const quote = JSON ? JSON.stringify : (s) => '"' + s + '"';
    const toStringTag = (v) => Object.prototype.toString.call(v).slice(8, -1);
    const keyText = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) || /^(0|[1-9][0-9]*)$/.test(k) ? k : quote(k));
    function list(open, items, more, close) {
        if (more > 0) items.push("... " + more + " more item" + (more > 1 ? "s" : ""));
        return open + " " + items.join(", ") + " " + close;
    }
    function fmt(v, depth, stack, top) {
        switch (typeof v) {
        case "string": return top ? v : quote(v);
        case "number": return Object.is(v, -0) ? "-0" : String(v);
        case "bigint": return v + "n";
        case "symbol":
            return top ? "Symbol(" + quote(v.description === undefined ? "" : v.description) + ")" : String(v);
        case "undefined": return "undefined";
        case "boolean": return String(v);
        case "function": return "[Function " + (v.name ? v.name : "(anonymous)") + "]";
        }
        if (v === null) return "null";
        const seen = stack.indexOf(v);
        if (seen >= 0) return "[circular " + seen + "]";
        if (v instanceof Error) {
            const s = typeof v.stack === "string" ? v.stack.replace(/\n$/, "") : "";
            return String(v) + (s ? "\n" + s : "");
        }
        if (Date && v instanceof Date) return isNaN(v.getTime()) ? "Invalid Date" : v.toISOString();
        if (RegExp && v instanceof RegExp) return String(v);
        const isArray = Array.isArray(v), isTyped = typedArrayProto !== null && typedArrayProto.isPrototypeOf(v);
        if (depth >= MAX_DEPTH) return isArray || isTyped ? "[Array]" : "[Object]";
        stack.push(v);
        try {
            const tag = toStringTag(v);
            const items = [];
            let more = 0;
            if ((Map && v instanceof Map) || (Set && v instanceof Set)) {
                const isMap = Map && v instanceof Map;
                for (const e of v) {
                    if (items.length >= MAX_ITEMS) { more++; continue; }
                    items.push(isMap ? fmt(e[0], depth + 1, stack, false) + " => " + fmt(e[1], depth + 1, stack, false)
                                     : fmt(e, depth + 1, stack, false));
                }
                return list((isMap ? "Map(" : "Set(") + v.size + ") {", items, more, "}");
            }
            const keys = Object.keys(v);
            let next = 0;
            for (const k of keys) {
                if (items.length >= MAX_ITEMS) { more++; continue; }
                let desc = Object.getOwnPropertyDescriptor(v, k), shown;
                if (desc && !("value" in desc)) shown = desc.get ? (desc.set ? "[Getter/Setter]" : "[Getter]") : "[Setter]";
                else shown = fmt(v[k], depth + 1, stack, false);
                if ((isArray || isTyped) && k === String(next)) { items.push(shown); next++; }
                else items.push(keyText(k) + ": " + shown);
            }
            if (isTyped) return list(tag + "(" + v.length + ") [", items, more, "]");
            if (isArray) return list("[", items, more, "]");
            const proto = Object.getPrototypeOf(v);
            const plain = proto === null || proto === Object.prototype || tag === "Object";
            return list(plain ? "{" : tag + " {", items, more, "}");
        } finally {
            stack.pop();
        }
    }
    return (v, quoteStrings) => fmt(v, 0, [], !quoteStrings);
})(globalThis.Map, globalThis.Set, globalThis.Date, globalThis.RegExp, globalThis.JSON, globalThis.Int8Array))JS";

} // namespace

JSValue make_inspector(JSContext* ctx) {
    return JS_Eval(ctx, k_inspector_source, std::strlen(k_inspector_source), "<inspect>",
                   JS_EVAL_TYPE_GLOBAL);
}

bool inspect_value(JSContext* ctx, JSValueConst inspector, JSValueConst v, bool quote_strings,
                   std::string* out) {
    if (!quote_strings && JS_IsString(v)) return to_std_string(ctx, v, out);
    JSValue args[2] = {v, JS_NewBool(ctx, quote_strings)};
    JSValue r = JS_Call(ctx, inspector, JS_UNDEFINED, 2, args);
    if (JS_IsException(r)) return false;
    bool ok = to_std_string(ctx, r, out);
    JS_FreeValue(ctx, r);
    return ok;
}

} // namespace qjs::libc
