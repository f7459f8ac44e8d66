// Iteration.h: the iterator abstract operations (spec 7.4, #sec-operations-on-iterator-objects).
//
// Used by the interpreter (for-of, spread, destructuring, yield*) and by builtins (Array.from,
// Map/Set constructors, Promise.all, iterator helpers). Only the synchronous protocol lives here.
//
// Exceptions travel as usual: a function returning Result<...>/Value signals a thrown completion by
// returning Exception with the runtime's pending exception set.
#pragma once

#include "runtime/Runtime.h"
#include "runtime/Value.h"

#include <span>

namespace qjs {

class Context;
class Object;
class EdgeVisitor;

// 7.4.1 Iterator Records (#sec-iterator-records)
class HeapReader;
class HeapWriter;

struct IteratorRecord {
    Value iterator;    // [[Iterator]]: always an Object once the record is built
    Value next_method; // [[NextMethod]]: any value (checked for callability at each call)
    bool done = false; // [[Done]]

    Object* iterator_object() const { return iterator.as_object(); }
    // For payloads holding a record (iterator helpers, interpreter frames).
    void visit(EdgeVisitor&);
    void clear();
    // Heap snapshots: the record's values and flag.
    void write(HeapWriter&) const;
    bool read(HeapReader&);
};

// 7.4.2 GetIteratorDirect(obj) (#sec-getiteratordirect): the record of an iterator object itself.
Result<IteratorRecord> get_iterator_direct(Context&, Object* obj);

// 7.4.3 GetIteratorFromMethod(obj, method) (#sec-getiteratorfrommethod)
Result<IteratorRecord> get_iterator_from_method(Context&, const Value& obj, const Value& method);

// 7.4.4 GetIterator(obj, sync) (#sec-getiterator): obj[@@iterator](); TypeError if not iterable.
Result<IteratorRecord> get_iterator(Context&, const Value& obj);

// 7.4.6 IteratorNext(iteratorRecord [, value]) (#sec-iteratornext): the result object.
// Sets record.done when next() throws or returns a non-object (which throws a TypeError).
Value iterator_next(Context&, IteratorRecord&);
Value iterator_next(Context&, IteratorRecord&, const Value& value);

// 7.4.7 IteratorComplete(iterResult) (#sec-iteratorcomplete): ToBoolean(? Get(iterResult, "done")).
Result<bool> iterator_complete(Context&, Object* iter_result);

// 7.4.8 IteratorValue(iterResult) (#sec-iteratorvalue): ? Get(iterResult, "value").
Value iterator_value(Context&, Object* iter_result);

// 7.4.9 IteratorStep(iteratorRecord) (#sec-iteratorstep): false for DONE, else true with the
// result object in *result. Sets record.done on DONE and on any abrupt completion.
Result<bool> iterator_step(Context&, IteratorRecord&, Value* result);

// 7.4.10 IteratorStepValue(iteratorRecord) (#sec-iteratorstepvalue): false for DONE, else true
// with the value in *value. Sets record.done on DONE and on any abrupt completion.
Result<bool> iterator_step_value(Context&, IteratorRecord&, Value* value);

// 7.4.11 IteratorClose(iteratorRecord, completion) (#sec-iteratorclose), split by completion type:
//
// - normal completion: calls iterator.return() if present; its throw, or a non-object result
//   (TypeError), propagates.
Result<void> iterator_close(Context&, const IteratorRecord&);
Result<void> iterator_close(Context&, Object* iterator);
// - throw completion (the currently pending exception): calls iterator.return() if present while
//   the exception is set aside, ignores whatever return() does, then rethrows the original
//   exception. Always returns Exception. Uncatchable exceptions skip return() entirely.
Exception iterator_close_with_throw(Context&, const IteratorRecord&);
Exception iterator_close_with_throw(Context&, Object* iterator);

// 7.4.14 CreateIteratorResultObject(value, done) (#sec-createiterresultobject)
Value create_iter_result_object(Context&, const Value& value, bool done);

// 7.4.16 IteratorToList(iteratorRecord) (#sec-iteratortolist)
Result<Vector<Value>> iterator_to_list(Context&, IteratorRecord&);

// IteratorToList(? GetIterator(items, sync)) / IteratorToList(? GetIteratorFromMethod(items, method)),
// the pairing the spec uses wherever it once said IterableToList.
Result<Vector<Value>> iterable_to_list(Context&, const Value& items);
Result<Vector<Value>> iterable_to_list(Context&, const Value& items, const Value& method);

// True when iterating `v` with the iterator protocol cannot be observed and is equivalent to
// reading its elements 0..length-1: a fast Array whose [Symbol.iterator] lookup reaches the
// realm's original %Array.prototype.values%, with %ArrayIteratorPrototype%.next unmodified.
// The interpreter's spread/for-of may then skip creating the iterator (re-check after any user
// code runs, as the array may change).
bool is_pristine_array_iteration(Context&, const Value& v);

} // namespace qjs
