#include "runtime/Runtime.h"

#include "gc/Visitor.h"
#include "gc/Weak.h"
#include "loop/EventLoop.h"
#include "regexp/RegExpCache.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Shape.h"
#include "runtime/String.h"
#include "runtime/Symbol.h"
#include "runtime/VectorGrowth.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace qjs {

thread_local Runtime* Runtime::s_current = nullptr;

// Every block carries its size and its pool page (null for a block straight from the allocator) in
// front of it, so free() needs only the pointer. 16 bytes keep the payload aligned for doubles.
struct BlockHeader {
    size_t size;
    SmallBlockPool::Page* page;
};
static constexpr size_t kHeaderSize = 16;
static_assert(sizeof(BlockHeader) <= kHeaderSize);
static BlockHeader* header_of(const void* ptr) {
    return reinterpret_cast<BlockHeader*>(static_cast<uint8_t*>(const_cast<void*>(ptr)) - kHeaderSize);
}

static void* system_alloc(void*, size_t size) {
    return std::malloc(size);
}
static void system_free(void*, void* ptr, size_t) {
    std::free(ptr);
}

Runtime* Runtime::create(size_t memory_limit, const Allocator* allocator) {
    Allocator a = allocator ? *allocator : Allocator{system_alloc, system_free, nullptr};
    void* mem = a.alloc(sizeof(Runtime));
    if (!mem) return nullptr;
    Runtime* rt = new (mem) Runtime();
    rt->m_allocator = a;
    rt->m_memory_limit = memory_limit;
    rt->m_gc_list.m_gc_prev = rt->m_gc_list.m_gc_next = &rt->m_gc_list;
    Runtime* previous = s_current;
    rt->make_current();

    // The native stack limit: leave headroom below the current position. Hosts with small stacks
    // (wasm) can lower it through the API.
    rt->set_max_stack_size(4 * 1024 * 1024); // assume at least 8 MiB stacks; use half
    rt->m_host_functions.push_back(HostFunction{nullptr, 0, atoms::invalid}); // id 0 is "none"

    // Predefined atoms: strings first, then the well-known symbols.
    rt->m_atom_cells.reserve(512);
    rt->m_atom_cells.push_back(nullptr); // atom 0 is invalid
    rt->m_atom_hash.assign(1024, 0);
    static const char* const kAtomTexts[] = {
#define QJS_ATOM(id, text) text,
#include "runtime/Atoms.def"
#undef QJS_ATOM
    };
    for (const char* text : kAtomTexts) {
        String* s = String::create_ascii(*rt, text);
        VERIFY(s);
        VERIFY(rt->add_atom(s, (s->compute_hash(), s->hash())) == rt->m_atom_cells.size() - 1);
        s->m_atom = static_cast<Atom>(rt->m_atom_cells.size() - 1);
        s->unref(); // the atom table keeps it
    }
    VERIFY(rt->m_atom_cells.size() == atoms::first_well_known_symbol);
    static const char* const kSymbolTexts[] = {
#define QJS_SYMBOL(id, text) text,
#include "runtime/WellKnownSymbols.def"
#undef QJS_SYMBOL
    };
    for (const char* text : kSymbolTexts) {
        Symbol* sym = rt->new_cell<Symbol>(0);
        VERIFY(sym);
        String* desc = String::create_ascii(*rt, text);
        VERIFY(desc);
        sym->description = Value::adopt(Tag::String, desc);
        VERIFY(rt->new_symbol_atom(sym));
        sym->unref(); // the atom table keeps it
    }
    VERIFY(rt->m_atom_cells.size() == atoms::end_predefined);
    if (previous) previous->make_current();
    rt->make_current();
    return rt;
}

void Runtime::drop_snapshot_base() {
    Vector<Cell*> cells = std::move(m_snapshot_base_cells);
    Vector<uint64_t>().swap(m_snapshot_base_hashes);
    m_snapshot_base_crc = 0;
    m_snapshot_base_length = 0;
    for (Cell* c : cells)
        c->unref();
}

