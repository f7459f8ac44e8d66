// IteratorIncludesJoin.cpp: Iterator.prototype.includes (proposal-iterator-includes) and
// Iterator.prototype.join (proposal-iterator-join), two consuming methods of %Iterator.prototype%.
#include "builtins/Builtins.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Iteration.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/String.h"

#include <cmath>

namespace qjs {

namespace {

// Iterator.prototype.includes ( searchElement [ , skippedElements ] ) (#sec-iterator.prototype.includes)
Value iterator_proto_includes(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be the this value. If O is not an Object, throw a TypeError exception.
    if (!args.this_value.is_object())
        return ctx.throw_type_error("Iterator.prototype.includes called on a non-object");
    Object* o = args.this_value.as_object();
    // 3. Let iterated be the Iterator Record { [[Iterator]]: O, [[NextMethod]]: undefined, [[Done]]: false }.
    const Value& skipped_elements = args.arg(1);
    double to_skip = 0;
    // 4. If skippedElements is undefined, let toSkip be 0.
    if (!skipped_elements.is_undefined()) {
        // 5. Else if skippedElements is not one of +∞, -∞, or an integral Number, close iterated with a
        //    TypeError.
        double d = skipped_elements.is_number() ? skipped_elements.as_number() : NAN;
        if (!skipped_elements.is_number() || std::isnan(d) || (std::isfinite(d) && d != std::trunc(d))) {
            ctx.throw_type_error("Iterator.prototype.includes: skippedElements is not an integral Number");
            return iterator_close_with_throw(ctx, o);
        }
        // 6. Else, let toSkip be skippedElements.
        to_skip = d;
    }
    // 7. If toSkip < -0, close iterated with a RangeError.
    // 8. If toSkip is finite and toSkip > 2^53 - 1, close iterated with a RangeError.
    if (to_skip < 0 || (std::isfinite(to_skip) && to_skip > 9007199254740991.0)) {
        ctx.throw_range_error("Iterator.prototype.includes: skippedElements out of range");
        return iterator_close_with_throw(ctx, o);
    }
    // 9. Let skipped be 0.
    double skipped = 0;
    // 10. Set iterated to ? GetIteratorDirect(O).
    IteratorRecord iterated = TRY(get_iterator_direct(ctx, o));
    // 11. Repeat,
    while (true) {
        // a. Let value be ? IteratorStepValue(iterated).
        Value value;
        bool has_value = TRY(iterator_step_value(ctx, iterated, &value));
        // b. If value is DONE, return false.
        if (!has_value) return Value::boolean(false);
        // c. If skipped < toSkip, set skipped to skipped + 1.
        if (skipped < to_skip) {
            skipped++;
        } else if (same_value_zero(value, args.arg(0))) {
            // d. Else if SameValueZero(value, searchElement) is true, return ? IteratorClose(iterated,
            //    NormalCompletion(true)).
            TRY(iterator_close(ctx, iterated));
            return Value::boolean(true);
        }
    }
}

// Iterator.prototype.join ( separator ) (#sec-iterator.prototype.join)
Value iterator_proto_join(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be the this value. If O is not an Object, throw a TypeError exception.
    if (!args.this_value.is_object())
        return ctx.throw_type_error("Iterator.prototype.join called on a non-object");
    Object* o = args.this_value.as_object();
    // 3-5. If separator is undefined, let sep be ","; else let sep be Completion(ToString(separator)),
    //      closing the iterator (with no next method read yet) when that throws.
    Value sep;
    if (args.arg(0).is_undefined()) {
        sep = TRY(ctx.new_string(","));
    } else {
        sep = to_string(ctx, args.arg(0));
        if (sep.is_exception()) return iterator_close_with_throw(ctx, o);
    }
    // 6. Set iterated to ? GetIteratorDirect(O).
    IteratorRecord iterated = TRY(get_iterator_direct(ctx, o));
    // 7. Let R be the empty String; let first be true.
    StringBuilder r(ctx.rt());
    bool first = true;
    // 8. Repeat,
    while (true) {
        // a. Let value be ? IteratorStepValue(iterated).
        Value value;
        bool has_value = TRY(iterator_step_value(ctx, iterated, &value));
        // b. If value is DONE, return R.
        if (!has_value) break;
        // c. If first is false, set R to the string-concatenation of R and sep.
        if (!first && !r.append(sep.as_string())) return ctx.throw_out_of_memory();
        first = false;
        // d. If value is undefined or null, let next be the empty String; else let next be
        //    Completion(ToString(value)) and IfAbruptCloseIterator(next, iterated).
        if (!value.is_nullish()) {
            Value next = to_string(ctx, value);
            if (next.is_exception()) return iterator_close_with_throw(ctx, iterated);
            if (!r.append(next.as_string())) return ctx.throw_out_of_memory();
        }
        // e. Set R to the string-concatenation of R and next.
        if (r.length() > String::kMaxLength) {
            ctx.throw_range_error("invalid string length");
            return iterator_close_with_throw(ctx, iterated);
        }
    }
    String* result = r.finish();
    if (!result) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, result);
}

const FunctionListEntry kIteratorPrototypeIncludesJoin[] = {
    QJS_FUNC("includes", 1, iterator_proto_includes),
    QJS_FUNC("join", 1, iterator_proto_join),
};

} // namespace

// Builtins.def: Iterator.prototype.includes and join.
bool install_iterator_includes_join(Context& ctx) {
    return define_function_list(ctx, ctx.intrinsic(Intrinsic::IteratorPrototype),
                                kIteratorPrototypeIncludesJoin);
}

} // namespace qjs
