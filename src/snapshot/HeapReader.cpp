// HeapReader.cpp: restoring heap snapshots (docs/SNAPSHOT.md).
//
// Reading is in phases: (1) the header and the realms (created fresh, their baselines compared with
// the writer's), (2) the cell table (every cell allocated empty, strings and BigInts complete), (3)
// atoms, (4) shapes, (5) bodies in table order, (6) roots, (7) checks of invariants between cells.
// Every field is validated where it is read; the cycle collector is held off while cells are
// incomplete. On failure the runtime holds only valid (possibly empty) cells; they are collected at
// once (discard_failed_restore) and the runtime is fresh again.
#include "snapshot/HeapSnapshot.h"

#include "bytecode/FunctionBytecode.h"
#include "gc/Visitor.h"
#include "gc/Weak.h"
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
#include "snapshot/HeapReader.h"
#include "snapshot/SnapshotFingerprint.h"
#include "snapshot/StringCodec.h"
#include "vm/Frames.h"
#include "vm/FunctionObject.h"

#include <cstring>

namespace qjs {

using namespace snapshot_format;

Shape* shape_add_property(Runtime&, Shape* from, Atom key, uint8_t flags);
void clear_object(Object*);

namespace {

constexpr uint32_t kMaxRealms = 1024;

Tag tag_for_kind(CellKind kind) {
    switch (kind) {
    case CellKind::String: return Tag::String;
    case CellKind::Symbol: return Tag::Symbol;
    case CellKind::BigInt: return Tag::BigInt;
    case CellKind::Object: return Tag::Object;
    default: return Tag::InternalCell;
    }
}

bool is_callable_class(ClassId c) {
    return c == ClassId::BytecodeFunction || c == ClassId::NativeFunction || c == ClassId::BoundFunction ||
           c == ClassId::Proxy || c == ClassId::HostObject;
}

// Empties a bytecode cell so a delta's body can fill it again.
void reset_bytecode(FunctionBytecode* fb) {
    clear_function_bytecode(fb);
    fb->clear_tables();
    if (String* s = fb->m_source) {
        fb->m_source = nullptr;
        s->unref();
    }
}

// Whether a suspended frame may resume at `pc`: just after a suspending instruction.
bool is_resume_point(const FunctionBytecode* fb, uint32_t pc) {
    std::span<const uint8_t> code = fb->code();
    for (size_t at = 0; at < code.size() && at < pc;) {
        auto op = static_cast<Op>(code[at]);
        size_t next = at + op_info(op).size;
        if (next == pc)
            return op == Op::initial_yield || op == Op::yield || op == Op::yield_star || op == Op::await;
        at = next;
    }
    return false;
}

class SnapshotReader final : public HeapReader {
  public:
    SnapshotReader(Runtime& rt, const uint8_t* data, size_t length, bool delta)
        : HeapReader(data, length), m_delta(delta) {
        m_rt = &rt;
    }
    ~SnapshotReader() {
        for (Shape* s : m_shapes)
            if (s) s->unref();
    }
    bool run();

    Vector<Value> m_cells;
    Vector<uint8_t> m_has_body;
    Vector<Atom> m_atoms;
    Vector<Shape*> m_shapes;
    Vector<uint32_t> m_natives;
    bool m_delta;

    // A full snapshot becomes the runtime's delta base: its cells in table order, hashed now.
    void record_base(uint32_t crc, uint64_t length);