void Runtime::release_all() {
    make_current();
    drop_snapshot_base();
    m_exception = Value();
    m_uncatchable = false;
    if (m_event_loop) m_event_loop->clear_timers();
    clear_kept_objects(*this);
    clear_shape_transitions(*this);
    for (Context* ctx : m_contexts)
        ctx->release();
    // Targets freed by a collection may queue FinalizationRegistry cleanup jobs: dropped too, with
    // what only they held.
    do {
        m_jobs.clear();
        m_job_head = 0;
        collect_cycles();
    } while (!m_jobs.empty());
}

size_t Runtime::destroy() {
    release_all();

    // Whatever is still on the gc list is a leak: something holds a reference that was never
    // dropped. Report it, then free it by force so the process stays clean.
    size_t leaks = 0;
    for (GcCell* c = m_gc_list.m_gc_next; c != &m_gc_list; c = c->m_gc_next) {
        if (leaks < 20) {
            std::fprintf(stderr, "leak: %s cell %p refcount %u", cell_kind_name(c->kind()),
                         static_cast<void*>(c), c->m_ref_count);
            if (c->kind() == CellKind::Object)
                std::fprintf(stderr, " class %s", class_name(static_cast<Object*>(c)->class_id()));
            std::fprintf(stderr, "\n");
        }
        ++leaks;
    }
    if (leaks) {
        // Break every remaining cell's edges, then free them.
        Vector<GcCell*> cells;
        for (GcCell* c = m_gc_list.m_gc_next; c != &m_gc_list; c = c->m_gc_next)
            cells.push_back(c);
        for (GcCell* c : cells)
            c->ref();
        for (GcCell* c : cells)
            clear_edges(c);
        for (GcCell* c : cells) {
            c->m_ref_count = 1;
            c->unref();
        }
    }
    for (Vector<Context*>* list : {&m_contexts, &m_failed_contexts}) {
        for (Context* ctx : *list) {
            ctx->~Context();
            free(ctx);
        }
        Vector<Context*>().swap(*list);
    }

    // Atoms: strings and symbols are owned by the table.
    for (size_t i = 1; i < m_atom_cells.size(); ++i) {
        Cell* c = m_atom_cells[i];
        if (!c) continue;
        if (c->kind() == CellKind::String) static_cast<String*>(c)->m_atom = atoms::invalid;
        c->unref();
    }
    Vector<Cell*>().swap(m_atom_cells);
    Vector<uint32_t>().swap(m_atom_hash);
    Vector<Atom>().swap(m_atom_free);
    Vector<Atom>().swap(m_collectable_atoms);
    if (m_shape_table) free(m_shape_table);
    Vector<Job>().swap(m_jobs);
    Vector<HostFunction>().swap(m_host_functions);
    destroy_weak_state(*this);
    regexp::destroy_program_cache(*this);

    // Pages still holding a block after this are leaks (counted in `left`); all go back at the end.
    m_memory_used -= m_small_blocks.release_empty_pages(m_allocator);
    size_t left = m_memory_used;
    m_small_blocks.release_all_pages(m_allocator);
    if (left && !leaks) std::fprintf(stderr, "leak: %zu bytes still allocated at runtime teardown\n", left);
    Allocator a = m_allocator;
    this->~Runtime();
    a.free(this, sizeof(Runtime));
    if (s_current == this) s_current = nullptr;
    return leaks + (left && !leaks ? 1 : 0);
}

// ---- stack and interrupts ----

void Runtime::set_max_stack_size(size_t bytes) {
    m_max_stack_size = bytes;
    auto top = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    m_stack_limit = bytes == 0 || bytes >= top ? 0 : top - bytes;
#ifdef QJS_WASM_STACK_SIZE
    // wasm32 (cmake/wasm32-wasi.cmake): the stack is the first QJS_WASM_STACK_SIZE bytes of linear memory,
    // growing down towards 0, and below 0 is a trap, not more stack. Whatever the budget (the default
    // 4 MiB is more than the whole stack), the limit keeps a reserve for the native code that runs between
    // two checks (library calls, the regexp matcher's leaf frames).
    constexpr uintptr_t kWasmStackReserve = 64 * 1024;
    if (m_stack_limit < kWasmStackReserve) m_stack_limit = kWasmStackReserve;
#endif
}

