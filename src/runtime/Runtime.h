// Runtime.h: one JavaScript runtime: the heap (allocator with a memory limit, the gc list),
// atoms, shared shapes, the pending exception, the job queue and the stack limit. Contexts
// (realms) live inside a runtime. A thread uses one runtime at a time: API entry points make their
// runtime current (Runtime::current()), which is how reference-count drops find their allocator.
#pragma once

#include "base/Allocator.h"
#include "base/SmallBlockPool.h"
#include "gc/Cell.h"
#include "runtime/Atom.h"
#include "runtime/Value.h"

#include <cstddef>
#include <cstdint>
#include <new>
#include <string_view>
#include <vector>

namespace qjs {

class Context;
class EventLoop;
class Object;
class Shape;
class String;
class Symbol;
struct Frame;

// The allocator adaptor that lets std containers allocate through the current runtime.
template <typename T> struct RuntimeAllocator {
    using value_type = T;
    RuntimeAllocator() = default;
    template <typename U> RuntimeAllocator(const RuntimeAllocator<U>&) {}
    T* allocate(size_t n);
    void deallocate(T* p, size_t n);
    template <typename U> bool operator==(const RuntimeAllocator<U>&) const { return true; }
};
template <typename T> using Vector = std::vector<T, RuntimeAllocator<T>>;

// A pending job (PromiseJobs): call `function` with `args` in `realm`. Jobs hold only values, so
// the queue can be serialized with the heap.
struct Job {
    Context* realm;
    Value function;
    Vector<Value> args;
};

// The build option QJS_GC_STRESS=N collects cycles at every N-th object allocation (0: off). Once the
// heap holds more than N * kGcStressHeapShare cells the interval grows with it (one collection per
// 1/kGcStressHeapShare of the live cells allocated), so the collector's total work stays linear in the
// allocations: a test that builds a 1e5-deep structure runs in seconds, not hours, while a realm-sized
// heap is still collected every N allocations.
#ifdef QJS_GC_STRESS
constexpr uint32_t kGcStressInterval = QJS_GC_STRESS;
#else
constexpr uint32_t kGcStressInterval = 0;
#endif
constexpr size_t kGcStressHeapShare = 1024;

class Runtime {
  public:
    static Runtime* create(size_t memory_limit = 0, const Allocator* allocator = nullptr);
    // Frees everything; returns the number of cells still alive (leaks), describing them on stderr.
    size_t destroy();
    // Drops every root the runtime holds (the delta base, the pending exception, the jobs, kept
    // objects, timers, the realms' roots) and collects what they held, with the FinalizationRegistry
    // cleanup jobs that collection queues. The first half of destroy(); a failed restore does it too.
    void release_all();

    static Runtime* current() { return s_current; }
    void make_current() { s_current = this; }

    // ---- memory ----
    // Raw allocation through the runtime's allocator, counted against the memory limit.
    // nullptr when the limit is hit or the system is out of memory.
    void* alloc(size_t size);
    // Allocations carry their size in a small header, so freeing needs only the pointer.
    void free(void* ptr);
    static size_t allocation_size(const void* ptr); // the size asked for when `ptr` was allocated
    void* realloc(void* ptr, size_t new_size);      // nullptr on failure (the old block stays valid)
    // Allocation that may exceed the limit (for std containers, which cannot fail): the overshoot
    // makes the next checked allocation fail.
    void* alloc_unchecked(size_t size);
    // Bytes taken from the allocator: small-block pool pages count whole, free blocks in them included.
    size_t memory_used() const { return m_memory_used; }
    size_t memory_limit() const { return m_memory_limit; }
    void set_memory_limit(size_t limit) { m_memory_limit = limit; }
    // Whether `size` more bytes fit under the memory limit and the system can provide them now.
    // std containers cannot report failure (no exceptions), so code that grows one by an amount a
    // script controls asks first and throws out-of-memory instead (runtime/VectorGrowth.h).
    bool can_allocate(size_t size);
    bool m_throwing_oom = false; // building the out-of-memory error (the limit is lifted for it)
    void set_gc_threshold(size_t cells) { m_gc_threshold = cells; }
    size_t gc_threshold() const { return m_gc_threshold; }

