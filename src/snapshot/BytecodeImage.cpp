// BytecodeImage.cpp: writing and validating reading of bytecode images (see BytecodeImage.h).
#include "snapshot/BytecodeImage.h"
#include "snapshot/FunctionTables.h"

#include "snapshot/StringCodec.h"

#include "bytecode/Compiler.h"
#include "bytecode/FunctionBytecode.h"
#include "runtime/BigInt.h"
#include "runtime/Context.h"
#include "runtime/Object.h"
#include "runtime/String.h"

#include <cstring>

namespace qjs {

bool is_function_constant(const Value& v) {
    return v.is_internal_cell() && v.as_cell()->kind() == CellKind::FunctionBytecode;
}

namespace {

constexpr uint8_t k_magic[4] = {'Q', 'J', 'S', 'B'};
constexpr uint16_t k_format_version = 3; // 2: import phases, deferred requests; 3: module types
// magic, version, flags, opcode fingerprint, payload length, payload CRC-32
constexpr size_t k_header_size = 4 + 2 + 2 + 4 + 4 + 4;
// Nested functions are read recursively; the parser's own nesting limit keeps real code far below.
constexpr uint32_t k_max_function_depth = 1000;

// Header flags.
constexpr uint16_t k_flag_module = 1;

enum class AtomKind : uint8_t { String = 0, WellKnownSymbol = 1, Index = 2 };

enum class ConstantKind : uint8_t {
    Int32 = 0,
    Float64 = 1,
    String = 2,
    BigInt = 3,
    Function = 4,
    TemplateSite = 5, // [cooked strings (or undefined), raw strings] of a tagged template
};

// The operand byte offsets of an instruction, by format (after the opcode byte).
bool has_atom_operand(OpFormat f) {
    return f == OpFormat::atom || f == OpFormat::atom_u8 || f == OpFormat::atom_ic ||
           f == OpFormat::atom_label_u8;
}

// ---- writing ----

class ImageWriter {
  public:
    explicit ImageWriter(Context& ctx) : m_ctx(ctx), m_rt(ctx.rt()) {}
    bool function(const FunctionBytecode* fb, uint32_t depth);
    bool module_info(const ModuleCompileInfo& info);
    bool finish(ByteWriter& out, uint16_t flags); // false on OOM (exception pending)

  private:
    bool atom(Atom a, uint32_t* index);
    bool write_atom(Atom a); // 0 for invalid, else table index + 1
    bool constant(const Value& c, uint32_t depth);
    bool template_site(const Value& c);
    bool code(const FunctionBytecode* fb);

