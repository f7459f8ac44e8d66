// FunctionObject.cpp: closure creation (OrdinaryFunctionCreate + MakeConstructor as the compiled
// function's flags say) and the BytecodeFunction class hooks.
#include "vm/FunctionObject.h"

#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

#include "gc/Visitor.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/String.h"
#include "runtime/Symbol.h"
#include "vm/AsyncFunctions.h"
#include "vm/Frames.h"
#include "vm/Generators.h"

namespace qjs {

static Object* default_function_proto(Context& ctx, const FunctionBytecode* fb) {
    Intrinsic which = Intrinsic::FunctionPrototype;
    if (fb->is_generator())
        which = fb->is_async() ? Intrinsic::AsyncGeneratorFunctionPrototype
                               : Intrinsic::GeneratorFunctionPrototype;
    else if (fb->is_async())
        which = Intrinsic::AsyncFunctionPrototype;
    Object* proto = ctx.intrinsic(which);
    return proto ? proto : ctx.intrinsic(Intrinsic::FunctionPrototype);
}

// 10.2.5 MakeConstructor (#sec-makeconstructor) and the generator variant of "prototype".
static bool define_prototype_property(Context& ctx, FunctionObject* f) {
    const FunctionBytecode* fb = f->m_bytecode;
    if (fb->is_generator()) {
        Object* gen_proto = ctx.intrinsic(fb->is_async() ? Intrinsic::AsyncGeneratorPrototype
                                                         : Intrinsic::GeneratorPrototype);
        Value proto =
            new_object_with_proto(ctx, gen_proto ? gen_proto : ctx.intrinsic(Intrinsic::ObjectPrototype));
        if (proto.is_exception()) return false;
        return define_fresh_property(ctx, f, atoms::prototype, std::move(proto), prop::Writable);
    }
    Value proto = new_object(ctx);
    if (proto.is_exception()) return false;
    if (!define_fresh_property(ctx, proto.as_object(), atoms::constructor, Value::object(f),
                               prop::Writable | prop::Configurable))
        return false;
    return define_fresh_property(ctx, f, atoms::prototype, std::move(proto), prop::Writable);
}

// A closure on %Function.prototype% starts with the realm's shape of builtin functions: the same
// "length" and "name", configurable only, in that order (SetFunctionLength, SetFunctionName), so
// creating one looks no shape up. Null when out of memory (an exception is then pending).
static FunctionObject* create_with_usual_shape(Context& ctx, FunctionBytecode* fb, Object* proto,
                                               size_t extra, Value& name) {
    Shape* shape = ctx.m_native_function_shape;
    Runtime& rt = ctx.rt();
    constexpr uint32_t kSlots = 4; // room for "prototype" too (grow_slots' first capacity)
    auto* slots = static_cast<Value*>(rt.alloc(kSlots * sizeof(Value)));
    if (!slots) {
        ctx.throw_out_of_memory();
        return nullptr;
    }
    size_t size = sizeof(FunctionObject) + extra;
    void* mem = Object::allocate_memory(ctx, size);
    if (!mem) {
        rt.free(slots);
        return nullptr;
    }
    auto* f = new (mem) FunctionObject();
    if (!Object::initialize(ctx, f, proto, ClassId::BytecodeFunction, size, shape)) {
        rt.free(slots);
        return nullptr;
    }
    new (&slots[0]) Value(Value::int32(fb->m_length));
    new (&slots[1]) Value(std::move(name));
    f->m_slots = slots;
    f->m_slot_capacity = kSlots;
    return f;
}

Value new_closure(Context& ctx, FunctionBytecode* fb, Frame* parent, Object* proto) {
    std::span<const ClosureVarDesc> vars = fb->closure_vars();
    uint32_t n = static_cast<uint32_t>(vars.size());
    if (!proto) proto = default_function_proto(ctx, fb);
    Atom name = fb->m_name == atoms::invalid ? atoms::empty_string : fb->m_name;
    Value name_value = ctx.atom_value(name);
    if (name_value.is_exception()) return Exception{};
    bool usual = ctx.m_native_function_shape && proto == ctx.intrinsic(Intrinsic::FunctionPrototype);
    FunctionObject* f =
        usual ? create_with_usual_shape(ctx, fb, proto, n * sizeof(VarRef*), name_value)
              : Object::create_as<FunctionObject>(ctx, proto, ClassId::BytecodeFunction, n * sizeof(VarRef*));
    if (!f) return Exception{};
    Value result = Value::adopt(Tag::Object, f);
    fb->ref();
    f->m_bytecode = fb;
    f->m_realm = &ctx;
    VarRef** refs = f->var_refs();
    for (uint32_t i = 0; i < n; i++) {
        const ClosureVarDesc& d = vars[i];
        VarRef* r;
        if (!parent) {
            // No enclosing frame (top-level dynamic functions): free names get fresh cells.
            r = ctx.rt().new_cell<VarRef>(0);
            if (!r) {
                f->m_var_ref_count = i;
                return ctx.throw_out_of_memory();
            }
            refs[i] = r;
            f->m_var_ref_count = i + 1;
            continue;
        }
        if (d.flags & closurevar::FromParentLocal) {
            Value& reg = parent->regs[d.index];
            if (!reg.is_internal_cell()) {
                // Not boxed yet on this path: box it now (see loc_ref in Interpreter.cpp).
                VarRef* fresh = ctx.rt().new_cell<VarRef>(0);
                if (!fresh) {
                    f->m_var_ref_count = i;
                    return ctx.throw_out_of_memory();
                }
                fresh->value = std::move(reg);
                reg = Value::adopt(Tag::InternalCell, fresh);
            }
            r = static_cast<VarRef*>(reg.as_cell());
        } else {
            r = parent->var_refs[d.index];
        }
        r->ref();
        refs[i] = r;
        f->m_var_ref_count = i + 1;
    }
    f->m_var_ref_count = n;
    f->m_flags |= objflag::Callable;
    if (fb->m_flags & fbflag::IsConstructor) f->m_flags |= objflag::Constructor;
    if (fb->is_class_constructor()) f->m_flags |= objflag::Constructor | objflag::ClassConstructor;

    // 10.2.9 SetFunctionLength / SetFunctionName, in the spec's property order.
    if (!usual) {
        if (!define_fresh_property(ctx, f, atoms::length, Value::int32(fb->m_length), prop::Configurable))
            return Exception{};
        if (!define_fresh_property(ctx, f, atoms::name, std::move(name_value), prop::Configurable))
            return Exception{};
    }
    if ((fb->m_flags & fbflag::HasPrototype) && !define_prototype_property(ctx, f)) return Exception{};
    return result;
}

// 10.2.9 SetFunctionName (#sec-setfunctionname)
Result<void> set_function_name(Context& ctx, Object* f, const Value& key, Atom prefix) {
    Value name;
    // 2. If name is a Symbol, use "[description]" (or "").
    if (key.is_symbol()) {
        const Value& desc = key.as_symbol()->description;
        if (desc.is_undefined()) {
            name = ctx.atom_value(atoms::empty_string);
        } else {
            StringBuilder sb(ctx.rt());
            sb.append(u'[');
            sb.append(desc.as_string());
            sb.append(u']');
            String* s = sb.finish();
            if (!s) return ctx.throw_out_of_memory();
            name = Value::adopt(Tag::String, s);
        }
    } else {
        name = TRY(to_string(ctx, key));
    }
    // 5. If prefix is present, prepend it and a space.
    if (prefix != atoms::invalid) {
        StringBuilder sb(ctx.rt());
        sb.append(ctx.rt().atom_string(prefix));
        sb.append(name.as_string());
        String* s = sb.finish();
        if (!s) return ctx.throw_out_of_memory();
        name = Value::adopt(Tag::String, s);
    }
    // 6. DefinePropertyOrThrow(F, "name", {[[Value]]: name, [[Configurable]]: true}).
    PropertyDescriptor desc = PropertyDescriptor::data(std::move(name), prop::Configurable);
    return define_property_or_throw(ctx, f, atoms::name, desc);
}

static void visit_function_object(Object* o, EdgeVisitor& v) {
    auto* f = static_cast<FunctionObject*>(o);
    if (f->m_bytecode) v.visit_cell(f->m_bytecode);
    for (uint32_t i = 0; i < f->m_var_ref_count; i++)
        v.visit_cell(f->var_refs()[i]);
    v.visit_value(f->m_home_object);
    v.visit_value(f->m_fields_init);
}

static void clear_function_object(Object* o) {
    auto* f = static_cast<FunctionObject*>(o);
    if (FunctionBytecode* fb = f->m_bytecode) {
        f->m_bytecode = nullptr;
        fb->unref();
    }
    uint32_t n = f->m_var_ref_count;
    f->m_var_ref_count = 0;
    for (uint32_t i = 0; i < n; i++)
        f->var_refs()[i]->unref();
    f->m_home_object = Value::undefined();
    f->m_fields_init = Value::undefined();
}

// ---- snapshots ----

static uint32_t function_object_trailing(const Object* o) {
    return static_cast<const FunctionObject*>(o)->m_var_ref_count;
}
static Object* construct_function_object(void* memory, uint32_t var_refs) {
    auto* f = new (memory) FunctionObject();
    for (uint32_t i = 0; i < var_refs; ++i)
        f->var_refs()[i] = nullptr;
    return f;
}
static bool write_function_object(Object* o, HeapWriter& w) {
    auto* f = static_cast<FunctionObject*>(o);
    w.cell(f->m_bytecode);
    w.realm(f->m_realm);
    w.value(f->m_home_object);
    w.value(f->m_fields_init);
    for (uint32_t i = 0; i < f->m_var_ref_count; ++i)
        w.cell(f->var_refs()[i]);
    return true;
}
static bool read_function_object(Object* o, HeapReader& r) {
    auto* f = static_cast<FunctionObject*>(o);
    Cell* fb;
    uint32_t var_refs = (static_cast<uint32_t>(f->m_alloc_size) - sizeof(FunctionObject)) / sizeof(VarRef*);
    if (!r.cell(&fb, CellKind::FunctionBytecode, false)) return false;
    f->m_bytecode = static_cast<FunctionBytecode*>(fb);
    if (!r.realm(&f->m_realm) || !r.object(&f->m_home_object, true) || !r.object(&f->m_fields_init, true))
        return false;
    if (!f->m_realm) return r.fail("closure without a realm");
    // Filled one by one, counted as they arrive, so a failure leaves a valid object.
    for (uint32_t i = 0; i < var_refs; ++i) {
        Cell* ref;
        if (!r.cell(&ref, CellKind::VarRef, false)) return false;
        f->var_refs()[i] = static_cast<VarRef*>(ref);
        f->m_var_ref_count = i + 1;
    }
    return true;
}
static bool check_function_object(Object* o, HeapReader& r) {
    auto* f = static_cast<FunctionObject*>(o);
    if (f->m_var_ref_count != f->m_bytecode->closure_vars().size())
        return r.fail("closure variables do not match the function");
    if ((f->m_bytecode->m_flags & fbflag::IsScript) == 0 && f->m_bytecode->code().empty())
        return r.fail("closure of an empty function");
    return true;
}
static const ClassSnapshotHooks kFunctionObjectSnapshot = {
    sizeof(FunctionObject), sizeof(VarRef*),      function_object_trailing, construct_function_object,
    write_function_object,  read_function_object, check_function_object,
};

void register_function_object_class() {
    ClassHooks hooks;
    hooks.visit = visit_function_object;
    hooks.clear = clear_function_object;
    hooks.snapshot = &kFunctionObjectSnapshot;
    register_class_hooks(ClassId::BytecodeFunction, hooks);
}

void register_async_from_sync_natives();
void register_module_natives();
void register_for_in_class();
void register_mapped_arguments_class();

void vm_init() {
    static bool done = false;
    if (done) return;
    done = true;
    register_function_object_class();
    register_generator_classes();
    register_async_natives();
    register_async_from_sync_natives();
    register_module_natives();
    register_for_in_class();
    register_mapped_arguments_class();
}

} // namespace qjs