  private:
    bool read_realms();
    bool read_table();
    bool read_atoms();
    bool read_shapes();
    bool read_body(uint32_t index);
    bool read_object(Object*);
    bool read_bytecode(FunctionBytecode*);
    bool read_frame(HeapFrame*);
    bool read_roots();
    bool check();
    bool check_prototype_chains();
    bool string_chars(Value* out);
};

bool SnapshotReader::string_chars(Value* out) {
    bool oom;
    String* s = read_string(m_in, *m_rt, &oom);
    if (!s) return oom ? fail("out of memory") : false;
    *out = Value::adopt(Tag::String, s);
    return true;
}

bool SnapshotReader::read_realms() {
    uint32_t n;
    if (m_delta) {
        uint32_t base_crc;
        uint64_t base_length;
        if (!m_in.u32(&base_crc) || !m_in.u64(&base_length)) return false;
        if (base_crc != m_rt->m_snapshot_base_crc || base_length != m_rt->m_snapshot_base_length)
            return fail("the delta was written against another base snapshot");
    }
    if (!m_in.varuint32(&n, kMaxRealms)) return false;
    if (n == 0 || n < m_rt->m_contexts.size()) return fail("bad realm count");
    for (uint32_t i = 0; i < n; ++i) {
        bool released = false;
        uint64_t fingerprint;
        if (!boolean(&released) || !m_in.u64(&fingerprint)) return false;
        // A delta's realms are the base's, plus any created since.
        bool fresh = i >= m_rt->m_contexts.size();
        Context* ctx = fresh ? Context::create(*m_rt) : m_rt->m_contexts[i];
        if (!ctx) return fail("out of memory creating a realm");
        if (!ctx->m_released) {
            BaselineStatus status = materialize_baseline(*ctx, fresh);
            if (status == BaselineStatus::OutOfMemory) return fail("out of memory");
            if (status != BaselineStatus::Ready)
                return fail("a realm's built-ins differ from this engine build's");
        }
        if (!m_ctx) m_ctx = ctx;
        if (ctx->m_released && !released) return fail("a released realm comes back");
        if (!ctx->m_released && ctx->m_baseline->fingerprint != fingerprint)
            return fail("a realm's built-ins differ from this engine build's");
        if (released) ctx->release();
    }
    if (m_ctx->m_released) return fail("the first realm is released");
    // Native functions: the writer's ids must name the same functions here.
    if (!count(&n)) return false;
    for (uint32_t i = 0; i < n; ++i) {
        uint32_t id, length;
        const uint8_t* name;
        if (!m_in.varuint32(&id) || !count(&length) || !m_in.bytes(&name, length)) return false;
        if (id == 0 || id >= native_count())
            return fail("a native function of the snapshot is unknown to this engine build");
        const char* here = native_name(id);
        size_t here_length = here ? std::strlen(here) : 0;
        if (here_length != length || (length && std::memcmp(here, name, length) != 0))
            return fail("a native function of the snapshot is unknown to this engine build");
        m_natives.push_back(id);
    }
    // Host functions are bound again by the embedder after the restore (by name); until then calling
    // one throws a TypeError.
    uint32_t host_functions;
    if (!m_in.varuint32(&host_functions, 1u << 20)) return false;
    if (host_functions == 0) return fail("bad host function table");
    m_rt->m_host_functions.resize(1);
    for (uint32_t id = 1; id < host_functions; ++id) {
        uint32_t kind;
        Value name;
        if (!m_in.varuint32(&kind, 255) || !string_chars(&name)) return false;
        Atom a = m_rt->intern(name.as_string());
        if (!a) return fail("out of memory");
        m_rt->m_host_functions.push_back(Runtime::HostFunction{nullptr, static_cast<int>(kind), a});
    }
    return true;
}

bool SnapshotReader::read_table() {
    uint32_t n;
    if (!count(&n)) return false;
    m_cells.reserve(n);
    m_has_body.reserve(n);
    for (uint32_t i = 0; i < n; ++i) {
        uint8_t kind;
        if (!m_in.u8(&kind)) return false;
        Value cell;
        bool body = true;
        switch (static_cast<EntryKind>(kind)) {
        case EntryKind::String:
            if (!string_chars(&cell)) return false;
            body = false;
            break;
        case EntryKind::BigInt: {
            uint64_t header;
            if (!m_in.varuint(&header, uint64_t(m_in.remaining() / 4) << 1 | 1)) return false;
            uint32_t length = static_cast<uint32_t>(header >> 1);
            bool negative = header & 1;
            const uint8_t* bytes;
            if (!m_in.bytes(&bytes, size_t(length) * 4)) return false;
            if ((length && !(bytes[4 * length - 4] | bytes[4 * length - 3] | bytes[4 * length - 2] |
                             bytes[4 * length - 1])) ||
                (!length && negative))
                return fail("BigInt not normalised");
            BigInt* b = m_rt->new_cell<BigInt>(size_t(length) * 4, length, negative);
            if (!b) return fail("out of memory");
            for (uint32_t k = 0; k < length; ++k) {
                const uint8_t* p = bytes + 4 * k;
                b->limbs()[k] =
                    uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24);
            }
            cell = Value::adopt(Tag::BigInt, b);
            body = false;
            break;
        }
        case EntryKind::Symbol: {
            Symbol* s = m_rt->new_cell<Symbol>(0);
            if (!s) return fail("out of memory");
            cell = Value::adopt(Tag::Symbol, s);
            if (!m_rt->new_symbol_atom(s)) return fail("out of memory"); // the table takes its own reference
            break;
        }
        case EntryKind::Object: {
            uint32_t cls_number, trailing;
            if (!m_in.varuint32(&cls_number, static_cast<uint32_t>(ClassId::Count) - 1) ||
                !m_in.varuint32(&trailing, 0xffff))
                return false;
            auto cls = static_cast<ClassId>(cls_number);
            if (cls == ClassId::GlobalObject) return fail("a global object outside a realm");
            const ClassHooks& hooks = class_hooks(cls);
            const ClassSnapshotHooks* snap = hooks.snapshot;
            if (!snap && !is_plain_class(cls)) return fail("an object of a class without snapshot support");
            if (trailing && (!snap || !snap->trailing_size))
                return fail("trailing storage on a class without it");
            size_t size = snap ? snap->size + size_t(trailing) * snap->trailing_size : sizeof(Object);
            void* mem = Object::allocate_memory(*m_ctx, size);
            if (!mem) return fail("out of memory");
            Object* o = snap ? snap->construct(mem, trailing) : new (mem) Object();
            if (!Object::initialize(*m_ctx, o, nullptr, cls, size)) return fail("out of memory");
            cell = Value::adopt(Tag::Object, o);
            break;
        }
        case EntryKind::Bytecode: {
            FunctionBytecode* fb = FunctionBytecode::create(*m_rt);
            if (!fb) return fail("out of memory");
            cell = Value::adopt(Tag::InternalCell, fb);
            break;
        }
        case EntryKind::VarRef: {
            VarRef* r = m_rt->new_cell<VarRef>(0);
            if (!r) return fail("out of memory");
            cell = Value::adopt(Tag::InternalCell, r);
            break;
        }
        case EntryKind::Accessor: {
            AccessorPair* p = m_rt->new_cell<AccessorPair>(0);
            if (!p) return fail("out of memory");
            cell = Value::adopt(Tag::InternalCell, p);
            break;
        }
        case EntryKind::Frame: {
            uint32_t values;
            if (!m_in.varuint32(&values, 0x30000)) return false;
            HeapFrame* h = m_rt->new_cell<HeapFrame>(size_t(values) * sizeof(Value));
            if (!h) return fail("out of memory");
            for (uint32_t k = 0; k < values; ++k)
                new (&h->values()[k]) Value();
            h->value_count = values;
            cell = Value::adopt(Tag::InternalCell, h);
            break;
        }
        case EntryKind::Base: {
            uint32_t position;
            bool changed = false;
            if (!m_delta) return fail("a base reference in a full snapshot");
            if (!m_in.varuint32(&position) || !boolean(&changed)) return false;
            if (position >= m_rt->m_snapshot_base_cells.size()) return fail("base reference out of range");
            Cell* c = m_rt->m_snapshot_base_cells[position];
            c->ref();
            cell = Value::adopt(tag_for_kind(c->kind()), c);
            body = changed;
            if (changed) {
                // Replaced wholesale by its body.
                if (c->kind() == CellKind::Object)
                    clear_object(static_cast<Object*>(c));
                else if (c->kind() == CellKind::FunctionBytecode)
                    reset_bytecode(static_cast<FunctionBytecode*>(c));
                else if (c->kind() != CellKind::VarRef && c->kind() != CellKind::AccessorPair &&
                         c->kind() != CellKind::Frame)
                    return fail("a changed base cell of a kind that cannot change");
            }
            break;
        }
        case EntryKind::Baseline: {
            uint32_t realm, position;
            bool changed = false;
            if (!m_in.varuint32(&realm, static_cast<uint32_t>(m_rt->m_contexts.size()) - 1) ||
                !m_in.varuint32(&position) || !boolean(&changed))
                return false;
            Baseline* b = m_rt->m_contexts[realm]->m_baseline;
            if (!b || position >= b->cells.size()) return fail("baseline reference out of range");
            Cell* c = b->cells[position];
            c->ref();
            cell = Value::adopt(tag_for_kind(c->kind()), c);
            body = changed;
            if (changed && c->kind() == CellKind::Object) {
                // Replaced wholesale by its body; the payload's references go first.
                clear_object(static_cast<Object*>(c));
            }
            break;
        }
        default: return fail("unknown cell kind");
        }
        m_cells.push_back(std::move(cell));
        m_has_body.push_back(body ? 1 : 0);
    }
    return true;
}

bool SnapshotReader::read_atoms() {
    uint32_t n;
    if (!count(&n)) return false;
    m_atoms.reserve(n);
    for (uint32_t i = 0; i < n; ++i) {
        uint8_t kind;
        uint32_t number;
        if (!m_in.u8(&kind)) return false;
        Atom a;
        switch (static_cast<AtomEntry>(kind)) {
        case AtomEntry::Predefined:
            if (!m_in.varuint32(&number, atoms::end_predefined - 1)) return false;
            if (number == atoms::invalid) return fail("invalid atom");
            a = number;
            break;
        case AtomEntry::Index:
            if (!m_in.varuint32(&number, kMaxAtomIndex)) return false;
            a = atom_from_index(number);
            break;
        case AtomEntry::String: {
            Value s;
            if (!string_chars(&s)) return false;
            a = m_rt->intern(s.as_string());
            if (!a) return fail("out of memory");
            break;
        }
        case AtomEntry::Symbol: {
            // Checked against the size, not size - 1: a snapshot may have no cells at all.
            if (!m_in.varuint32(&number)) return false;
            if (number >= m_cells.size() || !m_cells[number].is_symbol())
                return fail("symbol atom of a cell that is not a symbol");
            a = m_cells[number].as_symbol()->atom;
            break;
        }
        default: return fail("unknown atom kind");
        }
        m_atoms.push_back(a);
    }
    return true;
}

bool SnapshotReader::read_shapes() {
    uint32_t n;
    if (!count(&n)) return false;
    m_shapes.reserve(n);
    for (uint32_t i = 0; i < n; ++i) {
        Value proto;
        uint8_t class_key;
        uint32_t entries;
        if (!value(&proto)) return false;
        if (!proto.is_null() && !proto.is_object()) return fail("shape prototype is not an object");
        if (!m_in.u8(&class_key) || !count(&entries)) return false;
        if (class_key >= static_cast<uint8_t>(ClassId::Count)) return fail("bad shape class key");
        Shape* s = Shape::initial(*m_rt, proto.is_object() ? proto.as_object() : nullptr, class_key);
        if (!s) return fail("out of memory");
        m_shapes.push_back(s);
        for (uint32_t k = 0; k < entries; ++k) {
            Atom key;
            uint8_t flags;
            if (!atom(&key) || !m_in.u8(&flags)) return false;
            if (key == atoms::invalid || (flags & ~prop::AttributeMask)) return fail("bad shape entry");
            if (s->find(key) >= 0) return fail("duplicate key in a shape");
            Shape* next = shape_add_property(*m_rt, s, key, flags);
            if (!next) return fail("out of memory");
            s->unref();
            s = next;
            m_shapes.back() = s;
        }
    }
    return true;
}

bool SnapshotReader::read_object(Object* o) {
    uint8_t flags;
    uint32_t shape_number;
    if (!m_in.u8(&flags) || !m_in.varuint32(&shape_number)) return false;
    if (shape_number >= m_shapes.size()) return fail("shape index out of range");
    ClassId cls = o->class_id();
    const ClassHooks& hooks = class_hooks(cls);
    if ((flags & (objflag::Callable | objflag::Constructor)) && !is_callable_class(cls))
        return fail("a callable object of a class that cannot be called");
    if ((flags & objflag::ClassConstructor) && cls != ClassId::BytecodeFunction)
        return fail("class constructor flag on an object that is not a closure");
    bool element_class =
        cls == ClassId::Array || cls == ClassId::Arguments || cls == ClassId::MappedArguments;
    if ((flags & objflag::FastArray) && !element_class) return fail("fast elements on a class without them");
    Shape* shape = m_shapes[shape_number];
    bool keyed = cls == ClassId::Array || hooks.exotic;
    if (shape->class_key() != static_cast<uint8_t>(keyed ? cls : ClassId::Object))
        return fail("shape of another class");
    uint32_t n = shape->count();
    // Slots first, then the shape: the object is valid for the visitor at every step.
    Value* slots = nullptr;
    if (n) {
        slots = static_cast<Value*>(m_rt->alloc(size_t(n) * sizeof(Value)));
        if (!slots) return fail("out of memory");
        for (uint32_t i = 0; i < n; ++i)
            new (&slots[i]) Value();
    }
    if (o->m_shape) clear_object(o); // a fresh shell: its initial shape goes
    o->m_slots = slots;
    o->m_slot_capacity = n;
    shape->ref();
    o->m_shape = shape;
    o->m_flags = flags & ~objflag::FastArray;
    for (uint32_t i = 0; i < n; ++i) {
        if (!value(&slots[i])) return false;
        bool accessor = shape->entry(i).flags & prop::Accessor;
        bool is_pair = slots[i].is_internal_cell() && slots[i].as_cell()->kind() == CellKind::AccessorPair;
        if (accessor != is_pair) return fail("accessor property without an accessor pair");
        if (!accessor && slots[i].is_internal_cell()) return fail("an internal cell in a property");
    }
    uint32_t array_length, element_count;
    if (!m_in.varuint32(&array_length) || !count(&element_count)) return false;
    if (element_count && !(flags & objflag::FastArray))
        return fail("elements on an object without fast elements");
    // A fast array may end in holes (new Array(5), a longer length): its elements never pass its length.
    if (cls == ClassId::Array && (flags & objflag::FastArray) && element_count > array_length)
        return fail("fast array length does not match its elements");
    if (cls != ClassId::Array && array_length) return fail("array length on an object that is not an array");
    o->m_array_length = array_length;
    if (element_count) {
        Value* elements = static_cast<Value*>(m_rt->alloc(size_t(element_count) * sizeof(Value)));
        if (!elements) return fail("out of memory");
        for (uint32_t i = 0; i < element_count; ++i)
            new (&elements[i]) Value();
        o->m_elements = elements;
        o->m_element_capacity = element_count;
        o->m_element_count = element_count;
    }
    if (flags & objflag::FastArray) o->m_flags |= objflag::FastArray;
    for (uint32_t i = 0; i < element_count; ++i) {
        if (!value(&o->m_elements[i])) return false;
        if (o->m_elements[i].is_internal_cell() || o->m_elements[i].is_uninitialized())
            return fail("an internal value in an element");
    }
    if (hooks.snapshot && hooks.snapshot->read && !hooks.snapshot->read(o, *this)) return false;
    return true;
}

bool SnapshotReader::read_bytecode(FunctionBytecode* fb) {
    uint32_t a, b, c, d, n;
    if (!m_in.varuint32(&fb->m_flags)) return false;
    if (!m_in.varuint32(&a, 0xffff) || !m_in.varuint32(&b, 0xffff) || !m_in.varuint32(&c, 0xffff) ||
        !m_in.varuint32(&d, 0xffff))
        return false;
    fb->m_param_count = static_cast<uint16_t>(a);
    fb->m_length = static_cast<uint16_t>(b);
    fb->m_local_count = static_cast<uint16_t>(c);
    fb->m_stack_size = static_cast<uint16_t>(d);
    if (fb->register_count() > 0xffff) return fail("too many registers");
    if (!atom(&fb->m_name) || !atom(&fb->m_filename)) return false;
    if (!m_in.varuint32(&fb->m_line) || !m_in.varuint32(&fb->m_column)) return false;
    Value source;
    if (!value(&source)) return false;
    if (!m_in.varuint32(&fb->m_source_start) || !m_in.varuint32(&fb->m_source_end)) return false;
    if (source.is_string()) {
        if (fb->m_source_start > fb->m_source_end || fb->m_source_end > source.as_string()->length())
            return fail("source range out of range");
        fb->m_source = static_cast<String*>(source.leak_cell());
    } else if (!source.is_undefined()) {
        return fail("function source is not a string");
    }
    const uint8_t* bytes;
    FunctionTables t;
    if (!count(&n) || !m_in.bytes(&bytes, n)) return false;
    t.code.assign(bytes, bytes + n);
    if (!count(&n, 0xffff)) return false;
    t.ic_count = n;
    if (!count(&n, 0xffff)) return false;
    for (uint32_t i = 0; i < n; ++i) {
        ClosureVarDesc cv;
        uint32_t index;
        if (!atom(&cv.name) || !m_in.varuint32(&index, 0xffff) || !m_in.u8(&cv.flags)) return false;
        cv.index = static_cast<uint16_t>(index);
        t.closure_vars.push_back(cv);
    }
    if (!count(&n)) return false;
    for (uint32_t i = 0; i < n; ++i) {
        Value k;
        if (!value(&k)) return false;
        if (k.is_uninitialized()) return fail("bad constant");
        if (k.is_internal_cell() && k.as_cell()->kind() != CellKind::FunctionBytecode)
            return fail("bad constant");
        t.constants.push_back(std::move(k));
    }
    if (!read_function_tables(m_in, t, fb->register_count(), [this](Atom* a) { return atom(a); }))
        return false;
    if (!fb->set_tables(*m_rt, t)) return fail("out of memory");
    return validate_function_code(fb, std::span<const Atom>(m_atoms.data(), m_atoms.size()), m_in);
}

bool SnapshotReader::read_frame(HeapFrame* h) {
    uint8_t state;
    if (!object_of_class(&h->function, ClassId::BytecodeFunction, false) || !value(&h->owner) ||
        !m_in.varuint32(&h->pc_offset) || !m_in.varuint32(&h->sp_offset) || !m_in.u8(&state) ||
        !boolean(&h->resume_throw))
        return false;
    if (state > static_cast<uint8_t>(FrameState::Completed) ||
        state == static_cast<uint8_t>(FrameState::Running))
        return fail("bad frame state");
    h->state = static_cast<FrameState>(state);
    for (uint32_t i = 0; i < h->value_count; ++i)
        if (!value(&h->values()[i])) return false;
    return true;
}

bool SnapshotReader::read_body(uint32_t index) {
    Cell* c = m_cells[index].as_cell();
    switch (c->kind()) {
    case CellKind::Symbol: {
        auto* s = static_cast<Symbol*>(c);
        // Checked before it is stored: symbols are not on the gc list, so an object left in a refused
        // one would outlive the teardown that frees the objects.
        Value description;
        if (!value(&description) || !boolean(&s->is_registered)) return false;
        if (!description.is_undefined() && !description.is_string())
            return fail("symbol description is not a string");
        if (s->is_registered && !description.is_string()) return fail("registered symbol without a key");
        s->description = std::move(description);
        return true;
    }
    case CellKind::Object: return read_object(static_cast<Object*>(c));
    case CellKind::FunctionBytecode: return read_bytecode(static_cast<FunctionBytecode*>(c));
    case CellKind::VarRef: return value(&static_cast<VarRef*>(c)->value);
    case CellKind::AccessorPair: {
        auto* p = static_cast<AccessorPair*>(c);
        if (!value(&p->getter) || !value(&p->setter)) return false;
        for (const Value* f : {&p->getter, &p->setter})
            if (!f->is_undefined() && !f->is_object()) return fail("accessor that is not a function");
        return true;
    }
    case CellKind::Frame: return read_frame(static_cast<HeapFrame*>(c));
    default: return fail("a cell kind without a body");
    }
}

bool SnapshotReader::read_roots() {
    if (m_delta) {
        // The delta's queue and timers replace the base's.
        m_rt->m_jobs.clear();
        m_rt->m_job_head = 0;
        if (m_rt->m_event_loop) m_rt->m_event_loop->clear_timers();
    }
    for (Context* ctx : m_rt->m_contexts) {
        if (ctx->m_released) continue;
        Value global, lexicals;
        if (!object_of_class(&global, ClassId::GlobalObject, false) || !object(&lexicals, false))
            return false;
        if (global.as_object() != ctx->m_global_object) return fail("a realm's global object was replaced");
        if (lexicals.as_object() != ctx->m_global_lexicals)
            return fail("a realm's lexical scope was replaced");
        uint32_t changed;
        if (!count(&changed, static_cast<uint32_t>(Intrinsic::Count))) return false;
        for (uint32_t i = 0; i < changed; ++i) {
            uint32_t which;
            Value v;
            if (!m_in.varuint32(&which, static_cast<uint32_t>(Intrinsic::Count) - 1) || !object(&v, true))
                return false;
            ctx->set_intrinsic(static_cast<Intrinsic>(which), v.is_object() ? v.as_object() : nullptr);
        }
        Value class_protos;
        if (!object_of_class(&class_protos, ClassId::Object, true)) return false;
        Object* protos = class_protos.is_object() ? class_protos.as_object() : nullptr;
        if (protos) protos->ref();
        if (ctx->m_host_class_protos) ctx->m_host_class_protos->unref();
        ctx->m_host_class_protos = protos;
    }
    uint32_t jobs;
    if (!count(&jobs)) return false;
    for (uint32_t i = 0; i < jobs; ++i) {
        Context* job_realm;
        Value function;
        uint32_t argc;
        if (!realm(&job_realm) || !object(&function, false) || !count(&argc, 0xffff)) return false;
        if (!job_realm || !function.as_object()->is_callable()) return fail("bad job");
        Vector<Value> args;
        for (uint32_t k = 0; k < argc; ++k) {
            Value a;
            if (!value(&a)) return false;
            args.push_back(std::move(a));
        }
        m_rt->enqueue_job(job_realm, std::move(function), std::move(args));
    }
    bool has_loop = false;
    if (!boolean(&has_loop)) return false;
    if (has_loop) {
        EventLoop* loop = EventLoop::of(*m_rt);
        if (!loop) return fail("out of memory");
        if (!loop->read_timers(*this)) return false;
    }
    return true;
}

// Prototype chains must end: the engine never builds a cycle (SetPrototypeOf refuses one) and
// lookups would loop forever on it. Each object is walked once (states 1: on the current path, 2: done).
bool SnapshotReader::check_prototype_chains() {
    Vector<Object*> path;
    bool ok = true;
    for (const Value& v : m_cells) {
        if (!v.is_object() || v.as_object()->m_gc_state) continue;
        path.clear();
        for (Object* o = v.as_object(); o && o->m_shape && o->m_gc_state != 2; o = o->m_shape->proto()) {
            if (o->m_gc_state == 1) {
                ok = false;
                break;
            }
            o->m_gc_state = 1;
            path.push_back(o);
        }
        for (Object* o : path)
            o->m_gc_state = 2;
        if (!ok) break;
    }
    for (const Value& v : m_cells)
        if (v.is_object()) v.as_object()->m_gc_state = 0;
    // Walks may have left marks on objects outside the table (built-in prototypes): clear them too.
    for (Context* ctx : m_rt->m_contexts) {
        if (!ctx->m_baseline) continue;
        for (Cell* c : ctx->m_baseline->cells)
            c->m_gc_state = 0;
    }
    return ok || fail("a prototype chain that loops");
}

bool SnapshotReader::check() {
    if (!check_prototype_chains()) return false;
    for (const Value& v : m_cells) {
        Cell* c = v.as_cell();
        if (c->kind() == CellKind::Object) {
            auto* o = static_cast<Object*>(c);
            const ClassHooks& hooks = class_hooks(o->class_id());
            if (hooks.snapshot && hooks.snapshot->check && !hooks.snapshot->check(o, *this)) return false;
        } else if (c->kind() == CellKind::FunctionBytecode) {
            // A nested function's closure variables come from its parent's registers or variables.
            auto* parent = static_cast<FunctionBytecode*>(c);
            for (const Value& k : parent->constants()) {
                if (!is_function_constant(k)) continue;
                auto* child = static_cast<FunctionBytecode*>(k.as_cell());
                for (const ClosureVarDesc& cv : child->closure_vars()) {
                    size_t bound = (cv.flags & closurevar::FromParentLocal) ? parent->register_count()
                                                                            : parent->closure_vars().size();
                    if (cv.index >= bound) return fail("closure variable source out of range");
                }
            }
        } else if (c->kind() == CellKind::Frame) {
            auto* h = static_cast<HeapFrame*>(c);
            auto* fo = static_cast<FunctionObject*>(h->function.as_object());
            FunctionBytecode* fb = fo->m_bytecode;
            if (!fb || !fb->needs_heap_frame())
                return fail("a suspended frame of a function that cannot suspend");
            if (h->value_count != kFrameHeaderSlots + fb->register_count() + fb->m_stack_size)
                return fail("frame size does not match its function");
            if (h->sp_offset > fb->m_stack_size) return fail("frame stack depth out of range");
            if (h->state != FrameState::Completed && !is_resume_point(fb, h->pc_offset))
                return fail("frame resumes at a point that is not a suspension");
        }
    }
    return true;
}

void SnapshotReader::record_base(uint32_t crc, uint64_t length) {
    Vector<Cell*> cells;
    Vector<uint64_t> hashes;
    cells.reserve(m_cells.size());
    hashes.reserve(m_cells.size());
    for (const Value& v : m_cells) {
        v.as_cell()->ref();
        cells.push_back(v.as_cell());
        hashes.push_back(baseline_content_hash(v.as_cell()));
    }
    m_rt->drop_snapshot_base();
    m_rt->m_snapshot_base_cells = std::move(cells);
    m_rt->m_snapshot_base_hashes = std::move(hashes);
    m_rt->m_snapshot_base_crc = crc;
    m_rt->m_snapshot_base_length = length;
}

bool SnapshotReader::run() {
    if (!read_realms() || !read_table() || !read_atoms() || !read_shapes()) return false;
    for (uint32_t i = 0; i < m_cells.size(); ++i)
        if (m_has_body[i] && !read_body(i)) return false;
    if (!read_roots() || !check()) return false;
    if (m_in.remaining() != 0) return fail("trailing bytes");
    return true;
}

} // namespace