    // Allocates and constructs a cell of type T with `extra` trailing bytes; GcCells are linked on
    // the gc list. nullptr on OOM.
    template <typename T, typename... Args> T* new_cell(size_t extra, Args&&... args) {
        void* mem = alloc(sizeof(T) + extra);
        if (!mem) return nullptr;
        T* cell = new (mem) T(static_cast<Args&&>(args)...);
        if constexpr (std::is_base_of_v<GcCell, T>) link_gc_cell(cell);
        return cell;
    }
    void link_gc_cell(GcCell*);
    void unlink_gc_cell(GcCell*);
    GcCell& gc_list() { return m_gc_list; }
    size_t gc_cell_count() const { return m_gc_cell_count; }

    // ---- cycle collection ----
    void collect_cycles();
    void maybe_collect_cycles() {
        if (kGcStressInterval && ++m_gc_stress_count >= kGcStressInterval && // a QJS_GC_STRESS build
            m_gc_stress_count >= m_gc_cell_count / kGcStressHeapShare) {
            m_gc_stress_count = 0;
            collect_cycles();
            return;
        }
        if (m_gc_cell_count >= m_gc_threshold || m_memory_used >= m_gc_memory_threshold) collect_cycles();
    }
    // After a collection: the next one comes once the gc cells or the bytes in use have doubled (plus
    // a floor). Bytes count when few cells hold much memory, as the compiled code an eval drops does.
    void reset_gc_thresholds() {
        m_gc_threshold = m_gc_cell_count * 2 + 10000;
        m_gc_memory_threshold = m_memory_used * 2 + kGcMemoryFloor;
    }
    bool m_in_gc = false;

    // Weak references, kept objects, finalization bookkeeping (gc/Weak.h); created on first use.
    struct WeakState* m_weak = nullptr;
    // Recently compiled regexp programs (regexp/RegExpCache.h); created on first use.
    struct RegExpCache* m_regexp_cache = nullptr;
    uint32_t m_gc_stress_count = 0;
    // Fault injection (tests): when non-zero, the checked allocation that brings m_alloc_count to
    // this number fails, as if the memory limit were hit.
    uint64_t m_fail_alloc_at = 0;
    uint64_t m_alloc_count = 0;
    // Checked allocations refused so far (alloc, realloc, can_allocate): work that must be all or
    // nothing (Context::create) compares it before and after, which catches a failure some callee
    // swallowed. A refusal that a retry made good (Object::allocate_memory) is taken back.
    uint64_t m_failed_allocs = 0;

    // ---- atoms ----
    // Atoms are permanent (pinned) or collectable. Collectable atoms are the symbols of Symbol() and
    // of private names, and strings that became atoms as property keys at run time (intern_key);
    // the table holds them, shapes hold their keys' cells, and sweep_atoms() frees those only the
    // table still holds, at safe points where no native code can hold a bare Atom (a backward jump
    // when every call in progress is the host's, see m_calls_in_progress; between jobs). Every other
    // way to an atom pins it: compiled code, module records, host names and embedders keep bare Atoms.
    Atom intern(String*);                       // takes no ownership; pins; returns 0 on OOM
    Atom intern_key(String*);                   // a run-time property key: collectable if new; 0 on OOM
    Atom intern_ascii(std::string_view);        // pins; 0 on OOM
    Atom intern_utf16(const char16_t*, size_t); // pins; 0 on OOM
    Atom new_symbol_atom(Symbol*, bool collectable = false); // 0 on OOM
    void pin_atom(Atom);                                     // makes a collectable atom permanent
    void sweep_atoms();                                      // frees collectable atoms only the table holds
    // Set when enough collectable atoms were made since the last sweep; the interpreter and the job
    // loop sweep at their next safe point (vm/Interpreter.cpp, run_jobs).
    bool m_atom_sweep_due = false;
    static constexpr uint16_t kCollectableAtomBit = 0x2000; // in a String/Symbol cell's m_bits
    size_t live_atom_count() const { return m_atom_cells.size() - 1 - m_atom_free.size(); }
    Cell* atom_cell(Atom a) const { return m_atom_cells[a]; } // String* or Symbol*; not for index atoms
    bool atom_is_symbol(Atom a) const {
        return !atom_is_index(a) && m_atom_cells[a]->kind() == CellKind::Symbol;
    }
    String* atom_string(Atom a) const; // string atoms only; borrowed
    Value atom_to_value(Atom a);       // the key as a string/symbol value (index atoms become strings)
    Value atom_to_string(Atom a);      // like atom_to_value but symbols give their descriptive string
    Symbol* well_known_symbol(WellKnownSymbol s) const;

