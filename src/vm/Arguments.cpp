// Arguments.cpp: arguments exotic objects (10.4.4).
//
// A mapped arguments object whose function has mapped parameters (sloppy, simple parameter list,
// argument i passed for parameter i) is a ClassId::MappedArguments exotic object: its [[ParameterMap]]
// holds, per index, the VarRef cell of the parameter (the compiler boxes the parameters of such functions
// before creating the object), and its elements are ordinary properties (not fast elements, which the
// interpreter reads directly). Without any mapped parameter it is an ordinary Arguments object with a
// "callee" data property, which behaves the same.
#include "bytecode/FunctionBytecode.h"
#include "gc/Visitor.h"
#include "runtime/Context.h"
#include "runtime/Object.h"
#include "runtime/VarRef.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"
#include "vm/FunctionObject.h"
#include "vm/SlowPaths.h"

namespace qjs {

static Object* new_arguments_object(Context& ctx, std::span<const Value> args, ClassId cls) {
    Object* o = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), cls);
    if (!o) return nullptr;
    o->m_flags |= objflag::FastArray;
    for (const Value& v : args) {
        if (!array_push_fast(ctx, o, v)) {
            o->unref();
            return nullptr;
        }
    }
    // 4. DefinePropertyOrThrow(obj, "length", {len, writable, non-enumerable, configurable}).
    if (!define_fresh_property(ctx, o, atoms::length, Value::number(static_cast<uint32_t>(args.size())),
                               prop::Writable | prop::Configurable)) {
        o->unref();
        return nullptr;
    }
    return o;
}

static bool define_iterator(Context& ctx, Object* o) {
    // DefinePropertyOrThrow(obj, @@iterator, {%Array.prototype.values%, writable, configurable}).
    Object* values = ctx.intrinsic(Intrinsic::ArrayProtoValues);
    Value v = values ? Value::object(values) : Value::undefined();
    return define_fresh_property(ctx, o, atoms::sym_iterator, std::move(v),
                                 prop::Writable | prop::Configurable);
}

// 10.4.4.6 CreateUnmappedArgumentsObject (#sec-createunmappedargumentsobject)
Value create_unmapped_arguments(Context& ctx, std::span<const Value> args) {
    Object* o = new_arguments_object(ctx, args, ClassId::Arguments);
    if (!o) return Exception{};
    Value result = Value::adopt(Tag::Object, o);
    if (!define_iterator(ctx, o)) return Exception{};
    // 8. "callee": {[[Get]]: %ThrowTypeError%, [[Set]]: %ThrowTypeError%, non-enumerable, non-configurable}.
    Object* thrower = ctx.intrinsic(Intrinsic::ThrowTypeError);
    Value t = thrower ? Value::object(thrower) : Value::undefined();
    if (!define_fresh_accessor(ctx, o, atoms::callee, t, t, 0)) return Exception{};
    return result;
}

Result<bool> ordinary_get_own_property(Context&, Object*, Atom, PropertyDescriptor*); // ObjectOperations.cpp
Result<bool> ordinary_define_own_property(Context&, Object*, Atom, const PropertyDescriptor&);
Result<bool> ordinary_delete_property(Context&, Object*, Atom);