bool Runtime::poll_interrupt_handler() {
    if (m_interrupt_countdown > 0) {
        --m_interrupt_countdown;
        return false;
    }
    m_interrupt_countdown = kInterruptPollInterval;
    if (!m_interrupt_handler(this, m_interrupt_opaque)) return false;
    m_interrupt_requested = 1;
    return true;
}

uint32_t Runtime::register_host_function(void (*fn)(), int kind, Atom name) {
    if (name == atoms::invalid) name = atoms::empty_string; // what a snapshot restores for "no name"
    for (uint32_t id = 1; id < m_host_functions.size(); ++id)
        if (m_host_functions[id].fn == fn && m_host_functions[id].kind == kind) return id;
    m_host_functions.push_back(HostFunction{fn, kind, name});
    return static_cast<uint32_t>(m_host_functions.size() - 1);
}

uint32_t Runtime::bind_host_function(Atom name, int kind, void (*fn)()) {
    uint32_t bound = 0;
    for (uint32_t id = 1; id < m_host_functions.size(); ++id) {
        HostFunction& h = m_host_functions[id];
        if (!h.fn && h.name == name && h.kind == kind) {
            h.fn = fn;
            ++bound;
        }
    }
    return bound;
}

// ---- memory ----

// Blocks of at most kMaxPooledPayload bytes come from the small-block pool, which counts whole pages.
static constexpr size_t kMaxPooledPayload = SmallBlockPool::kMaxBlock - kHeaderSize;
static size_t pool_class(size_t size) {
    return SmallBlockPool::size_class(size + kHeaderSize);
}

bool Runtime::within_limit(size_t bytes) {
    if (!m_memory_limit || m_memory_used + bytes <= m_memory_limit) return true;
    m_memory_used -= m_small_blocks.release_empty_pages(m_allocator);
    return m_memory_used + bytes <= m_memory_limit;
}

// What an allocation of `size` payload bytes takes from the allocator: 0 when a pool page has room.
size_t Runtime::allocation_cost(size_t size) const {
    if (size <= kMaxPooledPayload)
        return m_small_blocks.has_room(pool_class(size)) ? 0 : SmallBlockPool::kPageBytes;
    return size + kHeaderSize;
}

void* Runtime::alloc(size_t size) {
    if (size > SIZE_MAX / 2 || (m_fail_alloc_at && ++m_alloc_count == m_fail_alloc_at)) [[unlikely]] {
        ++m_failed_allocs;
        return nullptr;
    }
    size_t cost = allocation_cost(size);
    if (cost && !within_limit(cost)) [[unlikely]] {
        ++m_failed_allocs;
        return nullptr;
    }
    void* p = alloc_unchecked(size);
    if (!p) [[unlikely]]
        ++m_failed_allocs;
    return p;
}

bool Runtime::can_allocate(size_t size) {
    if (size > SIZE_MAX / 2 || (m_fail_alloc_at && ++m_alloc_count == m_fail_alloc_at)) [[unlikely]] {
        ++m_failed_allocs;
        return false;
    }
    size_t cost = allocation_cost(size);
    if (!cost) return true;
    if (!within_limit(cost)) {
        ++m_failed_allocs;
        return false;
    }
    // Probe the system allocator: a container that got nullptr would write through it.
    void* probe = m_allocator.alloc(cost);
    if (!probe) {
        ++m_failed_allocs;
        return false;
    }
    m_allocator.free(probe, cost);
    return true;
}

void* Runtime::alloc_unchecked(size_t size) {
    BlockHeader* header;
    SmallBlockPool::Page* page = nullptr;
    if (size <= kMaxPooledPayload) {
        size_t cls = pool_class(size);
        header = static_cast<BlockHeader*>(m_small_blocks.take(cls, &page));
        if (!header) {
            void* memory = m_allocator.alloc(SmallBlockPool::kPageBytes);
            if (!memory) return nullptr;
            m_memory_used += SmallBlockPool::kPageBytes;
            m_small_blocks.add_page(cls, memory);
            header = static_cast<BlockHeader*>(m_small_blocks.take(cls, &page));
        }
    } else {
        if (size > SIZE_MAX / 2) return nullptr;
        header = static_cast<BlockHeader*>(m_allocator.alloc(size + kHeaderSize));
        if (!header) return nullptr;
        m_memory_used += size + kHeaderSize;
    }
    header->size = size;
    header->page = page;
    return reinterpret_cast<uint8_t*>(header) + kHeaderSize;
}

