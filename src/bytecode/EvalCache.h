// EvalCache.h: the compiled code of direct evals, kept by the calling function's bytecode and found
// again by eval site and source text, so that code evaluating the same strings again and again
// (SunSpider's date-format-tofte: `eval(c + "()")` in a loop) parses and compiles each string once.
// Not observable: compiled eval code holds no state of one evaluation except template objects (the
// constant becomes the template object on first use), so sources that may contain a template are
// never kept. Not part of a snapshot: a restored function starts with an empty cache.
#pragma once

#include <cstdint>

namespace qjs {

class EdgeVisitor;
class FunctionBytecode;
class String;

struct EvalCacheEntry {
    FunctionBytecode* code = nullptr; // strong reference; its m_source is the eval's source text
    uint32_t hash = 0;                // of the source text and the eval site
    uint16_t site = 0;                // the direct eval's scope operand in the caller
};

struct EvalCache {
    static constexpr uint32_t kEntries = 16; // by hash, two slots per key (the newer first)
    EvalCacheEntry entries[kEntries];
};

// The cached code of `source` evaluated at `site` of `caller`, with a new reference, or null.
FunctionBytecode* eval_cache_find(FunctionBytecode* caller, uint16_t site, const String* source);
// Keeps `code` (compiled from `source` at `site` of `caller`) when it is safe to share; out of
// memory only leaves it uncached.
void eval_cache_insert(FunctionBytecode* caller, uint16_t site, const String* source, FunctionBytecode* code);
void visit_eval_cache(EvalCache*, EdgeVisitor&);
// Drops the cache's references and memory (cycle collection, destruction).
void release_eval_cache(FunctionBytecode* caller);

} // namespace qjs