    Context& m_ctx;
    Runtime& m_rt;
    ByteWriter m_body;
    Vector<Atom> m_atoms;
    Vector<uint32_t> m_atom_slots; // atom number -> table index + 1 (0: not yet in the table)
    Vector<const String*> m_sources;
};

bool ImageWriter::atom(Atom a, uint32_t* index) {
    if (atom_is_index(a)) {
        for (uint32_t i = 0; i < m_atoms.size(); ++i) {
            if (m_atoms[i] == a) return *index = i, true;
        }
    } else {
        if (a >= m_atom_slots.size()) m_atom_slots.resize(a + 1, 0);
        if (m_atom_slots[a]) return *index = m_atom_slots[a] - 1, true;
        bool well_known = a >= atoms::first_well_known_symbol && a < atoms::end_predefined;
        if (m_rt.atom_is_symbol(a) && !well_known) {
            m_ctx.throw_type_error("a bytecode image cannot hold a symbol key");
            return false;
        }
        m_atom_slots[a] = static_cast<uint32_t>(m_atoms.size() + 1);
    }
    *index = static_cast<uint32_t>(m_atoms.size());
    m_atoms.push_back(a);
    return true;
}

bool ImageWriter::write_atom(Atom a) {
    if (a == atoms::invalid) {
        m_body.varuint(0);
        return true;
    }
    uint32_t index;
    if (!atom(a, &index)) return false;
    m_body.varuint(uint64_t(index) + 1);
    return true;
}

bool ImageWriter::code(const FunctionBytecode* fb) {
    return write_code(m_body, fb, [this](Atom a, uint32_t* index) { return atom(a, index); });
}

bool ImageWriter::template_site(const Value& c) {
    // Before its first evaluation the site is [cooked, raw]; afterwards it is the frozen cooked array
    // with a "raw" property.
    Object* site = c.as_object();
    Value cooked, raw;
    if (site->is_fast_array() && site->m_element_count == 2 && site->m_elements[0].is_object()) {
        cooked = site->m_elements[0];
        raw = site->m_elements[1];
    } else {
        cooked = c;
        raw = get(m_ctx, site, atoms::raw);
        if (raw.is_exception()) return false;
    }
    for (const Value* part : {&cooked, &raw}) {
        if (!part->is_object()) return m_ctx.throw_type_error("malformed template constant"), false;
        Value length = get(m_ctx, part->as_object(), atoms::length);
        if (length.is_exception()) return false;
        uint32_t n = length.is_number() ? static_cast<uint32_t>(length.as_number()) : 0;
        m_body.varuint(n);
        for (uint32_t i = 0; i < n; ++i) {
            Value s = get(m_ctx, part->as_object(), atom_from_index(i));
            if (s.is_exception()) return false;
            if (s.is_string()) {
                m_body.u8(1);
                write_string(m_body, s.as_string());
            } else {
                m_body.u8(0); // undefined: a cooked string with an invalid escape
            }
        }
    }
    return true;
}

bool ImageWriter::constant(const Value& c, uint32_t depth) {
    if (c.is_int32()) {
        m_body.u8(static_cast<uint8_t>(ConstantKind::Int32));
        m_body.varint(c.as_int32());
    } else if (c.is_number()) {
        m_body.u8(static_cast<uint8_t>(ConstantKind::Float64));
        m_body.f64(c.as_number());
    } else if (c.is_string()) {
        m_body.u8(static_cast<uint8_t>(ConstantKind::String));
        write_string(m_body, c.as_string());
    } else if (c.is_bigint()) {
        const BigInt* b = c.as_bigint();
        m_body.u8(static_cast<uint8_t>(ConstantKind::BigInt));
        m_body.varuint((uint64_t(b->length()) << 1) | (b->is_negative() ? 1 : 0));
        for (uint32_t i = 0; i < b->length(); ++i)
            m_body.u32(b->limbs()[i]);
    } else if (is_function_constant(c)) {
        m_body.u8(static_cast<uint8_t>(ConstantKind::Function));
        return function(static_cast<const FunctionBytecode*>(c.as_cell()), depth + 1);
    } else if (c.is_object()) {
        m_body.u8(static_cast<uint8_t>(ConstantKind::TemplateSite));
        return template_site(c);
    } else {
        m_ctx.throw_type_error("a bytecode image cannot hold this constant");
        return false;
    }
    return true;
}

bool ImageWriter::function(const FunctionBytecode* fb, uint32_t depth) {
    if (depth > k_max_function_depth || m_ctx.check_stack_overflow()) {
        if (!m_rt.has_exception()) m_ctx.throw_range_error("functions nested too deeply");
        return false;
    }
    m_body.varuint(fb->m_flags);
    m_body.varuint(fb->m_param_count);
    m_body.varuint(fb->m_length);
    m_body.varuint(fb->m_local_count);
    m_body.varuint(fb->m_stack_size);
    if (!write_atom(fb->m_name) || !write_atom(fb->m_filename)) return false;
    m_body.varuint(fb->m_line);
    m_body.varuint(fb->m_column);
    uint32_t source = 0;
    if (fb->m_source) {
        for (uint32_t i = 0; i < m_sources.size() && !source; ++i)
            if (m_sources[i] == fb->m_source) source = i + 1;
        if (!source) {
            m_sources.push_back(fb->m_source);
            source = static_cast<uint32_t>(m_sources.size());
        }
    }
    m_body.varuint(source);
    m_body.varuint(fb->m_source_start);
    m_body.varuint(fb->m_source_end);
    if (!code(fb)) return false;
    m_body.varuint(fb->ic_count());
    m_body.varuint(fb->closure_vars().size());
    for (const ClosureVarDesc& cv : fb->closure_vars()) {
        if (!write_atom(cv.name)) return false;
        m_body.varuint(cv.index);
        m_body.u8(cv.flags);
    }
    m_body.varuint(fb->constants().size());
    for (const Value& c : fb->constants())
        if (!constant(c, depth)) return false;
    return write_function_tables(m_body, fb, [this](Atom a) { return write_atom(a); });
}

bool ImageWriter::module_info(const ModuleCompileInfo& info) {
    m_body.varuint(info.requests.size());
    for (const ModuleRequest& r : info.requests) {
        if (!write_atom(r.specifier)) return false;
        m_body.u8(static_cast<uint8_t>(r.type));
    }
    m_body.varuint(info.bindings.size());
    for (const ModuleBindingDesc& b : info.bindings) {
        if (!write_atom(b.name)) return false;
        m_body.u8(b.flags);
    }
    m_body.varuint(info.imports.size());
    for (const ModuleImportDesc& im : info.imports) {
        m_body.varuint(im.request);
        if (!write_atom(im.import_name)) return false;
        m_body.varuint(im.slot);
        m_body.u8(static_cast<uint8_t>(im.phase));
    }
    m_body.varuint(info.local_exports.size());
    for (const ModuleExportDesc& e : info.local_exports) {
        if (!write_atom(e.export_name)) return false;
        m_body.varuint(e.slot);
    }
    m_body.varuint(info.indirect_exports.size());
    for (const ModuleExportDesc& e : info.indirect_exports) {
        if (!write_atom(e.export_name)) return false;
        m_body.varuint(e.request);
        if (!write_atom(e.import_name)) return false;
    }
    m_body.varuint(info.star_exports.size());
    for (uint32_t r : info.star_exports)
        m_body.varuint(r);
    m_body.varuint(info.evaluation_steps.size());
    for (const ModuleEvaluationStep& s : info.evaluation_steps)
        m_body.varuint(uint64_t(s.request) * 2 + (s.deferred ? 1 : 0));
    m_body.u8(info.has_top_level_await ? 1 : 0);
    return true;
}

bool ImageWriter::finish(ByteWriter& out, uint16_t flags) {
    ByteWriter tables;
    tables.varuint(m_atoms.size());
    for (Atom a : m_atoms) {
        if (atom_is_index(a)) {
            tables.u8(static_cast<uint8_t>(AtomKind::Index));
            tables.varuint(atom_index_value(a));
        } else if (a >= atoms::first_well_known_symbol && a < atoms::end_predefined) {
            tables.u8(static_cast<uint8_t>(AtomKind::WellKnownSymbol));
            tables.varuint(a - atoms::first_well_known_symbol);
        } else {
            tables.u8(static_cast<uint8_t>(AtomKind::String));
            write_string(tables, m_rt.atom_string(a));
        }
    }
    tables.varuint(m_sources.size());
    for (const String* s : m_sources)
        write_string(tables, s);

    size_t payload = tables.size() + m_body.size();
    uint32_t crc = crc32(tables.data().data(), tables.size());
    crc = crc32(m_body.data().data(), m_body.size(), crc);
    out.bytes(k_magic, sizeof k_magic);
    out.u16(k_format_version);
    out.u16(flags);
    out.u32(opcode_table_fingerprint());
    out.u32(static_cast<uint32_t>(payload));
    out.u32(crc);
    out.bytes(tables.data().data(), tables.size());
    out.bytes(m_body.data().data(), m_body.size());
    if (tables.failed() || m_body.failed() || out.failed()) return m_ctx.throw_out_of_memory(), false;
    return true;
}

// ---- reading ----

class ImageReader {
  public:
    ImageReader(Context& ctx, const uint8_t* data, size_t length)
        : m_ctx(ctx), m_rt(ctx.rt()), m_in(data, length) {}
    bool tables();
    // Reads one function; `parent` gives the bounds its closure variables are checked against.
    // `parent_closure_vars`: the parent's closure variable count (its tables are still being read).
    FunctionBytecode* function(const FunctionBytecode* parent, uint32_t parent_closure_vars, uint32_t depth);
    bool module_info(ModuleCompileInfo* info);
    ByteReader& in() { return m_in; }

