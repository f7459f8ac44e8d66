// ArrayIterator.h: Array Iterator objects (23.1.5), shared with typed arrays (keys/values/entries)
// and the interpreter's iteration fast paths.
#pragma once

#include "runtime/Object.h"
#include "runtime/Value.h"

namespace qjs {

class Context;

enum class ArrayIterationKind : uint8_t { Keys, Values, Entries };

// The payload of a ClassId::ArrayIterator object.
class ArrayIteratorObject : public Object {
  public:
    Value m_iterated;          // [[IteratedArrayLike]]; undefined once the iterator is exhausted
    uint64_t m_next_index = 0; // [[ArrayLikeNextIndex]]
    ArrayIterationKind m_kind = ArrayIterationKind::Values;
};

// 23.1.5.1 CreateArrayIterator(array, kind) (#sec-createarrayiterator)
Value create_array_iterator(Context&, Object* array, ArrayIterationKind kind);

// True when `fn` is the original %ArrayIteratorPrototype%.next native.
bool is_original_array_iterator_next(Object* fn);

} // namespace qjs
