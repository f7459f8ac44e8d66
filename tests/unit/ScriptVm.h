// ScriptVm.h: a runtime with one realm for unit tests that run scripts and their jobs and look at the
// runtime's internals (the collector, the atom table, fault injection). Its teardown must free every
// cell.
#pragma once

#include "api/ScriptRunner.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/String.h"

#include <gtest/gtest.h>

#include <string>

namespace qjs::test {

struct Vm {
    Runtime* rt = nullptr;
    Context* ctx = nullptr;
    Vm() {
        rt = Runtime::create();
        if (rt) ctx = Context::create(*rt);
    }
    // Adopts a runtime that already has its realm (a restored snapshot's).
    explicit Vm(Runtime* adopted) : rt(adopted), ctx(adopted->m_contexts.front()) {}
    ~Vm() {
        if (rt) {
            EXPECT_EQ(rt->destroy(), 0u) << "leaked cells";
        }
    }
    // Runs a script and its jobs; returns "" or the error's text.
    std::string run(const std::string& source) {
        Value v = run_script_source(*ctx, source, "test.js", false, nullptr);
        if (!v.is_exception() && rt->run_jobs()) return "";
        if (!rt->has_exception()) return "uncatchable";
        bool uncatchable = rt->m_uncatchable;
        Value e = rt->take_exception();
        if (uncatchable && e.is_undefined()) return "uncatchable";
        Value s = to_string(*ctx, e);
        if (s.is_exception()) {
            (void)rt->take_exception();
            return "?";
        }
        return s.as_string()->to_utf8();
    }
};

} // namespace qjs::test
