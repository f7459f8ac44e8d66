// EvalCache.cpp: see EvalCache.h.
#include "bytecode/EvalCache.h"

#include "bytecode/FunctionBytecode.h"
#include "gc/Visitor.h"
#include "runtime/String.h"

#include <new>

namespace qjs {

namespace {
// Longer sources are rare in loops and would keep much memory alive.
constexpr uint32_t kMaxCachedLength = 4096;

uint32_t key_hash(const String* source, uint16_t site) {
    uint32_t h = source->is_wide() ? String::hash_chars(source->utf16(), source->length())
                                   : String::hash_chars(source->latin1(), source->length());
    return h ^ (uint32_t(site) * 0x9e3779b1u);
}

// A template literal needs a backquote; other code keeps nothing of an evaluation in its bytecode.
bool may_contain_template(const String* source) {
    for (uint32_t i = 0; i < source->length(); ++i)
        if (source->at(i) == u'`') return true;
    return false;
}

bool matches(const EvalCacheEntry& e, uint32_t h, uint16_t site, const String* source) {
    return e.code && e.hash == h && e.site == site && e.code->m_source->equals(source);
}
} // namespace

FunctionBytecode* eval_cache_find(FunctionBytecode* caller, uint16_t site, const String* source) {
    EvalCache* cache = caller->m_eval_cache;
    if (!cache || source->length() > kMaxCachedLength) return nullptr;
    uint32_t h = key_hash(source, site);
    for (uint32_t k = 0; k < 2; ++k) {
        EvalCacheEntry& e = cache->entries[(h + k) % EvalCache::kEntries];
        if (!matches(e, h, site, source)) continue;
        e.code->ref();
        return e.code;
    }
    return nullptr;
}

void eval_cache_insert(FunctionBytecode* caller, uint16_t site, const String* source,
                       FunctionBytecode* code) {
    if (source->length() > kMaxCachedLength || !code->m_source || !code->m_source->equals(source) ||
        may_contain_template(source))
        return;
    if (!caller->m_eval_cache) {
        void* mem = Runtime::current()->alloc(sizeof(EvalCache));
        if (!mem) return;
        caller->m_eval_cache = new (mem) EvalCache();
    }
    uint32_t h = key_hash(source, site);
    EvalCacheEntry* first = &caller->m_eval_cache->entries[h % EvalCache::kEntries];
    EvalCacheEntry* second = &caller->m_eval_cache->entries[(h + 1) % EvalCache::kEntries];
    code->ref();
    // The new entry goes first; what was there moves to the second slot, whose entry is dropped.
    FunctionBytecode* dropped = nullptr;
    if (first->code) {
        dropped = second->code;
        *second = *first;
    }
    *first = EvalCacheEntry{code, h, site};
    if (dropped) dropped->unref();
}

void visit_eval_cache(EvalCache* cache, EdgeVisitor& v) {
    if (!cache) return;
    for (EvalCacheEntry& e : cache->entries)
        if (e.code) v.visit_cell(e.code);
}

void release_eval_cache(FunctionBytecode* caller) {
    EvalCache* cache = caller->m_eval_cache;
    if (!cache) return;
    caller->m_eval_cache = nullptr;
    for (EvalCacheEntry& e : cache->entries) {
        FunctionBytecode* code = e.code;
        e.code = nullptr;
        if (code) code->unref();
    }
    Runtime::current()->free(cache);
}

} // namespace qjs