// ---- HeapReader (the interface class payloads use) ----

bool HeapReader::boolean(bool* v) {
    uint8_t b;
    if (!m_in.u8(&b)) return false;
    if (b > 1) return fail("bad boolean");
    *v = b != 0;
    return true;
}

bool HeapReader::count(uint32_t* n, uint32_t max) {
    if (!m_in.varuint32(n, max)) return false;
    if (*n > m_in.remaining()) return fail("count larger than the data");
    return true;
}

bool HeapReader::value(Value* out) {
    auto* self = static_cast<SnapshotReader*>(this);
    uint8_t tag;
    if (!m_in.u8(&tag)) return false;
    switch (static_cast<ValueTag>(tag)) {
    case ValueTag::Undefined: *out = Value(); return true;
    case ValueTag::Null: *out = Value::null(); return true;
    case ValueTag::False: *out = Value::boolean(false); return true;
    case ValueTag::True: *out = Value::boolean(true); return true;
    case ValueTag::Int32: {
        int64_t i;
        if (!m_in.varint(&i)) return false;
        if (i < INT32_MIN || i > INT32_MAX) return fail("int32 out of range");
        *out = Value::int32(static_cast<int32_t>(i));
        return true;
    }
    case ValueTag::Float64: {
        double d;
        if (!m_in.f64(&d)) return false;
        *out = Value::float64(d);
        return true;
    }
    case ValueTag::Uninitialized: *out = Value::uninitialized(); return true;
    case ValueTag::Cell: {
        uint32_t index;
        if (!m_in.varuint32(&index)) return false;
        if (index >= self->m_cells.size()) return fail("cell index out of range");
        *out = self->m_cells[index];
        return true;
    }
    case ValueTag::WellKnownSymbol: {
        uint32_t which;
        if (!m_in.varuint32(&which, static_cast<uint32_t>(WellKnownSymbol::Count) - 1)) return false;
        *out = Value::symbol(m_rt->well_known_symbol(static_cast<WellKnownSymbol>(which)));
        return true;
    }
    }
    return fail("unknown value tag");
}