namespace {

class MappedArgumentsObject : public Object {
  public:
    // [[ParameterMap]]: per index, the parameter's VarRef (InternalCell), or undefined when not mapped.
    Vector<Value> m_map;
};

void visit_mapped_arguments(Object* o, EdgeVisitor& v) {
    for (Value& ref : static_cast<MappedArgumentsObject*>(o)->m_map)
        v.visit_value(ref);
}

void clear_mapped_arguments(Object* o) {
    Vector<Value>().swap(static_cast<MappedArgumentsObject*>(o)->m_map);
}

// HasOwnProperty(map, P): the parameter cell P is mapped to, or nullptr.
VarRef* mapped_cell(Object* o, Atom key) {
    if (!atom_is_index(key)) return nullptr;
    auto& map = static_cast<MappedArgumentsObject*>(o)->m_map;
    uint32_t i = atom_index_value(key);
    if (i >= map.size() || !map[i].is_internal_cell()) return nullptr;
    return static_cast<VarRef*>(map[i].as_cell());
}

// map.[[Delete]](P)
void unmap(Object* o, Atom key) {
    static_cast<MappedArgumentsObject*>(o)->m_map[atom_index_value(key)] = Value();
}

// 10.4.4.1 [[GetOwnProperty]] ( P ) (#sec-arguments-exotic-objects-getownproperty-p)
Result<bool> mapped_get_own_property(Context& ctx, Object* o, Atom key, PropertyDescriptor* out) {
    // 1-3. Let desc be OrdinaryGetOwnProperty(args, P); if it is undefined, return undefined.
    PropertyDescriptor desc;
    bool found = TRY(ordinary_get_own_property(ctx, o, key, &desc));
    if (!found) return false;
    // 4-5. If HasOwnProperty(map, P), set desc.[[Value]] to Get(map, P).
    if (VarRef* cell = mapped_cell(o, key)) desc.value = cell->value;
    // 6. Return desc.
    if (out) *out = std::move(desc);
    return true;
}

// 10.4.4.2 [[DefineOwnProperty]] ( P, Desc ) (#sec-arguments-exotic-objects-defineownproperty-p-desc)
Result<bool> mapped_define_own_property(Context& ctx, Object* o, Atom key, const PropertyDescriptor& desc) {
    // 1-2. Let isMapped be HasOwnProperty(map, P).
    VarRef* cell = mapped_cell(o, key);
    bool is_data = desc.has_value || desc.has_writable;
    // 3-4. newArgDesc is Desc, with the mapped value when Desc makes a mapped data property non-writable
    //      without a [[Value]].
    bool allowed;
    if (cell && is_data && !desc.has_value && desc.has_writable && !desc.writable()) {
        PropertyDescriptor new_arg_desc = desc;
        new_arg_desc.value = cell->value;
        new_arg_desc.has_value = true;
        // 5. Let allowed be ! OrdinaryDefineOwnProperty(args, P, newArgDesc).
        allowed = TRY(ordinary_define_own_property(ctx, o, key, new_arg_desc));
    } else {
        allowed = TRY(ordinary_define_own_property(ctx, o, key, desc));
    }
    // 6. If allowed is false, return false.
    if (!allowed) return false;
    // 7. If isMapped is true, then
    if (cell) {
        if (desc.is_accessor()) {
            // a. If IsAccessorDescriptor(Desc) is true, perform ! map.[[Delete]](P).
            unmap(o, key);
        } else {
            // b.i. If Desc has a [[Value]] field, perform ! Set(map, P, Desc.[[Value]], false).
            if (desc.has_value) cell->value = desc.value;
            // ii. If Desc has a [[Writable]] field and Desc.[[Writable]] is false, perform !
            // map.[[Delete]](P).
            if (desc.has_writable && !desc.writable()) unmap(o, key);
        }
    }
    // 8. Return true.
    return true;
}

// 10.4.4.5 [[Delete]] ( P ) (#sec-arguments-exotic-objects-delete-p)
Result<bool> mapped_delete_property(Context& ctx, Object* o, Atom key) {
    // 1-3. Let isMapped be HasOwnProperty(map, P); let result be ? OrdinaryDelete(args, P).
    bool mapped = mapped_cell(o, key) != nullptr;
    bool result = TRY(ordinary_delete_property(ctx, o, key));
    // 4. If result is true and isMapped is true, perform ! map.[[Delete]](P).
    if (result && mapped) unmap(o, key);
    // 5. Return result.
    return result;
}

// [[Get]] and [[Set]] (10.4.4.3-4) follow from [[GetOwnProperty]] and [[DefineOwnProperty]]: a mapped
// property's value is the parameter's, and storing one goes through [[DefineOwnProperty]].
const ExoticHooks kMappedArgumentsExotic = {
    mapped_get_own_property, mapped_define_own_property, nullptr, nullptr, nullptr, mapped_delete_property,
};

// The parameter map: per index, a parameter's closure cell or undefined.
bool write_mapped_arguments(Object* o, HeapWriter& w) {
    auto& map = static_cast<MappedArgumentsObject*>(o)->m_map;
    w.out().varuint(map.size());
    for (const Value& v : map)
        w.value(v);
    return true;
}

bool read_mapped_arguments(Object* o, HeapReader& r) {
    auto& map = static_cast<MappedArgumentsObject*>(o)->m_map;
    uint32_t n;
    if (!r.count(&n)) return false;
    map.resize(n);
    for (Value& v : map) {
        if (!r.value(&v)) return false;
        bool cell = v.is_internal_cell() && v.as_cell()->kind() == CellKind::VarRef;
        if (!cell && !v.is_undefined()) return r.fail("bad arguments parameter map");
    }
    return true;
}

const ClassSnapshotHooks kMappedArgumentsSnapshot = {
    sizeof(MappedArgumentsObject),
    0,
    nullptr,
    construct_payload<MappedArgumentsObject>,
    write_mapped_arguments,
    read_mapped_arguments,
    nullptr,
};

} // namespace