  private:
    bool read_string(Value* out);
    bool read_atom(Atom* out); // an optional atom: 0 is invalid
    bool count(uint32_t* n, uint32_t max = UINT32_MAX);
    bool constant(const FunctionBytecode* fb, FunctionTables& t, uint32_t depth);
    bool template_site(Value* out);
    bool validate_code(FunctionBytecode* fb);

    Context& m_ctx;
    Runtime& m_rt;
    ByteReader m_in;
    Vector<Atom> m_atoms;
    Vector<Value> m_sources;
    uint32_t m_root_closure_bound = 0; // a module function's closure variables: its binding count
};

bool ImageReader::count(uint32_t* n, uint32_t max) {
    // Each element takes at least one byte, so a count beyond what is left is corrupt (and is
    // refused before anything is allocated for it).
    if (!m_in.varuint32(n, max)) return false;
    if (*n > m_in.remaining()) return m_in.fail("count larger than the data");
    return true;
}

bool ImageReader::read_string(Value* out) {
    bool oom;
    String* s = qjs::read_string(m_in, m_rt, &oom);
    if (oom) return m_ctx.throw_out_of_memory(), m_in.fail("out of memory");
    if (!s) return false;
    *out = Value::adopt(Tag::String, s);
    return true;
}

bool ImageReader::tables() {
    uint32_t n;
    if (!count(&n)) return false;
    for (uint32_t i = 0; i < n; ++i) {
        uint8_t kind;
        uint64_t number;
        if (!m_in.u8(&kind)) return false;
        Atom a = atoms::invalid;
        if (kind == static_cast<uint8_t>(AtomKind::Index)) {
            if (!m_in.varuint(&number, kMaxAtomIndex)) return false;
            a = atom_from_index(static_cast<uint32_t>(number));
        } else if (kind == static_cast<uint8_t>(AtomKind::WellKnownSymbol)) {
            if (!m_in.varuint(&number, atoms::end_predefined - atoms::first_well_known_symbol - 1))
                return false;
            a = static_cast<Atom>(atoms::first_well_known_symbol + number);
        } else if (kind == static_cast<uint8_t>(AtomKind::String)) {
            Value s;
            if (!read_string(&s)) return false;
            a = m_rt.intern(s.as_string());
            if (!a) return m_ctx.throw_out_of_memory(), m_in.fail("out of memory");
        } else {
            return m_in.fail("unknown atom kind");
        }
        m_atoms.push_back(a);
    }
    if (!count(&n)) return false;
    for (uint32_t i = 0; i < n; ++i) {
        Value s;
        if (!read_string(&s)) return false;
        m_sources.push_back(std::move(s));
    }
    return true;
}

bool ImageReader::read_atom(Atom* out) {
    uint32_t index;
    if (!m_in.varuint32(&index, static_cast<uint32_t>(m_atoms.size())))
        return m_in.fail("atom index out of range");
    *out = index ? m_atoms[index - 1] : atoms::invalid;
    return true;
}

bool ImageReader::template_site(Value* out) {
    Value parts[2];
    for (Value& part : parts) {
        uint32_t n;
        if (!count(&n)) return false;
        Vector<Value> strings;
        for (uint32_t i = 0; i < n; ++i) {
            uint8_t present;
            if (!m_in.u8(&present)) return false;
            Value s;
            if (present > 1) return m_in.fail("bad template string flag");
            if (present && !read_string(&s)) return false;
            strings.push_back(std::move(s));
        }
        part = new_array_from(m_ctx, std::span<const Value>(strings.data(), strings.size()));
        if (part.is_exception()) return m_in.fail("out of memory");
    }
    *out = new_array_from(m_ctx, std::span<const Value>(parts, 2));
    if (out->is_exception()) return m_in.fail("out of memory");
    return true;
}

bool ImageReader::constant(const FunctionBytecode* fb, FunctionTables& t, uint32_t depth) {
    uint8_t kind;
    if (!m_in.u8(&kind)) return false;
    Value v;
    switch (static_cast<ConstantKind>(kind)) {
    case ConstantKind::Int32: {
        int64_t i;
        if (!m_in.varint(&i)) return false;
        if (i < INT32_MIN || i > INT32_MAX) return m_in.fail("int32 constant out of range");
        v = Value::int32(static_cast<int32_t>(i));
        break;
    }
    case ConstantKind::Float64: {
        double d;
        if (!m_in.f64(&d)) return false;
        v = Value::float64(d);
        break;
    }
    case ConstantKind::String:
        if (!read_string(&v)) return false;
        break;
    case ConstantKind::BigInt: {
        uint64_t header;
        if (!m_in.varuint(&header, uint64_t(m_in.remaining() / 4) << 1 | 1)) return false;
        uint32_t length = static_cast<uint32_t>(header >> 1);
        bool negative = header & 1;
        const uint8_t* bytes;
        if (!m_in.bytes(&bytes, size_t(length) * 4)) return false;
        // Normalised: no leading zero limb, and zero is never negative.
        if ((length && bytes[4 * length - 4] == 0 && bytes[4 * length - 3] == 0 &&
             bytes[4 * length - 2] == 0 && bytes[4 * length - 1] == 0) ||
            (!length && negative))
            return m_in.fail("BigInt constant not normalised");
        BigInt* b = m_rt.new_cell<BigInt>(size_t(length) * 4, length, negative);
        if (!b) return m_ctx.throw_out_of_memory(), m_in.fail("out of memory");
        for (uint32_t i = 0; i < length; ++i) {
            const uint8_t* p = bytes + 4 * i;
            b->limbs()[i] =
                uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24);
        }
        v = Value::adopt(Tag::BigInt, b);
        break;
    }
    case ConstantKind::Function: {
        FunctionBytecode* child = function(fb, static_cast<uint32_t>(t.closure_vars.size()), depth + 1);
        if (!child) return false;
        v = Value::adopt(Tag::InternalCell, child);
        break;
    }
    case ConstantKind::TemplateSite:
        if (!template_site(&v)) return false;
        break;
    default: return m_in.fail("unknown constant kind");
    }
    t.constants.push_back(std::move(v));
    return true;
}

bool ImageReader::validate_code(FunctionBytecode* fb) {
    return validate_function_code(fb, std::span<const Atom>(m_atoms.data(), m_atoms.size()), m_in);
}

FunctionBytecode* ImageReader::function(const FunctionBytecode* parent, uint32_t parent_closure_vars,
                                        uint32_t depth) {
    if (depth > k_max_function_depth) return m_in.fail("functions nested too deeply"), nullptr;
    if (m_ctx.check_stack_overflow()) return m_in.fail("functions nested too deeply"), nullptr;
    FunctionBytecode* fb = FunctionBytecode::create(m_rt);
    if (!fb) return m_ctx.throw_out_of_memory(), m_in.fail("out of memory"), nullptr;
    Value holder = Value::adopt(Tag::InternalCell, fb); // frees the partial function on failure
    uint32_t n, a, b, c, d;
    if (!m_in.varuint32(&fb->m_flags)) return nullptr;
    if (!m_in.varuint32(&a, 0xffff) || !m_in.varuint32(&b, 0xffff) || !m_in.varuint32(&c, 0xffff) ||
        !m_in.varuint32(&d, 0xffff))
        return nullptr;
    fb->m_param_count = static_cast<uint16_t>(a);
    fb->m_length = static_cast<uint16_t>(b);
    fb->m_local_count = static_cast<uint16_t>(c);
    fb->m_stack_size = static_cast<uint16_t>(d);
    if (fb->register_count() > 0xffff) return m_in.fail("too many registers"), nullptr;
    if (!read_atom(&fb->m_name) || !read_atom(&fb->m_filename)) return nullptr;
    if (!m_in.varuint32(&fb->m_line) || !m_in.varuint32(&fb->m_column)) return nullptr;
    uint32_t source;
    if (!m_in.varuint32(&source, static_cast<uint32_t>(m_sources.size())) ||
        !m_in.varuint32(&fb->m_source_start) || !m_in.varuint32(&fb->m_source_end))
        return nullptr;
    if (source) {
        String* s = m_sources[source - 1].as_string();
        if (fb->m_source_start > fb->m_source_end || fb->m_source_end > s->length())
            return m_in.fail("source range out of range"), nullptr;
        s->ref();
        fb->m_source = s;
    }
    const uint8_t* bytes;
    FunctionTables t;
    if (!count(&n) || !m_in.bytes(&bytes, n)) return nullptr;
    t.code.assign(bytes, bytes + n);
    if (!count(&n, 0xffff)) return nullptr;
    t.ic_count = n;
    if (!count(&n, 0xffff)) return nullptr;
    if (!parent && n > m_root_closure_bound)
        return m_in.fail("the outermost function has closure variables"), nullptr;
    for (uint32_t i = 0; i < n; ++i) {
        ClosureVarDesc cv;
        uint32_t index;
        if (!read_atom(&cv.name) || !m_in.varuint32(&index, 0xffff) || !m_in.u8(&cv.flags)) return nullptr;
        cv.index = static_cast<uint16_t>(index);
        if (!parent && (cv.flags & closurevar::FromParentLocal))
            return m_in.fail("a module function's closure variable is not a binding"), nullptr;
        size_t bound = !parent                                    ? m_root_closure_bound
                       : (cv.flags & closurevar::FromParentLocal) ? parent->register_count()
                                                                  : parent_closure_vars;
        if (index >= bound) return m_in.fail("closure variable source out of range"), nullptr;
        t.closure_vars.push_back(cv);
    }
    if (!count(&n)) return nullptr;
    for (uint32_t i = 0; i < n; ++i)
        if (!constant(fb, t, depth)) return nullptr;
    if (!read_function_tables(m_in, t, fb->register_count(), [this](Atom* a) { return read_atom(a); }))
        return nullptr;
    if (!fb->set_tables(m_rt, t)) return m_ctx.throw_out_of_memory(), m_in.fail("out of memory"), nullptr;
    if (!validate_code(fb)) return nullptr;
    fb->ref(); // the caller's reference; `holder` drops its own
    return fb;
}

bool ImageReader::module_info(ModuleCompileInfo* info) {
    uint32_t n;
    if (!count(&n)) return false;
    for (uint32_t i = 0; i < n; ++i) {
        ModuleRequest r;
        uint8_t type = 0;
        if (!read_atom(&r.specifier) || !m_in.u8(&type)) return false;
        if (r.specifier == atoms::invalid) return m_in.fail("module request without a specifier");
        if (type >= kModuleTypeCount) return m_in.fail("unknown module type");
        r.type = static_cast<ModuleType>(type);
        info->requests.push_back(r);
    }
    auto requests = static_cast<uint32_t>(info->requests.size());
    if (!count(&n)) return false;
    for (uint32_t i = 0; i < n; ++i) {
        ModuleBindingDesc b;
        if (!read_atom(&b.name) || !m_in.u8(&b.flags)) return false;
        if (b.flags & ~(modbinding::Lexical | modbinding::Function | modbinding::Import))
            return m_in.fail("unknown module binding flags");
        info->bindings.push_back(b);
    }
    auto bindings = static_cast<uint32_t>(info->bindings.size());
    auto index = [&](uint32_t* v, uint32_t bound, const char* what) {
        if (!m_in.varuint32(v)) return false;
        return *v < bound || m_in.fail(what);
    };
    if (!count(&n)) return false;
    for (uint32_t i = 0; i < n; ++i) {
        ModuleImportDesc im;
        if (!index(&im.request, requests, "module import request out of range") ||
            !read_atom(&im.import_name) || !index(&im.slot, bindings, "module import binding out of range"))
            return false;
        uint8_t phase;
        if (!m_in.u8(&phase)) return false;
        if (phase > static_cast<uint8_t>(ImportPhase::Source)) return m_in.fail("bad module import phase");
        im.phase = static_cast<ImportPhase>(phase);
        if (!(info->bindings[im.slot].flags & modbinding::Import))
            return m_in.fail("module import into a local binding");
        info->imports.push_back(im);
    }
    if (!count(&n)) return false;
    for (uint32_t i = 0; i < n; ++i) {
        ModuleExportDesc e;
        if (!read_atom(&e.export_name) || !index(&e.slot, bindings, "module export binding out of range"))
            return false;
        if (e.export_name == atoms::invalid) return m_in.fail("module export without a name");
        info->local_exports.push_back(e);
    }
    if (!count(&n)) return false;
    for (uint32_t i = 0; i < n; ++i) {
        ModuleExportDesc e;
        if (!read_atom(&e.export_name) ||
            !index(&e.request, requests, "module export request out of range") || !read_atom(&e.import_name))
            return false;
        if (e.export_name == atoms::invalid) return m_in.fail("module export without a name");
        info->indirect_exports.push_back(e);
    }
    if (!count(&n)) return false;
    for (uint32_t i = 0; i < n; ++i) {
        uint32_t r = 0;
        if (!index(&r, requests, "module star export request out of range")) return false;
        info->star_exports.push_back(r);
    }
    if (!count(&n)) return false;
    for (uint32_t i = 0; i < n; ++i) {
        uint32_t step = 0;
        if (!index(&step, requests * 2, "module evaluation step out of range")) return false;
        info->evaluation_steps.push_back(ModuleEvaluationStep{step / 2, (step & 1) != 0});
    }
    uint8_t tla;
    if (!m_in.u8(&tla)) return false;
    if (tla > 1) return m_in.fail("bad top-level await flag");
    info->has_top_level_await = tla != 0;
    m_root_closure_bound = bindings;
    return true;
}

} // namespace