void Runtime::free(void* ptr) {
    if (!ptr) return;
    BlockHeader* header = header_of(ptr);
    if (SmallBlockPool::Page* page = header->page) {
        if (void* released = m_small_blocks.give(header, page)) {
            m_memory_used -= SmallBlockPool::kPageBytes;
            m_allocator.free(released, SmallBlockPool::kPageBytes);
        }
        return;
    }
    m_memory_used -= header->size + kHeaderSize;
    m_allocator.free(header, header->size + kHeaderSize);
}

size_t Runtime::allocation_size(const void* ptr) {
    return header_of(ptr)->size;
}

void* Runtime::realloc(void* ptr, size_t new_size) {
    if (!ptr) return alloc(new_size);
    BlockHeader* header = header_of(ptr);
    if (new_size <= header->size) return ptr;
    if (header->page && new_size <= kMaxPooledPayload && pool_class(new_size) == header->page->cls) {
        header->size = new_size; // the block's size class has room
        return ptr;
    }
    void* fresh = alloc(new_size);
    if (!fresh) return nullptr;
    std::memcpy(fresh, ptr, header->size);
    free(ptr);
    return fresh;
}

// ---- gc list ----

void Runtime::link_gc_cell(GcCell* c) {
    GcCell* last = m_gc_list.m_gc_prev;
    c->m_gc_prev = last;
    c->m_gc_next = &m_gc_list;
    last->m_gc_next = c;
    m_gc_list.m_gc_prev = c;
    ++m_gc_cell_count;
}

void Runtime::unlink_gc_cell(GcCell* c) {
    c->m_gc_prev->m_gc_next = c->m_gc_next;
    c->m_gc_next->m_gc_prev = c->m_gc_prev;
    c->m_gc_prev = c->m_gc_next = nullptr;
    --m_gc_cell_count;
}

// ---- atoms ----

