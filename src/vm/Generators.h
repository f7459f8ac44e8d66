// Generators.h: generator objects, async functions and async generators: everything that runs on
// a HeapFrame (see Frames.h).
#pragma once

#include "runtime/Object.h"
#include "vm/Frames.h"

#include <span>

namespace qjs {

class FunctionObject;

// The generator object (ClassId::Generator / ClassId::AsyncGenerator).
class GeneratorObject : public Object {
  public:
    enum class State : uint8_t { SuspendedStart, SuspendedYield, Executing, Completed };
    Value m_frame; // the HeapFrame (InternalCell), undefined once completed
    State m_state = State::SuspendedStart;
    // Async generators: the request queue, an Array of [kind, value, promise] triples (flattened).
    Value m_queue;
};

// [[Call]] of a generator, async function or async generator function (this already bound).
Value start_suspendable_function(Context&, FunctionObject*, Value this_binding, std::span<const Value> args);

// GeneratorResume / GeneratorResumeAbrupt: kind is resume::Next, resume::Throw or resume::Return.
Value generator_resume(Context&, const Value& generator, const Value& v, int32_t kind);

// AsyncGenerator.prototype.next/return/throw: AsyncGeneratorEnqueue + resume (returns the promise).
Value async_generator_enqueue(Context&, const Value& generator, const Value& v, int32_t kind);

void register_generator_classes();

} // namespace qjs