bool HeapReader::object(Value* out, bool allow_undefined) {
    if (!value(out)) return false;
    if (out->is_object() || (allow_undefined && out->is_undefined())) return true;
    return fail("a reference that should be an object");
}

bool HeapReader::object_of_class(Value* out, ClassId cls, bool allow_undefined) {
    if (!object(out, allow_undefined)) return false;
    if (out->is_object() && out->as_object()->class_id() != cls) return fail("an object of the wrong class");
    return true;
}

bool HeapReader::cell(Cell** out, CellKind kind, bool allow_null) {
    auto* self = static_cast<SnapshotReader*>(this);
    uint32_t index;
    if (!m_in.varuint32(&index, static_cast<uint32_t>(self->m_cells.size()))) return false;
    if (index == 0) {
        *out = nullptr;
        return allow_null || fail("a missing reference");
    }
    Cell* c = self->m_cells[index - 1].as_cell();
    if (c->kind() != kind) return fail("a reference to a cell of the wrong kind");
    c->ref();
    *out = c;
    return true;
}

bool HeapReader::atom(Atom* out) {
    auto* self = static_cast<SnapshotReader*>(this);
    uint32_t index;
    if (!m_in.varuint32(&index, static_cast<uint32_t>(self->m_atoms.size()))) return false;
    *out = index ? self->m_atoms[index - 1] : atoms::invalid;
    return true;
}