static bool string_is_index(const String* s, uint32_t* out) {
    uint32_t n = s->length();
    if (n == 0 || n > 10) return false;
    char16_t c0 = s->at(0);
    if (c0 < '0' || c0 > '9') return false;
    if (c0 == '0' && n > 1) return false;
    uint64_t v = 0;
    for (uint32_t i = 0; i < n; ++i) {
        char16_t c = s->at(i);
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    if (v > kMaxAtomIndex) return false;
    *out = static_cast<uint32_t>(v);
    return true;
}

Atom Runtime::add_atom(Cell* cell, uint32_t hash) {
    Atom a;
    if (!m_atom_free.empty()) {
        a = m_atom_free.back();
        m_atom_free.pop_back();
        m_atom_cells[a] = cell;
    } else {
        a = static_cast<Atom>(m_atom_cells.size());
        if (a >= kAtomIndexBit || !vector_push(m_atom_cells, cell)) return atoms::invalid;
    }
    cell->ref();
    if (cell->kind() == CellKind::String) {
        if ((m_atom_string_count + 1) * 2 > m_atom_hash.size() && !grow_atom_table()) return a;
        uint32_t mask = static_cast<uint32_t>(m_atom_hash.size() - 1);
        uint32_t i = hash & mask;
        while (m_atom_hash[i])
            i = (i + 1) & mask;
        m_atom_hash[i] = a;
        ++m_atom_string_count;
    }
    return a;
}

// Removes string atom `a` from the hash index (linear probing: later entries of the same run move
// back into the hole, so lookups never stop early).
void Runtime::erase_atom_hash(Atom a) {
    uint32_t mask = static_cast<uint32_t>(m_atom_hash.size() - 1);
    uint32_t i = static_cast<String*>(m_atom_cells[a])->hash() & mask;
    while (m_atom_hash[i] != a)
        i = (i + 1) & mask;
    for (uint32_t j = (i + 1) & mask; m_atom_hash[j]; j = (j + 1) & mask) {
        uint32_t home = static_cast<String*>(m_atom_cells[m_atom_hash[j]])->hash() & mask;
        // Entry j may fill the hole at i when its home is not in the cyclic range (i, j].
        bool stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
        if (stays) continue;
        m_atom_hash[i] = m_atom_hash[j];
        i = j;
    }
    m_atom_hash[i] = 0;
    --m_atom_string_count;
}

void Runtime::note_collectable_atom(Cell* cell, Atom a) {
    if (!vector_push(m_collectable_atoms, a)) return; // out of memory: the atom stays permanent
    cell->m_bits |= kCollectableAtomBit;
    if (++m_collectable_made >= m_atom_sweep_threshold) m_atom_sweep_due = true;
}

void Runtime::pin_atom(Atom a) {
    if (atom_is_index(a) || a == atoms::invalid) return;
    m_atom_cells[a]->m_bits &= ~kCollectableAtomBit; // sweep_atoms drops it from its list
}

void Runtime::sweep_atoms() {
    m_atom_sweep_due = false;
    clear_shape_transitions(*this); // their shapes' keys would keep atoms alive
    m_collectable_made = 0;
    Vector<Cell*> dead;
    size_t kept = 0;
    for (Atom a : m_collectable_atoms) {
        Cell* c = m_atom_cells[a];
        if (!(c->m_bits & kCollectableAtomBit)) continue; // pinned since
        if (c->m_ref_count > 1 || !vector_push(dead, c)) {
            m_collectable_atoms[kept++] = a;
            continue;
        }
        // Only the table holds it: no shape has it as a key and no value refers to it.
        c->m_bits &= ~kCollectableAtomBit;
        if (c->kind() == CellKind::String) {
            erase_atom_hash(a);
            static_cast<String*>(c)->m_atom = atoms::invalid;
        } else {
            static_cast<Symbol*>(c)->atom = atoms::invalid;
        }
        m_atom_cells[a] = nullptr;
        (void)vector_push(m_atom_free, a); // out of memory: the number is not reused
    }
    m_collectable_atoms.resize(kept);
    // Sweep again after as many new collectable atoms as are alive now (at least 4096): linear overall.
    m_atom_sweep_threshold = kept > 4096 ? static_cast<uint32_t>(kept) : 4096;
    for (Cell* c : dead)
        c->unref(); // a symbol's weak holders (WeakMap keys, WeakRefs) are cleared here
}

bool Runtime::grow_atom_table() {
    Vector<uint32_t> fresh(m_atom_hash.size() * 2, 0);
    uint32_t mask = static_cast<uint32_t>(fresh.size() - 1);
    for (uint32_t a : m_atom_hash) {
        if (!a) continue;
        uint32_t i = static_cast<String*>(m_atom_cells[a])->hash() & mask;
        while (fresh[i])
            i = (i + 1) & mask;
        fresh[i] = a;
    }
    m_atom_hash.swap(fresh);
    return true;
}

// The atom of `s` (made from `s` itself when new: collectable or permanent as asked); an existing
// atom is returned as it is.
Atom Runtime::lookup_or_add_atom(String* s, bool collectable) {
    if (s->m_atom != atoms::invalid) return s->m_atom;
    uint32_t index;
    if (string_is_index(s, &index)) return atom_from_index(index);
    if (s->hash() == 0) s->compute_hash();
    uint32_t mask = static_cast<uint32_t>(m_atom_hash.size() - 1);
    for (uint32_t i = s->hash() & mask; m_atom_hash[i]; i = (i + 1) & mask) {
        auto* candidate = static_cast<String*>(m_atom_cells[m_atom_hash[i]]);
        if (candidate->hash() == s->hash() && candidate->equals(s)) return m_atom_hash[i];
    }
    Atom a = add_atom(s, s->hash());
    if (!a) return a;
    s->m_atom = a;
    if (collectable) note_collectable_atom(s, a);
    return a;
}

Atom Runtime::intern_key(String* s) {
    return lookup_or_add_atom(s, true);
}

Atom Runtime::intern(String* s) {
    Atom a = lookup_or_add_atom(s, false);
    if (a && !atom_is_index(a)) pin_atom(a);
    return a;
}

Atom Runtime::intern_ascii(std::string_view text) {
    // Most names interned while a realm is set up exist already: look the text up before making a
    // string of it (an index-like text takes the general path, which maps it to an index atom).
    if (!text.empty() && !(text[0] >= '0' && text[0] <= '9')) {
        uint32_t h = String::hash_chars(reinterpret_cast<const uint8_t*>(text.data()), text.size());
        uint32_t mask = static_cast<uint32_t>(m_atom_hash.size() - 1);
        for (uint32_t i = h & mask; m_atom_hash[i]; i = (i + 1) & mask) {
            auto* candidate = static_cast<String*>(m_atom_cells[m_atom_hash[i]]);
            if (candidate->hash() == h && candidate->equals_ascii(text)) {
                pin_atom(m_atom_hash[i]); // as intern() does: a host name must not be swept
                return m_atom_hash[i];
            }
        }
        // New, not an index, hash known: added without intern()'s second hashing and probe.
        String* s = String::create_ascii(*this, text);
        if (!s) return atoms::invalid;
        s->m_hash = h;
        Atom a = add_atom(s, h);
        if (a) s->m_atom = a;
        s->unref();
        return a;
    }
    String* s = String::create_ascii(*this, text);
    if (!s) return atoms::invalid;
    Atom a = intern(s);
    s->unref();
    return a;
}

Atom Runtime::intern_utf16(const char16_t* chars, size_t length) {
    String* s = String::create_utf16(*this, chars, length);
    if (!s) return atoms::invalid;
    Atom a = intern(s);
    s->unref();
    return a;
}

Atom Runtime::new_symbol_atom(Symbol* sym, bool collectable) {
    Atom a = add_atom(sym, 0);
    sym->atom = a;
    if (a && collectable) note_collectable_atom(sym, a);
    return a;
}

String* Runtime::atom_string(Atom a) const {
    DEBUG_VERIFY(!atom_is_index(a));
    return static_cast<String*>(m_atom_cells[a]);
}

Value Runtime::atom_to_value(Atom a) {
    if (atom_is_index(a)) {
        char buf[16];
        int n = std::snprintf(buf, sizeof buf, "%u", atom_index_value(a));
        String* s =
            String::create_latin1(*this, reinterpret_cast<const uint8_t*>(buf), static_cast<size_t>(n));
        if (!s) return Exception{};
        return Value::adopt(Tag::String, s);
    }
    Cell* c = m_atom_cells[a];
    if (c->kind() == CellKind::Symbol) return Value::cell(Tag::Symbol, c);
    return Value::cell(Tag::String, c);
}

Value Runtime::atom_to_string(Atom a) {
    if (!atom_is_index(a) && m_atom_cells[a]->kind() == CellKind::Symbol) {
        auto* sym = static_cast<Symbol*>(m_atom_cells[a]);
        return sym->description.is_undefined() ? Value::cell(Tag::String, m_atom_cells[atoms::empty_string])
                                               : sym->description;
    }
    return atom_to_value(a);
}

Symbol* Runtime::well_known_symbol(WellKnownSymbol s) const {
    return static_cast<Symbol*>(m_atom_cells[atoms::first_well_known_symbol + static_cast<uint32_t>(s)]);
}

// ---- jobs ----

void Runtime::enqueue_job(Context* realm, Value function, Vector<Value> args) {
    m_jobs.push_back(Job{realm, std::move(function), std::move(args)});
}

bool Runtime::run_jobs() {
    // The synchronous run that queued these jobs is over: 9.10.1 ClearKeptObjects, and after every job.
    clear_kept_objects(*this);
    // With no JS running, no native code holds a bare atom: a safe point to free unused ones.
    bool outermost = m_js_call_depth == 0 && !m_current_frame;
    if (outermost && m_atom_sweep_due) sweep_atoms();
    while (m_job_head < m_jobs.size()) {
        Job job = std::move(m_jobs[m_job_head++]);
        if (m_job_head == m_jobs.size()) {
            m_jobs.clear();
            m_job_head = 0;
        }
        if (job.realm->m_released) continue; // its realm was freed: the job is dropped
        HostCallInProgress host_call(*this);
        Value result = call(*job.realm, job.function, Value(), job.args);
        clear_kept_objects(*this);
        if (result.is_exception()) return false;
        if (outermost && m_atom_sweep_due) sweep_atoms();
    }
    return true;
}

} // namespace qjs
