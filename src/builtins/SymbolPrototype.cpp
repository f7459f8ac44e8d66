// SymbolPrototype.cpp: the properties of %Symbol.prototype% (ECMA-262 20.4.3).
#include "runtime/Context.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/PrimitiveWrapper.h"
#include "runtime/String.h"
#include "runtime/Symbol.h"

namespace qjs {

// 20.4.3.4.1 ThisSymbolValue ( value ) (#sec-thissymbolvalue)
// Returns a borrowed Symbol*, or nullptr with a TypeError pending.
static Symbol* this_symbol_value(Context& ctx, const Value& value, const char* method) {
    // 1. If value is a Symbol, return value.
    if (value.is_symbol()) return value.as_symbol();
    // 2. If value is an Object and value has a [[SymbolData]] internal slot, then
    //    a-b. Return value.[[SymbolData]].
    if (const Value* data = primitive_of(value, ClassId::Symbol)) return data->as_symbol();
    // 3. Throw a TypeError exception.
    ctx.throw_type_error("%s requires that 'this' be a Symbol", method);
    return nullptr;
}

// 20.4.3.3.1 SymbolDescriptiveString ( sym ) (#sec-symboldescriptivestring)
static Value symbol_descriptive_string(Context& ctx, Symbol* sym) {
    // 1. Let desc be sym's [[Description]] value.
    // 2. If desc is undefined, set desc to the empty String.
    // 3. Assert: desc is a String.
    // 4. Return the string-concatenation of "Symbol(", desc, and ")".
    StringBuilder sb(ctx.rt());
    sb.append_ascii("Symbol(");
    if (sym->description.is_string()) sb.append(sym->description.as_string());
    sb.append(u')');
    String* s = sb.finish();
    if (!s) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, s);
}

// 20.4.3.2 get Symbol.prototype.description (#sec-symbol.prototype.description)
static Value symbol_proto_description(Context& ctx, const CallArgs& args) {
    // 1. Let s be the this value.
    // 2. Let sym be ? ThisSymbolValue(s).
    Symbol* sym = this_symbol_value(ctx, args.this_value, "Symbol.prototype.description");
    if (!sym) return Exception{};
    // 3. Return sym.[[Description]].
    return sym->description;
}

// 20.4.3.3 Symbol.prototype.toString ( ) (#sec-symbol.prototype.tostring)
static Value symbol_proto_to_string(Context& ctx, const CallArgs& args) {
    // 1. Let sym be ? ThisSymbolValue(this value).
    Symbol* sym = this_symbol_value(ctx, args.this_value, "Symbol.prototype.toString");
    if (!sym) return Exception{};
    // 2. Return SymbolDescriptiveString(sym).
    return symbol_descriptive_string(ctx, sym);
}

// 20.4.3.4 Symbol.prototype.valueOf ( ) (#sec-symbol.prototype.valueof)
// 20.4.3.5 Symbol.prototype [ %Symbol.toPrimitive% ] ( hint ) (#sec-symbol.prototype-%symbol.toprimitive%)
static Value symbol_proto_value_of(Context& ctx, const CallArgs& args) {
    // 1. Return ? ThisSymbolValue(this value).
    Symbol* sym = this_symbol_value(
        ctx, args.this_value, args.magic ? "Symbol.prototype [ @@toPrimitive ]" : "Symbol.prototype.valueOf");
    if (!sym) return Exception{};
    return Value::symbol(sym);
}

static const FunctionListEntry kSymbolPrototypeFunctions[] = {
    QJS_GETTER("description", symbol_proto_description),
    QJS_FUNC("toString", 0, symbol_proto_to_string),
    QJS_FUNC("valueOf", 0, symbol_proto_value_of),
    // { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }
    {"[Symbol.toPrimitive]", FunctionListEntry::Kind::Method, prop::Configurable, 1, 1, symbol_proto_value_of,
     nullptr, 0, nullptr},
    // 20.4.3.6 Symbol.prototype [ %Symbol.toStringTag% ] (#sec-symbol.prototype-%symbol.tostringtag%)
    QJS_PROP_STRING("[Symbol.toStringTag]", "Symbol", prop::Configurable),
};

// 20.4.3 Properties of the Symbol Prototype Object (#sec-properties-of-the-symbol-prototype-object)
bool install_symbol_prototype(Context& ctx, Object* proto) {
    return define_function_list(ctx, proto, kSymbolPrototypeFunctions);
}

} // namespace qjs
