// Classes.cpp: ClassDefinitionEvaluation core (15.7.14), instance field initialization and private
// names (private elements are own properties keyed by private symbols, read and written straight
// in the object's ordinary storage: they bypass proxies and exotic hooks, as the spec's
// [[PrivateElements]] list does).
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Object.h"
#include "runtime/String.h"
#include "runtime/Symbol.h"
#include "vm/FunctionObject.h"
#include "vm/SlowPaths.h"

namespace qjs {

Result<void> define_class(Context& ctx, Frame& f, FunctionBytecode* ctor_fb, uint8_t flags,
                          const Value& heritage, Value* ctor_out, Value* proto_out) {
    Object* proto_parent = ctx.intrinsic(Intrinsic::ObjectPrototype);
    Object* ctor_parent = ctx.intrinsic(Intrinsic::FunctionPrototype);
    Value proto_parent_hold;
    if (flags & 1) {
        // 8.a-h. Evaluate ClassHeritage.
        if (heritage.is_null()) {
            proto_parent = nullptr;
        } else {
            if (!is_constructor(heritage)) return ctx.throw_type_error("class heritage is not a constructor");
            proto_parent_hold = TRY(get(ctx, heritage.as_object(), atoms::prototype, heritage));
            if (proto_parent_hold.is_null())
                proto_parent = nullptr;
            else if (proto_parent_hold.is_object())
                proto_parent = proto_parent_hold.as_object();
            else
                return ctx.throw_type_error("class heritage prototype is not an object or null");
            ctor_parent = heritage.as_object();
        }
    }
    // 9. Let proto be OrdinaryObjectCreate(protoParent).
    Value proto = TRY(new_object_with_proto(ctx, proto_parent));
    // 14-18. Create the constructor F with prototype constructorParent; MakeClassConstructor;
    // SetFunctionName.
    Value ctor = TRY(new_closure(ctx, ctor_fb, &f, ctor_parent));
    auto* fo = static_cast<FunctionObject*>(ctor.as_object());
    fo->m_home_object = proto;
    fo->m_flags |= objflag::Constructor | objflag::ClassConstructor;
    // 19. MakeConstructor(F, false, proto).
    TRY(define_property_or_throw(ctx, fo, atoms::prototype, PropertyDescriptor::data(proto, 0)));
    // 21. CreateMethodProperty(proto, "constructor", F).
    TRY(define_property_or_throw(ctx, proto.as_object(), atoms::constructor,
                                 PropertyDescriptor::data(ctor, prop::Writable | prop::Configurable)));
    *ctor_out = std::move(ctor);
    *proto_out = std::move(proto);
    return {};
}

// 7.3.34 InitializeInstanceElements (#sec-initializeinstanceelements)
Result<void> init_instance_fields(Context& ctx, const Value& obj, const Value& ctor) {
    if (!is_bytecode_function(ctor)) return {};
    Value init = static_cast<FunctionObject*>(ctor.as_object())->m_fields_init;
    if (init.is_undefined()) return {};
    TRY(call(ctx, init, obj, {}));
    return {};
}

Value new_private_symbol(Context& ctx, Atom description) {
    Runtime& rt = ctx.rt();
    Symbol* sym = rt.new_cell<Symbol>(0);
    if (!sym) return ctx.throw_out_of_memory();
    Value result = Value::adopt(Tag::Symbol, sym);
    sym->description = TRY(rt.atom_to_value(description));
    sym->m_bits |= Symbol::kPrivateBit;
    if (!rt.new_symbol_atom(sym, true)) return ctx.throw_out_of_memory(); // freed with the class
    return result;
}

static Exception throw_no_private(Context& ctx, const Value& sym) {
    Value d = sym.as_symbol()->description;
    std::string name = d.is_string() ? d.as_string()->to_utf8() : std::string("#<private>");
    return ctx.throw_type_error("object has no private member '%s'", name.c_str());
}

// 7.3.31 PrivateGet (#sec-privateget)
Value get_private_field(Context& ctx, const Value& obj, const Value& sym) {
    if (!obj.is_object()) return throw_no_private(ctx, sym);
    Object* o = obj.as_object();
    int32_t slot = find_own_slot(o, sym.as_symbol()->atom);
    if (slot < 0) return throw_no_private(ctx, sym);
    uint8_t flags = o->m_shape->entry(static_cast<uint32_t>(slot)).flags;
    if (!(flags & prop::Accessor)) return o->m_slots[slot];
    Value getter = static_cast<AccessorPair*>(o->m_slots[slot].as_cell())->getter;
    if (getter.is_undefined()) return ctx.throw_type_error("private accessor has no getter");
    return call(ctx, getter, obj, {});
}

// 7.3.32 PrivateSet (#sec-privateset)
Result<void> put_private_field(Context& ctx, const Value& obj, const Value& sym, const Value& v) {
    if (!obj.is_object()) return throw_no_private(ctx, sym);
    Object* o = obj.as_object();
    int32_t slot = find_own_slot(o, sym.as_symbol()->atom);
    if (slot < 0) return throw_no_private(ctx, sym);
    uint8_t flags = o->m_shape->entry(static_cast<uint32_t>(slot)).flags;
    if (flags & prop::Accessor) {
        Value setter = static_cast<AccessorPair*>(o->m_slots[slot].as_cell())->setter;
        if (setter.is_undefined()) return ctx.throw_type_error("private accessor has no setter");
        TRY(call(ctx, setter, obj, std::span<const Value>(&v, 1)));
        return {};
    }
    if (!(flags & prop::Writable)) return ctx.throw_type_error("private method is not writable");
    o->m_slots[slot] = v;
    return {};
}

// 7.3.28 PrivateFieldAdd (#sec-privatefieldadd)
Result<void> define_private_field(Context& ctx, const Value& obj, const Value& sym, const Value& v) {
    if (!obj.is_object()) return ctx.throw_type_error("cannot define a private field on a non-object");
    Object* o = obj.as_object();
    Atom atom = sym.as_symbol()->atom;
    if (find_own_slot(o, atom) >= 0) return ctx.throw_type_error("private field is already defined");
    // 1. If O.[[Extensible]] is false, throw (non-extensible objects get no private elements).
    if (!o->is_extensible())
        return ctx.throw_type_error("cannot add a private field to a non-extensible object");
    if (!add_own_property(ctx, o, atom, v, prop::Writable)) return ctx.throw_out_of_memory();
    return {};
}

// 7.3.29 PrivateMethodOrAccessorAdd: the class brand stands for all of a class's private methods.
Result<void> add_brand(Context& ctx, const Value& obj, const Value& brand) {
    if (!obj.is_object()) return ctx.throw_type_error("cannot add a private brand to a non-object");
    Object* o = obj.as_object();
    Atom atom = brand.as_symbol()->atom;
    if (find_own_slot(o, atom) >= 0) return ctx.throw_type_error("private methods are already defined");
    if (!o->is_extensible())
        return ctx.throw_type_error("cannot add private methods to a non-extensible object");
    if (!add_own_property(ctx, o, atom, Value::undefined(), 0)) return ctx.throw_out_of_memory();
    return {};
}

Result<void> check_brand(Context& ctx, const Value& obj, const Value& brand) {
    if (!obj.is_object() || find_own_slot(obj.as_object(), brand.as_symbol()->atom) < 0)
        return ctx.throw_type_error("object has no such private method");
    return {};
}

// 13.10.1 RelationalExpression : PrivateIdentifier in ShiftExpression
Value private_in(Context& ctx, const Value& sym, const Value& obj) {
    if (!obj.is_object()) return ctx.throw_type_error("cannot use 'in' operator to search in a non-object");
    return Value::boolean(find_own_slot(obj.as_object(), sym.as_symbol()->atom) >= 0);
}

} // namespace qjs