bool validate_function_code(FunctionBytecode* fb, std::span<const Atom> atom_map, ByteReader& in) {
    std::span<uint8_t> code = fb->code();
    size_t length = code.size();
    if (length == 0) return in.fail("empty code");
    Vector<uint8_t> boundary(length + 1, 0);
    uint32_t registers = fb->register_count();
    size_t closure_vars = fb->closure_vars().size();
    size_t constants = fb->constants().size();
    for (size_t pc = 0; pc < length;) {
        if (code[pc] >= static_cast<uint8_t>(Op::Count)) return in.fail("unknown opcode");
        Op op = static_cast<Op>(code[pc]);
        const OpInfo& info = op_info(op);
        if (info.size > length - pc) return in.fail("instruction past the end of the code");
        boundary[pc] = 1;
        uint8_t* p = &code[pc + 1];
        uint32_t index = 0;
        switch (info.format) {
        case OpFormat::loc: index = read_u16(p); break;
        case OpFormat::loc8: index = p[0]; break;
        case OpFormat::var_ref: index = read_u16(p); break;
        case OpFormat::const_:
        case OpFormat::const_u8: index = read_u32(p); break;
        case OpFormat::const8: index = p[0]; break;
        default: break;
        }
        switch (info.format) {
        case OpFormat::loc:
        case OpFormat::loc8:
            if (index >= registers) return in.fail("register index out of range");
            break;
        case OpFormat::var_ref:
            if (index >= closure_vars) return in.fail("closure variable index out of range");
            break;
        case OpFormat::const_:
        case OpFormat::const_u8:
        case OpFormat::const8: {
            if (index >= constants) return in.fail("constant index out of range");
            const Value& c = fb->constants()[index];
            bool wants_function = op == Op::fclosure || op == Op::fclosure8 || op == Op::define_class;
            if (wants_function != is_function_constant(c)) return in.fail("constant of the wrong kind");
            if ((op == Op::get_template_object) != c.is_object())
                return in.fail("constant of the wrong kind");
            break;
        }
        default: break;
        }
        if (has_atom_operand(info.format)) {
            uint32_t image_index = read_u32(p);
            if (image_index >= atom_map.size()) return in.fail("atom index out of range");
            std::memcpy(p, &atom_map[image_index], 4);
            if (info.format == OpFormat::atom_ic && read_u16(p + 4) >= fb->ic_count())
                return in.fail("inline cache index out of range");
        }
        // Operands implied by the opcode itself.
        switch (op) {
        case Op::get_loc0:
        case Op::put_loc0:
        case Op::set_loc0: index = 0; break;
        case Op::get_loc1:
        case Op::put_loc1:
        case Op::set_loc1: index = 1; break;
        case Op::get_loc2:
        case Op::put_loc2:
        case Op::set_loc2: index = 2; break;
        case Op::get_loc3:
        case Op::put_loc3:
        case Op::set_loc3: index = 3; break;
        default: index = UINT32_MAX; break;
        }
        if (index != UINT32_MAX && index >= registers) return in.fail("register index out of range");
        switch (op) {
        case Op::get_var_ref0: index = 0; break;
        case Op::get_var_ref1: index = 1; break;
        case Op::get_var_ref2: index = 2; break;
        case Op::get_var_ref3: index = 3; break;
        default: index = UINT32_MAX; break;
        }
        if (index != UINT32_MAX && index >= closure_vars)
            return in.fail("closure variable index out of range");
        if (op == Op::special_object && p[0] > static_cast<uint8_t>(SpecialObject::ImportFunction))
            return in.fail("bad special object kind");
        if (op == Op::throw_error && p[4] > static_cast<uint8_t>(ThrowErrorKind::InvalidAssignTarget))
            return in.fail("bad error kind");
        if (op == Op::iterator_call && p[0] > itercall::Throw) return in.fail("bad iterator call kind");
        pc += info.size;
    }
    // Control flow from the entry, and from the handler of every try range that holds reachable code:
    // each reachable jump must land on an instruction, and no reachable instruction may run off the end
    // of the code. The compiler leaves unreachable code (after a return or throw) whose jumps, handlers
    // and recorded stack depths are never used, so only what is reachable is held to the rules.
    for (const ExceptionHandler& h : fb->handlers()) {
        if (h.start > h.end || h.end > length || h.target >= length || !boundary[h.target])
            return in.fail("exception handler out of range");
    }
    Vector<uint8_t> reached(length, 0);
    Vector<uint8_t> handler_active(fb->handlers().size(), 0);
    Vector<uint32_t> work;
    work.push_back(0);
    for (bool more = true; more;) {
        while (!work.empty()) {
            uint32_t pc = work.back();
            work.pop_back();
            if (pc >= length || !boundary[pc]) return in.fail("jump target is not an instruction");
            if (reached[pc]) continue;
            reached[pc] = 1;
            Op op = static_cast<Op>(code[pc]);
            const OpInfo& info = op_info(op);
            const uint8_t* p = &code[pc + 1];
            if (info.format == OpFormat::label) work.push_back(static_cast<uint32_t>(pc + read_i32(p)));
            if (info.format == OpFormat::label8)
                work.push_back(static_cast<uint32_t>(pc + static_cast<int8_t>(p[0])));
            if (info.format == OpFormat::atom_label_u8)
                work.push_back(static_cast<uint32_t>(pc + read_i32(p + 4)));
            bool falls_through = op != Op::goto_ && op != Op::goto8 && op != Op::return_ &&
                                 op != Op::return_undef && op != Op::throw_ && op != Op::throw_error &&
                                 op != Op::ret;
            if (falls_through) {
                if (pc + info.size >= length) return in.fail("code runs past its end");
                work.push_back(static_cast<uint32_t>(pc + info.size));
            }
        }
        more = false;
        for (size_t i = 0; i < fb->handlers().size(); ++i) {
            const ExceptionHandler& h = fb->handlers()[i];
            if (handler_active[i]) continue;
            bool covers_reachable = false;
            for (uint32_t pc = h.start; pc < h.end && !covers_reachable; ++pc)
                covers_reachable = reached[pc];
            if (!covers_reachable) continue;
            if (h.stack_depth > fb->m_stack_size)
                return in.fail("exception handler stack depth out of range");
            handler_active[i] = 1;
            work.push_back(h.target);
            more = true;
        }
    }
    for (const LineEntry& l : fb->lines())
        if (l.pc > length) return in.fail("line table entry out of range");
    return true;
}

