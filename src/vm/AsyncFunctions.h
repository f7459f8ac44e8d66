// AsyncFunctions.h: async functions (27.7) and async generators (27.6) on heap frames, and Await.
#pragma once

#include "runtime/Value.h"
#include "vm/Frames.h"

namespace qjs {

// Runs a fresh async function frame (prologue attached in `f`) to its first await and returns
// its promise.
Value async_function_start(Context&, const Value& frame, Frame& f);

// Pushes the resumption value(s) the suspended instruction expects onto the frame's stack.
void push_resumption(HeapFrame*, const Value& v, int32_t kind);

void register_async_natives();

} // namespace qjs
