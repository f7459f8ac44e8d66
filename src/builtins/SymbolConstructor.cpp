// SymbolConstructor.cpp: the Symbol constructor and its properties (ECMA-262 20.4.1, 20.4.2),
// including the runtime-wide GlobalSymbolRegistry behind Symbol.for / Symbol.keyFor.
#include "builtins/Builtins.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/String.h"
#include "runtime/Symbol.h"

namespace qjs {

bool install_symbol_prototype(Context&, Object* proto); // SymbolPrototype.cpp

// A new symbol with the given description (a String or undefined) and its own atom.
static Value new_symbol(Context& ctx, Value description, bool registered) {
    Runtime& rt = ctx.rt();
    Symbol* sym = rt.new_cell<Symbol>(0);
    if (!sym) return ctx.throw_out_of_memory();
    Value result = Value::adopt(Tag::Symbol, sym);
    sym->description = std::move(description);
    sym->is_registered = registered;
    // Only a registered symbol can be found again from its description: the others' atoms are freed
    // with them.
    if (!rt.new_symbol_atom(sym, !registered)) return ctx.throw_out_of_memory();
    return result;
}

// 20.4.1.1 Symbol ( [ description ] ) (#sec-symbol-description)
static Value symbol_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is not undefined, throw a TypeError exception.
    if (args.is_construct()) return ctx.throw_type_error("Symbol is not a constructor");
    // 2. If description is undefined, let descString be undefined.
    // 3. Else, let descString be ? ToString(description).
    Value desc_string;
    if (!args.arg(0).is_undefined()) desc_string = TRY(to_string(ctx, args.arg(0)));
    // 4. Return a new Symbol whose [[Description]] is descString.
    return new_symbol(ctx, std::move(desc_string), false);
}

// The GlobalSymbolRegistry (#sec-globalsymbolregistry) is a null-prototype object mapping each key
// (as a property key) to its symbol. It is shared by every realm of the runtime and lives in the
// heap, so snapshots carry it.
static Object* symbol_registry(Context& ctx) {
    return ctx.intrinsic(Intrinsic::SymbolRegistry);
}

// 20.4.2.2 Symbol.for ( key ) (#sec-symbol.for)
static Value symbol_for(Context& ctx, const CallArgs& args) {
    // 1. Let stringKey be ? ToString(key).
    Value string_key = TRY(to_string(ctx, args.arg(0)));
    Atom key = TRY(to_property_key(ctx, string_key));
    Object* registry = symbol_registry(ctx);
    // 2. For each element e of the GlobalSymbolRegistry List, do
    //    a. If e.[[Key]] is stringKey, return e.[[Symbol]].
    int32_t slot = find_own_slot(registry, key);
    if (slot >= 0) return registry->slot(slot);
    // 3. Assert: The GlobalSymbolRegistry List does not currently contain an entry for stringKey.
    // 4. Let newSymbol be a new Symbol whose [[Description]] is stringKey.
    Value new_sym = TRY(new_symbol(ctx, std::move(string_key), true));
    // 5. Append the GlobalSymbolRegistry Record { [[Key]]: stringKey, [[Symbol]]: newSymbol } to the
    //    GlobalSymbolRegistry List.
    if (!define_fresh_property(ctx, registry, key, new_sym, prop::Default)) return Exception{};
    // 6. Return newSymbol.
    return new_sym;
}

// 20.4.2.6 Symbol.keyFor ( sym ) (#sec-symbol.keyfor)
static Value symbol_key_for(Context& ctx, const CallArgs& args) {
    // 1. If sym is not a Symbol, throw a TypeError exception.
    if (!args.arg(0).is_symbol()) return ctx.throw_type_error("Symbol.keyFor: argument is not a symbol");
    // 2. Return KeyForSymbol(sym).
    // 20.4.5.1 KeyForSymbol ( sym ) (#sec-keyforsymbol)
    // 1. For each element e of the GlobalSymbolRegistry List, if SameValue(e.[[Symbol]], sym) is true,
    //    return e.[[Key]]. (A registered symbol's description is its key.)
    Symbol* sym = args.arg(0).as_symbol();
    if (sym->is_registered) return sym->description;
    // 2-3. Return undefined.
    return Value::undefined();
}

static const FunctionListEntry kSymbolStaticFunctions[] = {
    QJS_FUNC("for", 1, symbol_for),
    QJS_FUNC("keyFor", 1, symbol_key_for),
};

// 20.4.2 Properties of the Symbol Constructor (#sec-properties-of-the-symbol-constructor)
bool install_symbol(Context& ctx) {
    // The registry is runtime-wide: reuse another realm's, or create it for the first realm.
    if (!ctx.intrinsic(Intrinsic::SymbolRegistry)) {
        Object* shared = nullptr;
        for (Context* other : ctx.rt().m_contexts) {
            if (other != &ctx && !other->m_released && other->intrinsic(Intrinsic::SymbolRegistry)) {
                shared = other->intrinsic(Intrinsic::SymbolRegistry);
                break;
            }
        }
        if (shared) {
            ctx.set_intrinsic(Intrinsic::SymbolRegistry, shared);
        } else {
            Value registry = new_object_with_proto(ctx, nullptr);
            if (registry.is_exception()) return false;
            ctx.set_intrinsic(Intrinsic::SymbolRegistry, registry.as_object());
        }
    }

    // 20.4.3 The Symbol prototype object is an ordinary object (not a Symbol instance).
    Object* proto = ctx.intrinsic(Intrinsic::SymbolPrototype);
    Value proto_value;
    if (!proto) {
        proto_value = new_object(ctx);
        if (proto_value.is_exception()) return false;
        proto = proto_value.as_object();
        ctx.set_intrinsic(Intrinsic::SymbolPrototype, proto);
    }
    Object* ctor = define_builtin_constructor(ctx, symbol_constructor, "Symbol", 0, proto);
    if (!ctor) return false;
    ctx.set_intrinsic(Intrinsic::Symbol, ctor);
    if (!define_function_list(ctx, ctor, kSymbolStaticFunctions)) return false;
    // 20.4.2.1 Symbol.asyncIterator ... 20.4.2.16 Symbol.unscopables: the well-known symbols,
    // { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }.
    static const char* const kWellKnownNames[] = {
#define QJS_SYMBOL(id, text) #id,
#include "runtime/WellKnownSymbols.def"
#undef QJS_SYMBOL
    };
    for (size_t i = 0; i < static_cast<size_t>(WellKnownSymbol::Count); i++) {
        Atom name = ctx.rt().intern_ascii(kWellKnownNames[i]);
        if (!name) return ctx.throw_out_of_memory(), false;
        Symbol* sym = ctx.rt().well_known_symbol(static_cast<WellKnownSymbol>(i));
        if (!define_fresh_property(ctx, ctor, name, Value::symbol(sym), 0)) return false;
    }
    return install_symbol_prototype(ctx, proto);
}

} // namespace qjs