uint32_t opcode_table_fingerprint() {
    static uint32_t fingerprint = [] {
        uint32_t h = 2166136261u;
        auto mix = [&h](uint8_t byte) { h = (h ^ byte) * 16777619u; };
        for (const OpInfo& info : g_op_info) {
            for (const char* c = info.name; *c; ++c)
                mix(static_cast<uint8_t>(*c));
            mix(0);
            mix(info.size);
            mix(info.n_pop);
            mix(info.n_push);
            mix(static_cast<uint8_t>(info.format));
        }
        return h;
    }();
    return fingerprint;
}

bool write_bytecode_image(Context& ctx, const FunctionBytecode* fb, ByteWriter& out) {
    ImageWriter writer(ctx);
    return writer.function(fb, 0) && writer.finish(out, 0);
}

bool write_module_image(Context& ctx, const FunctionBytecode* fb, const ModuleCompileInfo& info,
                        ByteWriter& out) {
    ImageWriter writer(ctx);
    return writer.module_info(info) && writer.function(fb, 0) && writer.finish(out, k_flag_module);
}

Result<FunctionBytecode*> read_bytecode_image(Context& ctx, const uint8_t* data, size_t length,
                                              ModuleCompileInfo* module_info, bool* is_module) {
    auto invalid = [&ctx](const char* why) -> Exception {
        if (ctx.rt().has_exception()) return Exception{};
        return ctx.throw_syntax_error("invalid bytecode image: %s", why);
    };
    if (length < k_header_size) return invalid("truncated header");
    if (std::memcmp(data, k_magic, sizeof k_magic) != 0) return invalid("bad magic");
    ByteReader header(data + 4, k_header_size - 4);
    uint16_t version, flags;
    uint32_t fingerprint, payload, crc;
    if (!header.u16(&version) || !header.u16(&flags) || !header.u32(&fingerprint) || !header.u32(&payload) ||
        !header.u32(&crc))
        return invalid("truncated header");
    if (version != k_format_version) return invalid("unsupported format version");
    if (flags & ~k_flag_module) return invalid("reserved header bits set");
    bool module = flags & k_flag_module;
    if (module && !module_info) return invalid("a module image where a script was expected");
    if (is_module) *is_module = module;
    if (fingerprint != opcode_table_fingerprint()) return invalid("made by an engine with other opcodes");
    if (payload != length - k_header_size) return invalid("length does not match");
    if (crc32(data + k_header_size, payload) != crc) return invalid("checksum mismatch");
    ImageReader reader(ctx, data + k_header_size, payload);
    FunctionBytecode* fb = nullptr;
    if (reader.tables() && (!module || reader.module_info(module_info))) fb = reader.function(nullptr, 0, 0);
    if (fb && reader.in().remaining() != 0) {
        fb->unref();
        fb = nullptr;
        reader.in().fail("trailing bytes");
    }
    if (!fb) return invalid(reader.in().error() ? reader.in().error() : "malformed");
    return fb;
}

} // namespace qjs
