// HeapWriter.cpp: writing heap snapshots (docs/SNAPSHOT.md).
//
// The writer walks from the roots. Each cell gets an index the first time it is referenced: its
// entry goes to the cell table (kind and what allocating it needs; strings and BigInts in full) and
// the cell joins a queue whose bodies (references and state) are written in index order. Shapes and
// atoms get their own tables, so the reader can allocate every cell, then build atoms and shapes,
// then fill the bodies, whatever the references between them.
#include "snapshot/HeapSnapshot.h"

#include "bytecode/FunctionBytecode.h"
#include "loop/EventLoop.h"
#include "runtime/BigInt.h"
#include "runtime/Context.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/String.h"
#include "runtime/Symbol.h"
#include "runtime/VarRef.h"
#include "snapshot/Baseline.h"
#include "snapshot/BytecodeImage.h"
#include "snapshot/FunctionTables.h"
#include "snapshot/HeapWriter.h"
#include "snapshot/KeyIndex.h"
#include "snapshot/SnapshotFingerprint.h"
#include "snapshot/StringCodec.h"
#include "vm/Frames.h"

#include <cstdarg>
#include <cstdio>

namespace qjs {

using namespace snapshot_format;

void SnapshotError::set(const char* fmt, ...) {
    if (message[0]) return; // keep the first
    va_list ap;
    va_start(ap, fmt);
    std::vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
}

namespace {

bool is_well_known_symbol_atom(Atom a) {
    return a >= atoms::first_well_known_symbol && a < atoms::end_predefined;
}

class SnapshotWriter final : public HeapWriter {
  public:
    SnapshotWriter(Runtime& rt, SnapshotError& error, bool delta)
        : m_rt(rt), m_error(error), m_delta(delta) {}
    bool run(ByteWriter& out);

    uint32_t index_of(Cell*);
    void enqueue(Cell* c) {
        if (!vector_push(m_queue, c)) out_of_memory();
    }
    uint32_t atom_index(Atom);
    uint32_t shape_index(Shape*);
    uint32_t realm_index(Context*);
    void use_native(uint32_t id);
    bool failed() const { return m_error.message[0] != 0; }
    SnapshotError& error() { return m_error; }
    // Every buffer and index of the writer grows through checked allocations; a refused one ends the
    // write with this error and leaves the heap as it was.
    bool out_of_memory() { return refuse("out of memory"); }

  private:
    bool write_body(Cell*);
    void write_object(Object*);
    void write_bytecode(FunctionBytecode*);
    void write_frame(HeapFrame*);
    void write_roots();

    bool record_base(uint32_t crc, uint64_t length);
    static uint64_t key(const void* p) { return reinterpret_cast<uintptr_t>(p); }

