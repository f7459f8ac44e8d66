// IteratorHelper.h: Iterator Helper objects (spec 27.1.2.1) created by Iterator.prototype.map,
// filter, take, drop and flatMap, and the shared iterator-constructor operations.
#pragma once

#include "runtime/Iteration.h"
#include "runtime/Object.h"

namespace qjs {

class Context;

enum class IteratorHelperKind : uint8_t { Map, Filter, Take, Drop, FlatMap, Concat, Chunks, Windows, Zip };

// The generator state of the helper's closure (27.5 GeneratorState, minus "suspended" details).
enum class HelperState : uint8_t { SuspendedStart, SuspendedYield, Executing, Completed };

// The payload of a ClassId::IteratorHelper object: the closure's captured state.
class IteratorHelperObject : public Object {
  public:
    IteratorRecord m_underlying; // [[UnderlyingIterator]]
    Value m_function;            // mapper or predicate (map, filter, flatMap); concat: an array of
                                 // [openMethod0, iterable0, openMethod1, iterable1, ...]
    IteratorRecord m_inner;      // flatMap, concat: the inner iterator while innerAlive
    Vector<Value> m_buffer;      // chunks, windows: the values of the chunk/window being built; zip: padding
    Vector<IteratorRecord> m_iters; // zip: the underlying iterators (closed ones have no iterator)
    double m_remaining = 0;         // take/drop: the remaining count (may be +inf); chunks/windows: the size
    uint64_t m_counter = 0;         // the closure's counter (concat: the next iterable's number; windows:
                                    // 1 for "allow-partial")
    IteratorHelperKind m_kind = IteratorHelperKind::Map;
    HelperState m_state = HelperState::SuspendedStart;
    bool m_inner_alive = false; // flatMap, concat
};

// CreateIteratorFromClosure(closure, "Iterator Helper", %IteratorHelperPrototype%, « [[UnderlyingIterator]]
// ») with the closure described by kind/function/limit.
Value create_iterator_helper(Context&, IteratorRecord underlying, IteratorHelperKind, const Value& function,
                             double limit);

enum class PrimitiveHandling : uint8_t { IterateStringPrimitives, RejectPrimitives };
// 7.4.5 GetIteratorFlattenable ( obj, primitiveHandling ) (#sec-getiteratorflattenable)
Result<IteratorRecord> get_iterator_flattenable(Context&, const Value& obj, PrimitiveHandling);

// Iterator.zip / zipKeyed (IteratorZip.cpp): IteratorZip's closure up to its next Yield (true) or return.
Result<bool> zip_step(Context&, IteratorHelperObject*, Value* yielded);
// IteratorCloseAll ( iters, completion ) (#sec-iteratorcloseall); is_throw: the completion is the pending
// exception. Returns Exception when the resulting completion is a throw.
Result<void> iterator_close_all(Context&, Vector<IteratorRecord>& iters, bool is_throw);

bool install_iterator_helper_prototype(Context&);           // IteratorHelperPrototype.cpp
bool install_iterator_constructor(Context&, Object* proto); // IteratorConstructor.cpp

} // namespace qjs