    // ---- exceptions ----
    Value m_exception;          // the pending exception (valid while a function returned Exception)
    bool m_uncatchable = false; // the pending exception cannot be caught (interrupt, OOM while throwing)
    Value take_exception() {
        m_uncatchable = false;
        return std::move(m_exception);
    }
    bool has_exception() const { return !m_exception.is_undefined() || m_uncatchable; }

    // ---- jobs ----
    Vector<Job> m_jobs; // FIFO: jobs [m_job_head, size) are pending
    size_t m_job_head = 0;
    bool has_pending_jobs() const { return m_job_head < m_jobs.size(); }
    void enqueue_job(Context*, Value function, Vector<Value> args);
    // Runs all pending jobs. Returns false if one threw (exception pending).
    bool run_jobs();

    // ---- stack and interrupts ----
    uintptr_t m_stack_limit = 0; // lowest allowed native stack address
    size_t m_max_stack_size = 0; // bytes below the stack top the engine may use (0: no limit)
    // Sets the stack budget and recomputes m_stack_limit from the caller's stack position (the
    // stack top), so it is right wherever the stack lives (wasm stacks are small and low).
    void set_max_stack_size(size_t bytes);
    void update_stack_top() { set_max_stack_size(m_max_stack_size); }
    bool stack_overflowed() const {
        // The frame address, not a local's: ASan's fake stacks move locals to the heap.
        return reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) < m_stack_limit;
    }
    volatile int m_interrupt_requested = 0;
    // The embedder's interrupt callback, polled every kInterruptPollInterval interrupt checks
    // (backward jumps and calls); a non-zero return interrupts the running script.
    int (*m_interrupt_handler)(Runtime*, void* opaque) = nullptr;
    void* m_interrupt_opaque = nullptr;
    uint32_t m_interrupt_countdown = 0;
    static constexpr uint32_t kInterruptPollInterval = 10000;
    // True when the running script must stop (a request, or the handler asked for it).
    bool interrupt_pending() {
        return m_interrupt_requested != 0 || (m_interrupt_handler && poll_interrupt_handler());
    }
    bool poll_interrupt_handler();

    // ---- embedder hooks ----
    // Objects of ClassId::HostObject are the embedder's: these hooks (set once by the API layer)
    // enumerate, clear and finalize their payload and call them. See runtime/HostObject.h.
    const struct HostObjectHooks* m_host_hooks = nullptr;
    void* m_embedder = nullptr; // the API layer's per-runtime record (JSRuntime)
    // HostPromiseRejectionTracker (27.2.1.9): called when a promise is rejected without a handler
    // (`handled` false) and when a handler is later added to such a promise (`handled` true).
    void (*m_promise_rejection_tracker)(Context&, Object* promise, const Value& reason, bool handled,
                                        void* opaque) = nullptr;
    void* m_promise_rejection_opaque = nullptr;

    // Host functions: C entry points of the embedder, indexed by a stable per-runtime id that
    // native function objects store (the heap never holds the pointer itself).
    struct HostFunction {
        void (*fn)(); // null: not bound in this process (after a snapshot restore)
        int kind;     // the embedder's calling convention
        Atom name;    // the name given when first registered (snapshots carry it for rebinding)
    };
    // Returns the id of (fn, kind), registering it on first use; 0 on OOM.
    uint32_t register_host_function(void (*fn)(), int kind, Atom name = atoms::invalid);
    // Binds `fn` to the unbound entries (restored from a snapshot) registered under `name` with
    // `kind`; returns how many were bound.
    uint32_t bind_host_function(Atom name, int kind, void (*fn)());
    const HostFunction& host_function(uint32_t id) const { return m_host_functions[id]; }
    Vector<HostFunction> m_host_functions; // id 0 unused

    // ---- interpreter state ----
    Frame* m_current_frame = nullptr; // innermost running JS frame (for backtraces)

    EventLoop* m_event_loop = nullptr; // timers (src/loop), created on first use; the host destroys it

    // Deterministic mode (durable execution, replay): Date.now() and new Date() read a clock the host
    // sets (milliseconds since the epoch) and Math.random of realms created afterwards starts from a
    // seed instead of the time.
    bool m_deterministic = false;
    double m_fixed_time_ms = 0;
    uint64_t m_random_seed = 0;