    Runtime& m_rt;
    SnapshotError& m_error;
    bool m_delta;
    ByteWriter m_table, m_atoms, m_shapes, m_bodies, m_roots;
    KeyIndex<uint32_t> m_cell_index;
    Vector<Cell*> m_cells;        // in index order
    KeyIndex<uint32_t> m_base_of; // delta snapshots: base cell -> its index in the base
    uint32_t m_cell_count = 0;
    Vector<Cell*> m_queue;
    KeyIndex<uint64_t> m_baseline_of; // baseline cell -> (realm << 32) | index
    KeyIndex<uint32_t> m_shape_index;
    uint32_t m_shape_count = 0;
    KeyIndex<uint32_t> m_atom_index;
    uint32_t m_atom_count = 0;
    Vector<uint32_t> m_natives;
};

uint32_t SnapshotWriter::realm_index(Context* ctx) {
    for (uint32_t i = 0; i < m_rt.m_contexts.size(); ++i)
        if (m_rt.m_contexts[i] == ctx) return i;
    refuse("a reference to an unknown realm");
    return 0;
}

void SnapshotWriter::use_native(uint32_t id) {
    for (uint32_t n : m_natives)
        if (n == id) return;
    if (!vector_push(m_natives, id)) out_of_memory();
}

uint32_t SnapshotWriter::atom_index(Atom a) {
    if (const uint32_t* known = m_atom_index.find(a)) return *known;
    uint32_t index = m_atom_count++;
    if (!m_atom_index.insert(a, index)) out_of_memory();
    if (atom_is_index(a)) {
        m_atoms.u8(static_cast<uint8_t>(AtomEntry::Index));
        m_atoms.varuint(atom_index_value(a));
    } else if (a < atoms::end_predefined) {
        m_atoms.u8(static_cast<uint8_t>(AtomEntry::Predefined));
        m_atoms.varuint(a);
    } else if (m_rt.atom_is_symbol(a)) {
        m_atoms.u8(static_cast<uint8_t>(AtomEntry::Symbol));
        m_atoms.varuint(index_of(m_rt.atom_cell(a)));
    } else {
        m_atoms.u8(static_cast<uint8_t>(AtomEntry::String));
        write_string(m_atoms, m_rt.atom_string(a));
    }
    return index;
}

uint32_t SnapshotWriter::shape_index(Shape* s) {
    if (const uint32_t* known = m_shape_index.find(key(s))) return *known;
    uint32_t index = m_shape_count++;
    if (!m_shape_index.insert(key(s), index)) out_of_memory();
    ByteWriter* saved = m_out;
    m_out = &m_shapes;
    if (s->proto())
        value(Value::object(s->proto()));
    else
        value(Value::null());
    m_shapes.u8(s->class_key());
    m_shapes.varuint(s->count());
    for (uint32_t i = 0; i < s->count(); ++i) {
        atom(s->entry(i).key);
        m_shapes.u8(s->entry(i).flags);
    }
    m_out = saved;
    return index;
}

uint32_t SnapshotWriter::index_of(Cell* c) {
    if (const uint32_t* known = m_cell_index.find(key(c))) return *known;
    uint32_t index = m_cell_count++;
    if (!m_cell_index.insert(key(c), index) || !vector_push(m_cells, c)) {
        out_of_memory();
        return index;
    }
    if (m_delta) {
        if (const uint32_t* in_base = m_base_of.find(key(c))) {
            bool changed =
                baseline_hides_state(c) || baseline_content_hash(c) != m_rt.m_snapshot_base_hashes[*in_base];
            m_table.u8(static_cast<uint8_t>(EntryKind::Base));
            m_table.varuint(*in_base);
            m_table.u8(changed ? 1 : 0);
            if (changed) enqueue(c);
            return index;
        }
    }
    if (const uint64_t* base = m_baseline_of.find(key(c))) {
        uint32_t realm = static_cast<uint32_t>(*base >> 32);
        uint32_t position = static_cast<uint32_t>(*base);
        bool changed = baseline_content_hash(c) != m_rt.m_contexts[realm]->m_baseline->hashes[position];
        m_table.u8(static_cast<uint8_t>(EntryKind::Baseline));
        m_table.varuint(realm);
        m_table.varuint(position);
        m_table.u8(changed ? 1 : 0);
        if (changed) enqueue(c);
        return index;
    }
    switch (c->kind()) {
    case CellKind::String:
        m_table.u8(static_cast<uint8_t>(EntryKind::String));
        write_string(m_table, static_cast<String*>(c));
        break;
    case CellKind::BigInt: {
        auto* b = static_cast<BigInt*>(c);
        m_table.u8(static_cast<uint8_t>(EntryKind::BigInt));
        m_table.varuint((uint64_t(b->length()) << 1) | (b->is_negative() ? 1 : 0));
        for (uint32_t i = 0; i < b->length(); ++i)
            m_table.u32(b->limbs()[i]);
        break;
    }
    case CellKind::Symbol:
        m_table.u8(static_cast<uint8_t>(EntryKind::Symbol));
        enqueue(c);
        break;
    case CellKind::Object: {
        auto* o = static_cast<Object*>(c);
        const ClassHooks& hooks = class_hooks(o->class_id());
        if (!hooks.snapshot && !is_plain_class(o->class_id())) {
            refuse("objects of class %s cannot be snapshotted", class_name(o->class_id()));
            break;
        }
        uint32_t trailing = hooks.snapshot && hooks.snapshot->trailing ? hooks.snapshot->trailing(o) : 0;
        m_table.u8(static_cast<uint8_t>(EntryKind::Object));
        m_table.varuint(static_cast<uint32_t>(o->class_id()));
        m_table.varuint(trailing);
        enqueue(c);
        break;
    }
    case CellKind::FunctionBytecode:
        m_table.u8(static_cast<uint8_t>(EntryKind::Bytecode));
        enqueue(c);
        break;
    case CellKind::VarRef:
        m_table.u8(static_cast<uint8_t>(EntryKind::VarRef));
        enqueue(c);
        break;
    case CellKind::AccessorPair:
        m_table.u8(static_cast<uint8_t>(EntryKind::Accessor));
        enqueue(c);
        break;
    case CellKind::Frame:
        m_table.u8(static_cast<uint8_t>(EntryKind::Frame));
        m_table.varuint(static_cast<HeapFrame*>(c)->value_count);
        enqueue(c);
        break;
    case CellKind::Shape: refuse("a shape referenced as a value"); break;
    }
    return index;
}

void SnapshotWriter::write_object(Object* o) {
    ByteWriter& out = *m_out;
    out.u8(o->m_flags);
    out.varuint(shape_index(o->m_shape));
    for (uint32_t i = 0; i < o->m_shape->count(); ++i)
        value(o->m_slots[i]);
    out.varuint(o->m_array_length);
    out.varuint(o->m_element_count);
    for (uint32_t i = 0; i < o->m_element_count; ++i)
        value(o->m_elements[i]);
    const ClassHooks& hooks = class_hooks(o->class_id());
    if (hooks.snapshot && hooks.snapshot->write) hooks.snapshot->write(o, *this);
}

void SnapshotWriter::write_bytecode(FunctionBytecode* fb) {
    ByteWriter& out = *m_out;
    out.varuint(fb->m_flags);
    out.varuint(fb->m_param_count);
    out.varuint(fb->m_length);
    out.varuint(fb->m_local_count);
    out.varuint(fb->m_stack_size);
    atom(fb->m_name);
    atom(fb->m_filename);
    out.varuint(fb->m_line);
    out.varuint(fb->m_column);
    if (fb->m_source)
        value(Value::string(fb->m_source));
    else
        value(Value());
    out.varuint(fb->m_source_start);
    out.varuint(fb->m_source_end);
    write_code(out, fb, [this](Atom a, uint32_t* index) {
        *index = atom_index(a);
        return true;
    });
    out.varuint(fb->ic_count());
    out.varuint(fb->closure_vars().size());
    for (const ClosureVarDesc& cv : fb->closure_vars()) {
        atom(cv.name);
        out.varuint(cv.index);
        out.u8(cv.flags);
    }
    out.varuint(fb->constants().size());
    for (const Value& c : fb->constants())
        value(c);
    write_function_tables(out, fb, [this](Atom a) {
        atom(a);
        return true;
    });
}

void SnapshotWriter::write_frame(HeapFrame* h) {
    ByteWriter& out = *m_out;
    value(h->function);
    value(h->owner);
    out.varuint(h->pc_offset);
    out.varuint(h->sp_offset);
    out.u8(static_cast<uint8_t>(h->state));
    out.u8(h->resume_throw ? 1 : 0);
    for (uint32_t i = 0; i < h->value_count; ++i)
        value(h->values()[i]);
}

bool SnapshotWriter::write_body(Cell* c) {
    switch (c->kind()) {
    case CellKind::Symbol: {
        auto* s = static_cast<Symbol*>(c);
        value(s->description);
        m_out->u8(s->is_registered ? 1 : 0);
        break;
    }
    case CellKind::Object: write_object(static_cast<Object*>(c)); break;
    case CellKind::FunctionBytecode: write_bytecode(static_cast<FunctionBytecode*>(c)); break;
    case CellKind::VarRef: value(static_cast<VarRef*>(c)->value); break;
    case CellKind::AccessorPair:
        value(static_cast<AccessorPair*>(c)->getter);
        value(static_cast<AccessorPair*>(c)->setter);
        break;
    case CellKind::Frame: write_frame(static_cast<HeapFrame*>(c)); break;
    default: return refuse("a cell of kind %s has no body", cell_kind_name(c->kind()));
    }
    return !failed();
}

void SnapshotWriter::write_roots() {
    ByteWriter& out = *m_out;
    for (Context* ctx : m_rt.m_contexts) {
        if (ctx->m_released) continue;
        value(Value::object(ctx->m_global_object));
        value(Value::object(ctx->m_global_lexicals));
        // Intrinsics replaced since creation (e.g. a realm sharing another's symbol registry).
        // The symbol registry is shared between realms and never in a baseline: always written.
        auto written = [&](size_t i) {
            return ctx->m_intrinsics[i] != ctx->m_baseline->intrinsics[i] ||
                   (i == static_cast<size_t>(Intrinsic::SymbolRegistry) && ctx->m_intrinsics[i]);
        };
        uint32_t changed = 0;
        for (size_t i = 0; i < static_cast<size_t>(Intrinsic::Count); ++i)
            changed += written(i);
        out.varuint(changed);
        for (size_t i = 0; i < static_cast<size_t>(Intrinsic::Count); ++i) {
            if (!written(i)) continue;
            out.varuint(i);
            value(ctx->m_intrinsics[i] ? Value::object(ctx->m_intrinsics[i]) : Value());
        }
        // The embedder's class prototypes by class name (JS_SetClassProto).
        value(ctx->m_host_class_protos ? Value::object(ctx->m_host_class_protos) : Value());
    }
    // The job queue.
    out.varuint(m_rt.m_jobs.size() - m_rt.m_job_head);
    for (size_t i = m_rt.m_job_head; i < m_rt.m_jobs.size(); ++i) {
        const Job& job = m_rt.m_jobs[i];
        realm(job.realm);
        value(job.function);
        out.varuint(job.args.size());
        for (const Value& a : job.args)
            value(a);
    }
    // Timers, with their remaining delays.
    EventLoop* loop = m_rt.m_event_loop;
    out.u8(loop ? 1 : 0);
    if (loop) loop->write_timers(*this);
}

bool SnapshotWriter::run(ByteWriter& final_out) {
    if (m_rt.m_current_frame || m_rt.m_js_call_depth)
        return refuse("a snapshot cannot be taken while JavaScript code is running (inside a host call)");
    if (m_rt.has_exception()) return refuse("a snapshot cannot be taken while an exception is pending");
    for (uint32_t r = 0; r < m_rt.m_contexts.size(); ++r) {
        Context* ctx = m_rt.m_contexts[r];
        if (!ctx->m_baseline) {
            if (ctx->m_released) continue;
            return refuse("realm %u has no baseline (created without its builtins)", r);
        }
        BaselineStatus status = materialize_baseline(*ctx, false);
        if (status == BaselineStatus::OutOfMemory) return out_of_memory();
        if (status != BaselineStatus::Ready)
            return refuse("realm %u's creation could not be repeated to find its built-in cells", r);
        for (uint32_t i = 0; i < ctx->m_baseline->cells.size(); ++i)
            if (!m_baseline_of.insert(key(ctx->m_baseline->cells[i]), (uint64_t(r) << 32) | i))
                return out_of_memory();
    }
    if (m_delta) {
        if (m_rt.m_snapshot_base_cells.empty())
            return refuse("no base for a delta snapshot: write or restore a full snapshot first");
        for (uint32_t i = 0; i < m_rt.m_snapshot_base_cells.size(); ++i)
            if (!m_base_of.insert(key(m_rt.m_snapshot_base_cells[i]), i)) return out_of_memory();
    }
    m_out = &m_roots;
    write_roots();
    // Built-in cells that changed are written even when nothing written so far reaches them: an
    // unchanged constructor does not lead the walk to its changed prototype, and some intrinsics
    // (the symbol registry) are reachable only from the realm's table.
    for (Context* ctx : m_rt.m_contexts) {
        if (!ctx->m_baseline) continue;
        const Baseline& b = *ctx->m_baseline;
        for (uint32_t i = 0; i < b.cells.size(); ++i)
            if (baseline_content_hash(b.cells[i]) != b.hashes[i]) index_of(b.cells[i]);
    }
    // Likewise the base's cells for a delta.
    for (uint32_t i = 0; m_delta && i < m_rt.m_snapshot_base_cells.size(); ++i)
        if (baseline_hides_state(m_rt.m_snapshot_base_cells[i]) ||
            baseline_content_hash(m_rt.m_snapshot_base_cells[i]) != m_rt.m_snapshot_base_hashes[i])
            index_of(m_rt.m_snapshot_base_cells[i]);
    m_out = &m_bodies;
    for (size_t i = 0; i < m_queue.size() && !failed(); ++i)
        write_body(m_queue[i]);
    if (failed()) return false;

    ByteWriter meta;
    if (m_delta) {
        meta.u32(m_rt.m_snapshot_base_crc);
        meta.u64(m_rt.m_snapshot_base_length);
    }
    meta.varuint(m_rt.m_contexts.size());
    for (Context* ctx : m_rt.m_contexts) {
        meta.u8(ctx->m_released ? 1 : 0);
        meta.u64(ctx->m_baseline ? ctx->m_baseline->fingerprint : 0);
    }
    meta.varuint(m_natives.size());
    for (uint32_t id : m_natives) {
        meta.varuint(id);
        const char* name = native_name(id); // unnamed natives are checked by id alone
        size_t n = name ? __builtin_strlen(name) : 0;
        meta.varuint(n);
        if (n) meta.bytes(name, n);
    }
    // Host functions of the embedder: kinds and names, for rebinding after the restore.
    meta.varuint(m_rt.m_host_functions.size());
    for (size_t id = 1; id < m_rt.m_host_functions.size(); ++id) {
        const Runtime::HostFunction& h = m_rt.m_host_functions[id];
        meta.varuint(static_cast<uint32_t>(h.kind));
        if (h.name == atoms::invalid || atom_is_index(h.name) || m_rt.atom_is_symbol(h.name))
            meta.varuint(0);
        else
            write_string(meta, m_rt.atom_string(h.name));
    }
    ByteWriter payload;
    for (ByteWriter* section : {&meta, &m_table, &m_atoms, &m_shapes, &m_bodies, &m_roots}) {
        uint32_t count = section == &meta       ? 0
                         : section == &m_table  ? m_cell_count
                         : section == &m_atoms  ? m_atom_count
                         : section == &m_shapes ? m_shape_count
                                                : 0;
        if (section == &m_table || section == &m_atoms || section == &m_shapes) payload.varuint(count);
        payload.bytes(section->data().data(), section->size());
        if (section->failed()) return out_of_memory();
    }
    if (payload.failed()) return out_of_memory();
    uint32_t crc = crc32(payload.data().data(), payload.size());
    final_out.bytes(kMagic, sizeof kMagic);
    final_out.u16(kVersion);
    final_out.u16(m_delta ? kFlagDelta : 0);
    final_out.u64(snapshot_engine_fingerprint());
    final_out.u64(payload.size());
    final_out.u32(crc);
    final_out.bytes(payload.data().data(), payload.size());
    if (final_out.failed()) return out_of_memory();
    return m_delta || record_base(crc, payload.size());
}

// A full snapshot becomes the base of later deltas: its cells in index order with their hashes now.
bool SnapshotWriter::record_base(uint32_t crc, uint64_t length) {
    Vector<uint64_t> hashes;
    if (!vector_reserve(hashes, m_cells.size())) return out_of_memory();
    for (Cell* c : m_cells) {
        c->ref();
        hashes.push_back(baseline_content_hash(c));
    }
    m_rt.drop_snapshot_base();
    m_rt.m_snapshot_base_cells = std::move(m_cells);
    m_rt.m_snapshot_base_hashes = std::move(hashes);
    m_rt.m_snapshot_base_crc = crc;
    m_rt.m_snapshot_base_length = length;
    return true;
}

} // namespace

// ---- HeapWriter (the interface class payloads use) ----

void HeapWriter::value(const Value& v) {
    auto* self = static_cast<SnapshotWriter*>(this);
    ByteWriter& out = *m_out;
    switch (v.tag()) {
    case Tag::Undefined: out.u8(static_cast<uint8_t>(ValueTag::Undefined)); return;
    case Tag::Null: out.u8(static_cast<uint8_t>(ValueTag::Null)); return;
    case Tag::Bool: out.u8(static_cast<uint8_t>(v.as_bool() ? ValueTag::True : ValueTag::False)); return;
    case Tag::Int32:
        out.u8(static_cast<uint8_t>(ValueTag::Int32));
        out.varint(v.as_int32());
        return;
    case Tag::Float64:
        out.u8(static_cast<uint8_t>(ValueTag::Float64));
        out.f64(v.as_number());
        return;
    case Tag::Uninitialized: out.u8(static_cast<uint8_t>(ValueTag::Uninitialized)); return;
    case Tag::Symbol:
        if (is_well_known_symbol_atom(v.as_symbol()->atom)) {
            out.u8(static_cast<uint8_t>(ValueTag::WellKnownSymbol));
            out.varuint(v.as_symbol()->atom - atoms::first_well_known_symbol);
            return;
        }
        break;
    case Tag::Exception: refuse("an exception marker in the heap"); return;
    default: break;
    }
    uint32_t index = self->index_of(v.as_cell());
    out.u8(static_cast<uint8_t>(ValueTag::Cell));
    out.varuint(index);
}

void HeapWriter::cell(Cell* c) {
    auto* self = static_cast<SnapshotWriter*>(this);
    if (!c) {
        m_out->varuint(0);
        return;
    }
    m_out->varuint(uint64_t(self->index_of(c)) + 1);
}

void HeapWriter::atom(Atom a) {
    if (a == atoms::invalid) {
        m_out->varuint(0);
        return;
    }
    m_out->varuint(uint64_t(static_cast<SnapshotWriter*>(this)->atom_index(a)) + 1);
}

void HeapWriter::realm(Context* ctx) {
    m_out->varuint(ctx ? uint64_t(static_cast<SnapshotWriter*>(this)->realm_index(ctx)) + 1 : 0);
}

void HeapWriter::native(uint32_t id) {
    static_cast<SnapshotWriter*>(this)->use_native(id);
    m_out->varuint(id);
}

bool HeapWriter::refuse(const char* fmt, ...) {
    auto* self = static_cast<SnapshotWriter*>(this);
    if (self->failed()) return false;
    char buf[200];
    va_list ap;
    va_start(ap, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    self->error().set("%s", buf);
    return false;
}

bool write_heap_snapshot(Runtime& rt, ByteWriter& out, SnapshotError& error, bool delta) {
    rt.make_current();
    SnapshotWriter writer(rt, error, delta);
    return writer.run(out);
}

} // namespace qjs
