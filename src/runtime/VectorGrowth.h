// VectorGrowth.h: growing a Vector whose size a script controls, without crashing when memory
// runs out.
//
// The engine builds without C++ exceptions, so std::vector cannot report that its allocator
// failed: it would write through the null pointer. Code that appends a script-driven number of
// elements grows the vector through these functions instead: they ask the runtime first
// (Runtime::can_allocate: the memory limit, then the system allocator) and return false, leaving
// the vector unchanged, when the new capacity cannot be had. The caller turns false into an
// out-of-memory exception (ctx.throw_out_of_memory()).
#pragma once

#include "runtime/Runtime.h"

#include <cstddef>
#include <utility>

namespace qjs {

// Makes room for `needed` elements in total (growing geometrically). False on OOM.
template <typename T> [[nodiscard]] bool vector_reserve(Vector<T>& v, size_t needed) {
    if (needed <= v.capacity()) return true;
    if (needed > v.max_size()) return false;
    size_t grown = v.capacity() < 4 ? 4 : v.capacity() + v.capacity() / 2;
    size_t cap = needed > grown ? needed : grown;
    if (cap > v.max_size()) cap = needed;
    // No fallback to the exact size: growing one element at a time near the limit is quadratic.
    if (!Runtime::current()->can_allocate(cap * sizeof(T))) return false;
    v.reserve(cap);
    return true;
}

// Appends one element. False on OOM (the vector is unchanged).
template <typename T, typename U> [[nodiscard]] bool vector_push(Vector<T>& v, U&& value) {
    if (v.size() == v.capacity() && !vector_reserve(v, v.size() + 1)) return false;
    v.push_back(std::forward<U>(value));
    return true;
}

// Resizes to `n` elements (new ones value-initialized). False on OOM (the vector is unchanged).
template <typename T> [[nodiscard]] bool vector_resize(Vector<T>& v, size_t n) {
    if (n > v.capacity()) {
        if (n > v.max_size() || !Runtime::current()->can_allocate(n * sizeof(T))) return false;
        v.reserve(n);
    }
    v.resize(n);
    return true;
}

} // namespace qjs
