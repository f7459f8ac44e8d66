// Array.h: the Array abstract operations shared by the Array builtins (spec 10.4.2, 23.1) and
// small element-access steps with their exact fast paths.
#pragma once

#include "runtime/Context.h"
#include "runtime/Object.h"
#include "runtime/Value.h"

namespace qjs {

constexpr double kMaxSafeInteger = 9007199254740991.0; // 2^53 - 1
constexpr uint64_t kMaxSafeIntegerU = 9007199254740991ull;
constexpr uint64_t kMaxArrayLength = 4294967295ull; // 2^32 - 1

// 10.4.2.2 ArrayCreate(length [, proto]) (#sec-arraycreate); proto null = %Array.prototype%.
Value array_create(Context&, uint64_t length, Object* proto = nullptr);
// 10.4.2.3 ArraySpeciesCreate(originalArray, length) (#sec-arrayspeciescreate)
Value array_species_create(Context&, Object* original, uint64_t length);
// True when every object on o's prototype chain is ordinary and has no integer-indexed property,
// so a [[Get]]/[[Set]]/[[HasProperty]] of a missing index on o cannot reach user code.
bool proto_chain_has_no_indexed_properties(Object* o);

// The magic numbers of find/findIndex/findLast/findLastIndex.
enum FindMagic : int16_t { FindValue, FindIndex, FindLastValue, FindLastIndex };

// A fast array whose elements 0..len-1 are all present (own, writable, configurable data
// properties) and whose "length" (== len) is writable: the state where the element-moving
// methods can work on m_elements directly.
inline bool is_dense_fast_array(Object* o, uint64_t len) {
    return o->is_fast_array() && o->is_array() && o->m_element_count == len && o->m_array_length == len &&
           (o->m_flags & objflag::LengthWritable) && o->is_extensible();
}

inline Value index_value(uint64_t k) {
    return Value::number(static_cast<int64_t>(k));
}

// HasProperty(O, ! ToString(k)). Fast path: a present fast element.
inline Result<bool> has_index(Context& ctx, Object* o, uint64_t k) {
    if (o->is_fast_array() && k < o->m_element_count) return true;
    Atom key = index_to_atom(ctx, k);
    if (!key) return Exception{};
    return has_property(ctx, o, key);
}

// Get(O, ! ToString(k)). Fast path: a present fast element.
inline Value get_index_fast(Context& ctx, Object* o, uint64_t k) {
    if (o->is_fast_array() && k < o->m_element_count) return o->m_elements[k];
    return get_index(ctx, o, k);
}

// The "If kPresent, let kValue be ? Get(O, Pk)" pair: false when absent.
inline Result<bool> read_present_index(Context& ctx, Object* o, uint64_t k, Value* out) {
    if (o->is_fast_array() && k < o->m_element_count) {
        *out = o->m_elements[k];
        return true;
    }
    Atom key = index_to_atom(ctx, k);
    if (!key) return Exception{};
    bool present = TRY(has_property(ctx, o, key));
    if (!present) return false;
    *out = TRY(get(ctx, o, key));
    return true;
}

// DeletePropertyOrThrow(O, ! ToString(k)).
inline Result<void> delete_index_or_throw(Context& ctx, Object* o, uint64_t k) {
    Atom key = index_to_atom(ctx, k);
    if (!key) return Exception{};
    return delete_property_or_throw(ctx, o, key);
}

// Set(O, "length", F(len), true).
inline Result<void> set_length_or_throw(Context& ctx, Object* o, uint64_t len) {
    return set_or_throw(ctx, o, atoms::length, index_value(len));
}

// Clamps a relative index (the result of ToIntegerOrInfinity) into [0, len], as the
// "If relativeStart = -inf / < 0 / else" steps do.
inline uint64_t clamp_relative_index(double relative, uint64_t len) {
    double l = static_cast<double>(len);
    if (relative < 0) {
        double k = l + relative;
        return k <= 0 ? 0 : static_cast<uint64_t>(k);
    }
    return relative >= l ? len : static_cast<uint64_t>(relative);
}

} // namespace qjs
