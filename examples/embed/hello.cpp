// hello.cpp: embedding qjs through the C++ layer (include/qjs) -- a host function (a lambda with a
// capture), a class with an opaque C++ object, a C++ module imported by a JS module, and an interrupt.
// Builds with -fno-exceptions -fno-rtti: errors come back as qjspp::Result.
//
// Build against an installed copy:
//   c++ -std=c++20 hello.cpp $(pkg-config --cflags --libs qjs) -o hello-cpp
// (the build tree builds it as `embed_hello_cpp`, linked against libqjs.so).
#include "qjs/qjs.h"

#include <cstdio>
#include <memory>
#include <string>

// The host class: JS objects of class Account own one of these; the finalizer deletes it.
struct Account {
    std::string owner;
    double balance = 0;
};

static void report(const char* what, const qjspp::Result<qjspp::Value>& r) {
    if (r.ok())
        std::printf("%s: %s\n", what, r.value().to_string().value_or("?").c_str());
    else
        std::printf("%s: error: %s\n", what, r.error().message().c_str());
}

int main() {
    qjspp::Runtime rt;
    {
        qjspp::Context ctx(rt);
        int printed = 0;

        // A host function: print(...) counting its calls in a captured variable.
        qjspp::Result<void> ok = ctx.define_global_function("print", [&printed](qjspp::CallInfo call) {
            ++printed;
            for (int i = 0; i < call.argc; ++i) {
                qjspp::Result<std::string> s = qjspp::Value::borrow(call.ctx, call.argv[i]).to_string();
                if (!s.ok()) return qjspp::Result<void>(s.take_error());
                std::printf("%s%s", i ? " " : "", s.value().c_str());
            }
            std::printf("\n");
            return qjspp::Result<void>();
        });
        if (!ok.ok()) return 1;

        // A class with opaque data.
        qjspp::Result<qjspp::Value> account =
            ctx.define_class<Account>("Account")
                .constructor([](std::string owner) {
                    return std::make_unique<Account>(Account{owner, 0});
                })
                .method("deposit",
                        [](Account& a, qjspp::CallInfo call, double amount) -> qjspp::Result<double> {
                            if (amount <= 0) return qjspp::range_error(call.ctx, "amount must be positive");
                            return a.balance += amount;
                        })
                .getter("owner", [](Account& a) { return a.owner; })
                .getter("balance", [](Account& a) { return a.balance; })
                .build();
        if (!account.ok() || !ctx.global().set("Account", account.value()).ok()) return 1;

        // A module written in C++.
        qjspp::Result<void> module = ctx.define_module("bank")
                                         .add("currency", "EUR")
                                         .function("fee", [](double amount) { return amount * 0.01; })
                                         .build();
        if (!module.ok()) return 1;

        report("script", ctx.eval("print('hello from', typeof print);\n"
                                  "const a = new Account('ada'); a.deposit(100);\n"
                                  "`${a.owner} has ${a.deposit(20)}`"));
        report("error", ctx.eval("a.deposit(-1)"));
        qjspp::Result<qjspp::Value> ns =
            ctx.eval_module("import { currency, fee } from 'bank';\n"
                            "export const text = `fee: ${fee(250)} ${currency}`;",
                            "main.js");
        report("module", ns.ok() ? ns.value().get("text") : qjspp::Result<qjspp::Value>(ns.take_error()));

        // An interrupt: a runaway loop is stopped after a few polls.
        int polls = 0;
        rt.set_interrupt_handler([&polls] { return ++polls >= 5; });
        report("spin", ctx.eval("for (;;) {}"));
        rt.set_interrupt_handler(nullptr);
        std::printf("print was called %d times\n", printed);
    }
    size_t leaks = rt.close();
    std::printf("leaked cells: %zu\n", leaks);
    return leaks == 0 ? 0 : 1;
}
