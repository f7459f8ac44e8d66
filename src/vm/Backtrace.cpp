// Backtrace.cpp: the `stack` string of errors, from the interpreter's frame chain.
#include "vm/Backtrace.h"

#include "runtime/Context.h"
#include "runtime/String.h"
#include "vm/Frames.h"

#include <cstdio>

namespace qjs {

constexpr int kMaxBacktraceFrames = 64;

Value capture_stack_trace(Context& ctx) {
    Runtime& rt = ctx.rt();
    StringBuilder sb(rt);
    int n = 0;
    for (Frame* f = rt.m_current_frame; f && n < kMaxBacktraceFrames; f = f->prev, n++) {
        const FunctionBytecode* fb = f->fb;
        sb.append_ascii("    at ");
        Atom name = fb->m_name;
        if (fb->m_flags & (fbflag::IsScript | fbflag::IsEval))
            sb.append_ascii(fb->m_flags & fbflag::IsEval ? "<eval>" : "<anonymous>");
        else if (Value n = name != atoms::invalid && name != atoms::empty_string ? rt.atom_to_string(name)
                                                                                 : Value();
                 n.is_string())
            sb.append(n.as_string()); // any key kind: string, index ("0") or symbol description
        else
            sb.append_ascii("<anonymous>");
        if (fb->m_filename == atoms::invalid && fb->lines().empty() && fb->m_line == 0) {
            sb.append_ascii("\n"); // no debug information (JS_STRIP_DEBUG): the name only
            continue;
        }
        sb.append_ascii(" (");
        if (fb->m_filename != atoms::invalid && !rt.atom_is_symbol(fb->m_filename))
            sb.append(rt.atom_string(fb->m_filename));
        else
            sb.append_ascii("<input>");
        uint32_t pc = f->pc ? static_cast<uint32_t>(f->pc - fb->code().data()) : 0;
        LineEntry pos = fb->position_of(pc);
        char buf[32];
        std::snprintf(buf, sizeof buf, ":%u:%u)\n", pos.line, pos.column);
        sb.append_ascii(buf);
    }
    String* s = sb.finish();
    if (!s) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, s);
}

} // namespace qjs
