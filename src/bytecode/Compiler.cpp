// Compiler.cpp: entry points: parse, analyse scopes, generate bytecode; parse errors become
// SyntaxErrors.
#include "bytecode/Compiler.h"

#include "bytecode/Codegen.h"
#include "bytecode/ModuleInfo.h"
#include "parser/Parser.h"
#include "runtime/Context.h"
#include "runtime/String.h"

namespace qjs {

// Arena blocks come from the runtime so they count against its memory limit.
static void* runtime_arena_alloc(void* opaque, size_t size) {
    return static_cast<Runtime*>(opaque)->alloc(size);
}
static void runtime_arena_free(void* opaque, void* ptr, size_t) {
    static_cast<Runtime*>(opaque)->free(ptr);
}

static Allocator runtime_allocator(Runtime& rt) {
    Allocator a;
    a.alloc_fn = runtime_arena_alloc;
    a.free_fn = runtime_arena_free;
    a.opaque = &rt;
    return a;
}

static Exception throw_parse_error(Context& ctx, const ParseError& err, Atom filename) {
    if (err.is_out_of_memory) return ctx.throw_out_of_memory();
    std::string file = "<input>";
    if (filename != atoms::invalid && !ctx.rt().atom_is_symbol(filename)) {
        if (String* s = ctx.rt().atom_string(filename)) file = s->to_utf8();
    }
    if (err.is_stack_overflow)
        return ctx.throw_range_error("%s:%u:%u: %s", file.c_str(), err.line, err.column,
                                     err.message ? err.message : "too much recursion");
    return ctx.throw_syntax_error("%s:%u:%u: %s", file.c_str(), err.line, err.column,
                                  err.message ? err.message : "syntax error");
}

// Function source ranges are byte offsets; the source String is indexed in UTF-16 units.
static void fix_source_offsets(FunctionBytecode* fb, const char* utf8, size_t length, Vector<uint32_t>& map) {
    if (!fb) return;
    if (map.empty()) {
        bool ascii = true;
        for (size_t i = 0; i < length; i++)
            if (static_cast<unsigned char>(utf8[i]) >= 0x80) ascii = false;
        if (ascii) return;
        map.resize(length + 1);
        uint32_t units = 0;
        for (size_t i = 0; i < length; i++) {
            map[i] = units;
            unsigned char c = static_cast<unsigned char>(utf8[i]);
            if (c < 0x80 || c >= 0xc0) units += (c >= 0xf0) ? 2 : 1;
        }
        map[length] = units;
    }
    if (fb->m_source_start <= length) fb->m_source_start = map[fb->m_source_start];
    if (fb->m_source_end <= length) fb->m_source_end = map[fb->m_source_end];
    for (Value& c : fb->constants()) {
        if (!c.is_internal_cell() || c.as_cell()->kind() != CellKind::FunctionBytecode) continue;
        fix_source_offsets(static_cast<FunctionBytecode*>(c.as_cell()), utf8, length, map);
    }
}

static bool source_is_ascii(const char* utf8, size_t length) {
    for (size_t i = 0; i < length; i++)
        if (static_cast<unsigned char>(utf8[i]) >= 0x80) return false;
    return true;
}

static Result<FunctionBytecode*> compile_program_common(Context& ctx, const char* utf8, size_t length,
                                                        Atom filename, const ParseOptions& options,
                                                        const ScopeAnalysisOptions& sa_options,
                                                        ParseResult (*parse)(Arena&, void*), void* parse_data,
                                                        bool return_function) {
    Runtime& rt = ctx.rt();
    Allocator allocator = runtime_allocator(rt);
    Arena arena(allocator);
    (void)options;
    ParseResult pr = parse(arena, parse_data);
    if (!pr.ok()) return throw_parse_error(ctx, pr.error, filename);
    ScopeAnalysis sa(arena);
    if (!sa.run(pr.program, sa_options)) return ctx.throw_out_of_memory();
    String* source = String::create_utf8(rt, utf8, length);
    if (!source) return ctx.throw_out_of_memory();
    CodeGenerator cg(ctx, sa, source, filename);
    FunctionBytecode* fb = nullptr;
    if (return_function) {
        // CreateDynamicFunction: the program is `(function anonymous(...) {...})`.
        Node* stmt = pr.program->body.empty() ? nullptr : pr.program->body[0];
        Node* expr = stmt && stmt->is(NodeKind::ExpressionStatement)
                         ? as<ExpressionStatement>(stmt)->expression
                         : nullptr;
        if (!expr || !is_function_node(expr)) {
            source->unref();
            return ctx.throw_syntax_error("invalid function source");
        }
        FunctionState top;
        top.fi = sa.top();
        top.node = pr.program;
        fb = cg.compile_function(as<FunctionNode>(expr), &top, atoms::anonymous);
    } else {
        fb = cg.compile_program(pr.program);
    }
    source->unref();
    if (!fb) {
        if (!rt.has_exception()) ctx.throw_out_of_memory();
        return Exception{};
    }
    if (!source_is_ascii(utf8, length)) {
        Vector<uint32_t> map;
        fix_source_offsets(fb, utf8, length, map);
    }
    return fb;
}

struct SourceParse {
    const char* utf8;
    size_t length;
    ParseOptions options;
};

static ParseResult parse_source(Arena& arena, void* data) {
    auto* p = static_cast<SourceParse*>(data);
    return parse_script(arena, p->utf8, p->length, p->options);
}

Result<FunctionBytecode*> compile_script(Context& ctx, const char* utf8, size_t length, Atom filename,
                                         bool strict) {
    SourceParse p{utf8, length, {}};
    p.options.strict = strict;
    ScopeAnalysisOptions sao;
    return compile_program_common(ctx, utf8, length, filename, p.options, sao, parse_source, &p, false);
}

struct ModuleParse {
    SourceParse source;
    Runtime* rt;
    ModuleCompileInfo* info;
    ScopeAnalysisOptions* sao; // filled after parsing (the module's environment bindings)
};

static ParseResult parse_module_source(Arena& arena, void* data) {
    auto* p = static_cast<ModuleParse*>(data);
    ParseResult pr = parse_source(arena, &p->source);
    if (pr.ok() && !collect_module_info(*p->rt, arena, pr.program, p->info, p->sao)) {
        pr.program = nullptr;
        pr.error.is_out_of_memory = true;
    }
    return pr;
}

Result<FunctionBytecode*> compile_module(Context& ctx, const char* utf8, size_t length, Atom filename,
                                         ModuleCompileInfo* info) {
    ScopeAnalysisOptions sao;
    ModuleParse p{{utf8, length, {}}, &ctx.rt(), info, &sao};
    p.source.options.strict = true;
    p.source.options.module = true;
    return compile_program_common(ctx, utf8, length, filename, p.source.options, sao, parse_module_source, &p,
                                  false);
}

// Converts an atom's text to an arena AstString (caller names for direct eval).
static bool atom_to_ast(Runtime& rt, Arena& arena, Atom a, AstString* out) {
    String* s = rt.atom_string(a);
    if (!s) return false;
    char16_t* buf = arena.make_array<char16_t>(s->length());
    if (!buf) return false;
    for (uint32_t i = 0; i < s->length(); i++)
        buf[i] = s->at(i);
    out->data = buf;
    out->length = s->length();
    return true;
}

// Private names are recorded as "#name\0<kind><static>" and private setters as "#name\0s" (see
// CodeGenerator::binding_atom): decodes them into the binding (name without '#' for private names,
// with it for setters, which must never match an ordinary name).
static void decode_private_binding(EvalCallerBinding& b) {
    const AstString& n = b.name;
    if (!n.length || n.data[0] != u'#') return;
    uint32_t z = 1;
    while (z < n.length && n.data[z] != 0)
        z++;
    if (z + 1 >= n.length) return;
    if (n.data[z + 1] == u's') {
        b.kind = BindingKind::Special;
        b.private_setter = true;
        b.name.length = z;
        return;
    }
    b.kind = BindingKind::PrivateName;
    b.private_kind = static_cast<uint8_t>(n.data[z + 1] - u'0');
    b.private_static = z + 2 < n.length && n.data[z + 2] == u'1';
    b.name = AstString{n.data + 1, z - 1};
}

static BindingKind binding_kind_from_flags(uint8_t local_flags, bool is_closure) {
    if (is_closure) {
        if (local_flags & closurevar::FunctionName) return BindingKind::FunctionSelf;
        if (local_flags & closurevar::Const) return BindingKind::Const;
        if (local_flags & closurevar::Lexical) return BindingKind::Let;
        return BindingKind::Var;
    }
    if (local_flags & localflag::FunctionName) return BindingKind::FunctionSelf;
    if (local_flags & localflag::Const) return BindingKind::Const;
    if (local_flags & localflag::Lexical) return BindingKind::Let;
    return BindingKind::Var;
}

Result<FunctionBytecode*> compile_eval(Context& ctx, const char* utf8, size_t length,
                                       const EvalCaller* caller, bool strict_caller) {
    Runtime& rt = ctx.rt();
    SourceParse p{utf8, length, {}};
    p.options.strict = strict_caller;
    p.options.is_eval = true;
    ScopeAnalysisOptions sao;
    sao.is_eval = true;
    Allocator allocator = runtime_allocator(rt);
    Arena names(allocator);
    Vector<EvalCallerBinding> bindings;
    Vector<AstString> private_names;
    Atom filename = atoms::invalid;
    if (caller && caller->function) {
        FunctionBytecode* cf = caller->function;
        filename = cf->m_filename;
        sao.is_direct_eval = true;
        // Visible registers: the call site's scope chain, innermost first, then the var scope.
        int32_t scope = caller->eval_site >= 0xfffe ? -1 : static_cast<int32_t>(caller->eval_site);
        bool in_parameters = caller->eval_site == 0xfffe;
        bool separate_params = !(cf->m_flags & fbflag::SimpleParams);
        Atom eval_vars_atom = rt.intern_ascii("<evalvars>");
        if (!eval_vars_atom) return ctx.throw_out_of_memory();
        for (;;) {
            // In the function's var scope, the eval var object comes after the function's own
            // bindings and before a named function expression's own name.
            for (int pass = 0; pass < (scope < 0 ? 3 : 1); pass++) {
                for (uint32_t i = cf->locals().size(); i-- > 0;) {
                    const LocalDesc& d = cf->locals()[i];
                    if (d.name == atoms::invalid || d.scope != scope) continue;
                    if (!(d.flags & localflag::Captured)) continue; // only boxed registers can be shared
                    bool param_scope = separate_params && (d.flags & localflag::ParamScope);
                    // Parameter expressions do not see the body's bindings.
                    if (in_parameters && scope < 0 && !param_scope && d.name != eval_vars_atom &&
                        !(d.flags & localflag::FunctionName))
                        continue;
                    if (scope < 0) {
                        int p = d.name == eval_vars_atom ? 1 : (d.flags & localflag::FunctionName) ? 2 : 0;
                        if (p != pass) continue;
                    }
                    EvalCallerBinding b;
                    if (!atom_to_ast(rt, names, d.name, &b.name)) return ctx.throw_out_of_memory();
                    b.kind = binding_kind_from_flags(d.flags, false);
                    decode_private_binding(b);
                    // From parameter expressions the parameters are in an environment between the
                    // eval and the var object: a `var` of the same name conflicts (like a lexical).
                    if (in_parameters && param_scope && b.kind == BindingKind::Var) b.kind = BindingKind::Let;
                    b.from_caller_closure = false;
                    b.index = i;
                    b.block_level = scope >= 0;
                    b.param_level = param_scope && !in_parameters;
                    bindings.push_back(b);
                }
            }
            if (scope < 0) break;
            scope = cf->scopes()[scope].parent;
        }
        for (uint32_t i = 0; i < cf->closure_vars().size(); i++) {
            const ClosureVarDesc& d = cf->closure_vars()[i];
            if (d.name == atoms::invalid) continue;
            EvalCallerBinding b;
            if (!atom_to_ast(rt, names, d.name, &b.name)) return ctx.throw_out_of_memory();
            b.kind = binding_kind_from_flags(d.flags, true);
            decode_private_binding(b);
            b.from_caller_closure = true;
            b.index = i;
            bindings.push_back(b);
        }
        for (const EvalCallerBinding& b : bindings)
            if (b.kind == BindingKind::PrivateName && b.name.length && b.name.data[0] != u'<')
                private_names.push_back(b.name);
        p.options.outer_private_names = private_names.data();
        p.options.outer_private_name_count = static_cast<uint32_t>(private_names.size());
        sao.caller_bindings = bindings.data();
        sao.caller_binding_count = static_cast<uint32_t>(bindings.size());
        // Sloppy code whose caller has no eval var object runs in a global variable environment
        // (a script, or eval code that is itself global).
        bool has_var_object = false;
        for (const EvalCallerBinding& b : bindings)
            if (b.name.equals_ascii("<evalvars>")) has_var_object = true;
        sao.caller_is_global = (cf->m_flags & fbflag::IsScript) != 0 || (!strict_caller && !has_var_object);
        for (const EvalCallerBinding& b : bindings) {
            if (b.name.equals_ascii("new.target")) p.options.allow_new_target = true;
            if (b.name.equals_ascii("<home>")) p.options.allow_super_property = true;
        }
        if (cf->m_flags & fbflag::DerivedConstructor) p.options.allow_super_call = true;
        if (!(cf->m_flags & (fbflag::IsScript | fbflag::IsEval | fbflag::Arrow)))
            p.options.allow_new_target = true;
        if (cf->m_flags & fbflag::ClassFieldInit) p.options.in_class_field_initializer = true;
    }
    return compile_program_common(ctx, utf8, length, filename, p.options, sao, parse_source, &p, false);
}

struct PartsParse {
    DynamicFunctionKind kind;
    const char* params;
    size_t params_length;
    const char* body;
    size_t body_length;
};

static ParseResult parse_parts(Arena& arena, void* data) {
    auto* p = static_cast<PartsParse*>(data);
    ParseOptions options;
    return parse_function_from_parts(arena, p->kind, p->params, p->params_length, p->body, p->body_length,
                                     options);
}

Result<FunctionBytecode*> compile_dynamic_function(Context& ctx, DynamicFunctionKind kind, const char* params,
                                                   size_t params_length, const char* body,
                                                   size_t body_length) {
    // The synthesized source text; Function.prototype.toString returns the function's range of it.
    // It must be byte-identical to the text parse_function_from_parts parses (which wraps the
    // function expression in parentheses), since the AST's source positions index into that.
    std::string text;
    switch (kind) {
    case DynamicFunctionKind::Normal: text = "(function"; break;
    case DynamicFunctionKind::Generator: text = "(function*"; break;
    case DynamicFunctionKind::Async: text = "(async function"; break;
    case DynamicFunctionKind::AsyncGenerator: text = "(async function*"; break;
    }
    text += " anonymous(";
    text.append(params, params_length);
    text += "\n) {\n";
    text.append(body, body_length);
    text += "\n})";
    PartsParse p{kind, params, params_length, body, body_length};
    ScopeAnalysisOptions sao;
    ParseOptions options;
    return compile_program_common(ctx, text.data(), text.size(), atoms::anonymous, options, sao, parse_parts,
                                  &p, true);
}

} // namespace qjs
