// Literals.cpp: object/array literal helpers (methods, spread), template objects, RegExp literals
// and the frame-specific objects of special_object / rest.
#include "builtins/RegExp.h"
#include "module/Module.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Iteration.h"
#include "runtime/Object.h"
#include "vm/FunctionObject.h"
#include "vm/SlowPaths.h"

namespace qjs {

// 15.4.4 DefineMethodProperty / MethodDefinitionEvaluation for methods, getters and setters.
Result<void> define_method_op(Context& ctx, Object* target, const Value& key, const Value& func,
                              uint8_t flags) {
    Atom atom = TRY(to_property_key(ctx, key));
    uint8_t kind = flags & defmethod::KindMask;
    Object* fo = func.as_object();
    if (fo->class_id() == ClassId::BytecodeFunction) {
        auto* f = static_cast<FunctionObject*>(fo);
        f->m_home_object = Value::object(target);
        Atom name = f->m_bytecode ? f->m_bytecode->m_name : atoms::invalid;
        if (kind != defmethod::Method || name == atoms::invalid || name == atoms::empty_string) {
            Value key_value = TRY(ctx.rt().atom_to_value(atom));
            Atom prefix = kind == defmethod::Getter   ? atoms::get_
                          : kind == defmethod::Setter ? atoms::set_
                                                      : atoms::invalid;
            TRY(set_function_name(ctx, fo, key_value, prefix));
        }
    }
    uint8_t enumerable = (flags & defmethod::Enumerable) ? prop::Enumerable : 0;
    PropertyDescriptor desc;
    if (kind == defmethod::Method) {
        desc = PropertyDescriptor::data(func, prop::Writable | prop::Configurable | enumerable);
    } else {
        if (kind == defmethod::Getter) {
            desc.getter = func;
            desc.has_get = true;
        } else {
            desc.setter = func;
            desc.has_set = true;
        }
        desc.flags = prop::Accessor | prop::Configurable | enumerable;
        desc.has_enumerable = desc.has_configurable = true;
    }
    return define_property_or_throw(ctx, target, atom, desc);
}

// 7.3.25 CopyDataProperties (#sec-copydataproperties)
Result<void> copy_data_properties(Context& ctx, const Value& target, const Value& source,
                                  const Value& excluded) {
    // 1. If source is undefined or null, return.
    if (source.is_nullish()) return {};
    // 2. Let from be ! ToObject(source).
    Value from_value = TRY(to_object(ctx, source));
    Object* from = from_value.as_object();
    Object* to = target.as_object();
    // 3. Let keys be ? from.[[OwnPropertyKeys]]().
    Vector<Atom> keys = TRY(own_property_keys(ctx, from));
    for (Atom key : keys) {
        // 4.a. excluded keys.
        if (excluded.is_object()) {
            bool skip = TRY(has_own_property(ctx, excluded.as_object(), key));
            if (skip) continue;
        }
        // 4.c.i-ii. Enumerable own properties only.
        PropertyDescriptor desc;
        bool found = TRY(get_own_property(ctx, from, key, &desc));
        if (!found || !desc.enumerable()) continue;
        Value v = TRY(get(ctx, from, key, from_value));
        TRY(create_data_property_or_throw(ctx, to, key, v));
    }
    return {};
}

// Array literal spread (13.2.4.1 ArrayAccumulation, SpreadElement).
Result<void> append_iterable(Context& ctx, Object* array, int32_t* pos, const Value& iterable) {
    if (is_pristine_array_iteration(ctx, iterable)) {
        // Fast path: iterating a pristine fast array is unobservable.
        Object* src = iterable.as_object();
        for (uint32_t i = 0; i < src->m_element_count; i++) {
            Value v = src->m_elements[i];
            TRY(create_data_property_index(ctx, array, static_cast<uint32_t>(*pos), v));
            ++*pos;
            if (!src->is_fast_array()) break;
        }
        if (src->is_fast_array()) return {};
    }
    IteratorRecord rec = TRY(get_iterator(ctx, iterable));
    for (;;) {
        Value v;
        bool more = TRY(iterator_step_value(ctx, rec, &v));
        if (!more) return {};
        TRY(create_data_property_index(ctx, array, static_cast<uint32_t>(*pos), v));
        ++*pos;
    }
}

// 13.2.8.4 GetTemplateObject (#sec-gettemplateobject): the constant starts as [cooked, raw] and is
// replaced by the frozen template object on first use.
Value get_template_object(Context& ctx, Value& constant) {
    Object* site = constant.as_object();
    if (!(site->is_fast_array() && site->m_element_count == 2 && site->m_elements[0].is_object()))
        return constant;
    Value cooked = site->m_elements[0];
    Value raw = site->m_elements[1];
    TRY(set_integrity_level(ctx, raw.as_object(), true));
    TRY(define_property_or_throw(ctx, cooked.as_object(), atoms::raw, PropertyDescriptor::data(raw, 0)));
    TRY(set_integrity_level(ctx, cooked.as_object(), true));
    constant = cooked;
    return cooked;
}

// 13.2.7.3 Evaluation of a RegularExpressionLiteral: RegExpCreate(pattern, flags) of the realm's
// %RegExp% (the program compiled once per pattern and flags: regexp/RegExpCache.h).
Value create_regexp(Context& ctx, const Value& pattern, const Value& flags) {
    if (!ctx.intrinsic(Intrinsic::RegExp))
        return ctx.throw_error(ErrorType::InternalError, "RegExp is not supported yet");
    return regexp_create(ctx, pattern, flags);
}

Value make_special_object(Context& ctx, Frame& f, uint8_t kind) {
    switch (static_cast<SpecialObject>(kind)) {
    case SpecialObject::Arguments: return create_unmapped_arguments(ctx, f.args);
    case SpecialObject::MappedArguments: return create_mapped_arguments(ctx, f);
    case SpecialObject::ThisFunc: return Value::object(f.function);
    case SpecialObject::NewTarget: return f.new_target();
    case SpecialObject::HomeObject: return f.function->m_home_object;
    case SpecialObject::VarObject: return new_object_with_proto(ctx, nullptr);
    case SpecialObject::ImportMeta: return module_import_meta(ctx, f.fb->m_filename);
    case SpecialObject::ImportFunction: return module_import_function(ctx, f.fb->m_filename);
    }
    return ctx.throw_error(ErrorType::InternalError, "bad special_object kind %u", kind);
}

Value make_rest_array(Context& ctx, Frame& f, uint32_t first) {
    if (first >= f.args.size()) return new_array(ctx, 0);
    return create_array_from_list(ctx, f.args.subspan(first));
}

} // namespace qjs