bool HeapReader::realm(Context** out) {
    uint32_t index;
    if (!m_in.varuint32(&index, static_cast<uint32_t>(m_rt->m_contexts.size()))) return false;
    *out = index ? m_rt->m_contexts[index - 1] : nullptr;
    return true;
}

bool HeapReader::native(uint32_t* id) {
    auto* self = static_cast<SnapshotReader*>(this);
    if (!m_in.varuint32(id)) return false;
    for (uint32_t n : self->m_natives)
        if (n == *id) return true;
    return fail("a native function missing from the snapshot's table");
}

namespace {

// Checks the header; on success `flags` tells the kind and `crc` identifies the payload.
bool read_header(const uint8_t* data, size_t length, uint16_t* flags_out, uint32_t* crc_out,
                 SnapshotError& error) {
    if (length < kHeaderSize || std::memcmp(data, kMagic, sizeof kMagic) != 0) {
        error.set("invalid snapshot: %s", length < kHeaderSize ? "truncated header" : "bad magic");
        return false;
    }
    ByteReader header(data + 4, kHeaderSize - 4);
    uint16_t version, flags;
    uint64_t fingerprint, payload;
    uint32_t crc;
    if (!header.u16(&version) || !header.u16(&flags) || !header.u64(&fingerprint) || !header.u64(&payload) ||
        !header.u32(&crc)) {
        error.set("invalid snapshot: truncated header");
        return false;
    }
    const char* problem = nullptr;
    if (version != kVersion)
        problem = "unsupported format version";
    else if ((flags & ~kFlagDelta) != 0)
        problem = "unknown flags";
    else if (fingerprint != snapshot_engine_fingerprint())
        problem = "made by another engine build";
    else if (payload != length - kHeaderSize)
        problem = "length does not match (truncated?)";
    else if (crc32(data + kHeaderSize, length - kHeaderSize) != crc)
        problem = "checksum mismatch";
    if (problem) {
        error.set("invalid snapshot: %s", problem);
        return false;
    }
    *flags_out = flags;
    *crc_out = crc;
    return true;
}

bool read_one(Runtime& rt, const uint8_t* data, size_t length, bool delta, SnapshotError& error) {
    uint16_t flags;
    uint32_t crc;
    if (!read_header(data, length, &flags, &crc, error)) return false;
    if (((flags & kFlagDelta) != 0) != delta) {
        error.set("invalid snapshot: %s",
                  delta ? "a full snapshot given as a delta" : "a delta given as a full snapshot");
        return false;
    }
    // The collector must not walk half-built cells; the restore allocates only what the snapshot holds.
    bool saved_in_gc = rt.m_in_gc;
    rt.m_in_gc = true;
    bool ok;
    {
        SnapshotReader reader(rt, data + kHeaderSize, length - kHeaderSize, delta);
        ok = reader.run();
        if (!ok) {
            error.set("invalid snapshot: %s", reader.in().error() ? reader.in().error() : "malformed");
            // Drop a pending exception raised while reading (e.g. out of memory).
            Value dropped = rt.take_exception();
        } else if (!delta) {
            reader.record_base(crc, length - kHeaderSize);
        }
    }
    rt.m_in_gc = saved_in_gc;
    return ok;
}

// After a failed restore: drops what the restore made (roots, jobs, timers, the delta base, the realms),
// so every cell it read is garbage and is finalized now, while the embedder's classes are still
// registered (host objects' finalizers free their payloads). When nothing is left, the realms go too
// and the runtime is fresh again (another restore may be tried); otherwise the runtime's teardown
// reports the rest as leaks.
void discard_failed_restore(Runtime& rt) {
    rt.release_all();
    GcCell& list = rt.gc_list();
    if (list.m_gc_next != &list) return;
    for (Vector<Context*>* realms : {&rt.m_contexts, &rt.m_failed_contexts}) {
        for (Context* ctx : *realms) {
            ctx->~Context();
            rt.free(ctx);
        }
        realms->clear();
    }
}

} // namespace

bool read_heap_snapshot(Runtime& rt, const uint8_t* data, size_t length, SnapshotError& error,
                        const uint8_t* delta, size_t delta_length) {
    rt.make_current();
    if (!rt.m_contexts.empty()) {
        error.set("restoring needs a fresh runtime");
        return false;
    }
    if (read_one(rt, data, length, false, error) &&
        (!delta || read_one(rt, delta, delta_length, true, error)))
        return true;
    discard_failed_restore(rt);
    return false;
}

} // namespace qjs