// Registered when the vm starts (vm_init), so a restored snapshot can hold mapped arguments objects.
void register_mapped_arguments_class() {
    register_class_hooks(ClassId::MappedArguments,
                         ClassHooks{visit_mapped_arguments, clear_mapped_arguments, nullptr,
                                    &kMappedArgumentsExotic, &kMappedArgumentsSnapshot});
}

// 10.4.4.7 CreateMappedArgumentsObject ( func, formals, argumentsList, env )
// (#sec-createmappedargumentsobject)
Value create_mapped_arguments(Context& ctx, Frame& f) {
    // 15-17. The mapped indexes: the parameters the compiler boxed (for a duplicated name only the last
    //        one is a binding) that received an argument.
    uint32_t param_count = f.function->m_bytecode->m_param_count;
    size_t mapped_count = std::min<size_t>(f.args.size(), param_count);
    bool any_mapped = false;
    for (size_t i = 0; i < mapped_count; i++)
        any_mapped = any_mapped || f.regs[i].is_internal_cell();
    Object* o;
    if (!any_mapped) {
        // No parameter map: an ordinary arguments object with its elements fast.
        o = new_arguments_object(ctx, f.args, ClassId::Arguments);
        if (!o) return Exception{};
    } else {
        // 4-6. Let obj be MakeBasicObject(« [[Prototype]], [[Extensible]], [[ParameterMap]] ») with the
        //      exotic internal methods, [[Prototype]] %Object.prototype%.
        auto* m = Object::create_as<MappedArgumentsObject>(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype),
                                                           ClassId::MappedArguments);
        if (!m) return Exception{};
        o = m;
        Value hold = Value::object(o);
        // 14. For each index < len: ! CreateDataPropertyOrThrow(obj, ! ToString(F(index)), val).
        for (size_t i = 0; i < f.args.size(); i++) {
            if (!define_fresh_property(ctx, o, atom_from_index(static_cast<uint32_t>(i)), f.args[i],
                                       prop::Default)) {
                o->unref();
                return Exception{};
            }
        }
        // 15. DefinePropertyOrThrow(obj, "length", { len, writable, non-enumerable, configurable }).
        if (!define_fresh_property(ctx, o, atoms::length, Value::number(static_cast<uint32_t>(f.args.size())),
                                   prop::Writable | prop::Configurable)) {
            o->unref();
            return Exception{};
        }
        // 17-18. The parameter map: index -> the parameter's cell.
        m->m_map.resize(mapped_count);
        for (size_t i = 0; i < mapped_count; i++)
            if (f.regs[i].is_internal_cell()) m->m_map[i] = f.regs[i];
    }
    Value result = Value::adopt(Tag::Object, o);
    // 19. DefinePropertyOrThrow(obj, @@iterator, { %Array.prototype.values%, writable, configurable }).
    if (!define_iterator(ctx, o)) return Exception{};
    // 20. DefinePropertyOrThrow(obj, "callee", { func, writable, non-enumerable, configurable }).
    if (!define_fresh_property(ctx, o, atoms::callee, Value::object(f.function),
                               prop::Writable | prop::Configurable))
        return Exception{};
    // 21. Return obj.
    return result;
}

} // namespace qjs