    // The last full heap snapshot written or restored (src/snapshot), the base of delta snapshots: its
    // cells in snapshot order (strong references), their content hashes then, and the base's identity
    // (its payload CRC-32 and length).
    Vector<Cell*> m_snapshot_base_cells;
    Vector<uint64_t> m_snapshot_base_hashes;
    uint32_t m_snapshot_base_crc = 0;
    uint64_t m_snapshot_base_length = 0;
    void drop_snapshot_base();

    // ---- contexts ----
    Vector<Context*> m_contexts;
    // Realms whose creation failed (Context::create): released at once, their records freed with the
    // runtime (cells made meanwhile may point at them), never seen by snapshots or the API.
    Vector<Context*> m_failed_contexts;

    // ---- shared shapes (see Shape.h) ----
    Shape** m_shape_table = nullptr;
    uint32_t m_shape_table_size = 0; // power of two
    uint32_t m_shape_count = 0;
    struct ShapeTransition* m_shape_transitions = nullptr; // recent add transitions (Shape.cpp)

    // Shape used by internal objects created before any realm exists; opaque to others.
    Runtime() = default;
    Runtime(const Runtime&) = delete;
    Runtime& operator=(const Runtime&) = delete;

  private:
    friend class Context;
    bool grow_atom_table();
    bool within_limit(size_t bytes); // gives empty pool pages back when that makes `bytes` fit
    size_t allocation_cost(size_t size) const;
    Atom add_atom(Cell*, uint32_t hash);

    static thread_local Runtime* s_current;

    Allocator m_allocator;
    SmallBlockPool m_small_blocks;
    size_t m_memory_used = 0;
    size_t m_memory_limit = 0;          // 0: none
    GcCell m_gc_list{CellKind::Object}; // sentinel of the circular gc list
    size_t m_gc_cell_count = 0;
    size_t m_gc_threshold = 10000;
    static constexpr size_t kGcMemoryFloor = size_t(8) << 20;
    size_t m_gc_memory_threshold = kGcMemoryFloor;

    // Atom table: index -> cell (String or Symbol, strong references; null for a freed number, kept
    // in m_atom_free for reuse), plus a hash index of strings.
    Vector<Cell*> m_atom_cells;
    Vector<uint32_t> m_atom_hash; // open addressing: atom number or 0
    uint32_t m_atom_string_count = 0;
    Vector<Atom> m_atom_free;
    Vector<Atom> m_collectable_atoms; // candidates for sweep_atoms (some may have been pinned since)
    uint32_t m_collectable_made = 0;  // since the last sweep
    uint32_t m_atom_sweep_threshold = 4096;
    Atom lookup_or_add_atom(String*, bool collectable);
    void note_collectable_atom(Cell*, Atom);
    void erase_atom_hash(Atom);

  public:
    // Native backtrace frames pushed by the interpreter; see vm/.
    uint32_t m_js_call_depth = 0;
    // Calls through call()/construct() in progress (CallInProgress), and how many of them the host
    // made (the embedding API, the job loop: HostCallInProgress). Engine code that calls a function
    // that way may hold a bare collectable Atom across the call (a list of keys, a key it still has to
    // define); a JS function called straight from a bytecode call instruction does not count. So when
    // the two are equal, the native code on the stack is the host's only, which keeps no bare
    // collectable atom, and a loop may sweep atoms at any depth (vm/Interpreter.cpp).
    uint32_t m_calls_in_progress = 0;
    uint32_t m_host_calls_in_progress = 0;
    bool only_host_calls_in_progress() const { return m_calls_in_progress == m_host_calls_in_progress; }
};

// Counts itself in one of the runtime's counters while in scope.
template <uint32_t Runtime::*Counter> class ScopedCount {
  public:
    explicit ScopedCount(Runtime& rt) : m_rt(rt) { ++(m_rt.*Counter); }
    ~ScopedCount() { --(m_rt.*Counter); }
    ScopedCount(const ScopedCount&) = delete;
    ScopedCount& operator=(const ScopedCount&) = delete;

  private:
    Runtime& m_rt;
};
using CallInProgress = ScopedCount<&Runtime::m_calls_in_progress>;
using HostCallInProgress = ScopedCount<&Runtime::m_host_calls_in_progress>;

template <typename T> T* RuntimeAllocator<T>::allocate(size_t n) {
    return static_cast<T*>(Runtime::current()->alloc_unchecked(n * sizeof(T)));
}
template <typename T> void RuntimeAllocator<T>::deallocate(T* p, size_t n) {
    Runtime::current()->free(p);
}

} // namespace qjs
