// InlineCache.h: per-instruction property caches for get_field/put_field/get_var/put_var.
//
// A cache remembers the shape an object had and the slot where the property was found. The shape
// is a strong reference (a cached shape must not be freed and its address reused by a different
// shape). A hit is `obj->m_shape == ic.shape`; a miss calls the generic operation and refills.
#pragma once

#include "runtime/Shape.h"

#include <cstdint>

namespace qjs {

struct InlineCache {
    Shape* shape = nullptr; // strong reference, or null when empty
    uint32_t slot = 0;
};

} // namespace qjs
