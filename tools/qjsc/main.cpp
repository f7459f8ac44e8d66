// qjsc: the compiler of the QuickJS manual (chapter 2.3.2). It compiles scripts and modules (with
// the modules they import) to bytecode images (JS_WriteObject), and writes them as C arrays:
//   -c          only the bytecode, as a C file
//   -e          the bytecode and a main(), as a C file
//   (default)   an executable: the C file with a main(), compiled by the system C compiler ($CC,
//               else cc) against this project's headers and libraries (qjs_libc, qjsengine)
//   -o output   output file (default out.c, or a.out)
//   -N cname    C name of the main bytecode array
//   -m          compile as a module (default: autodetect, as qjs does)
//   -D module   also compile a module that is only imported dynamically (import())
//   -M module[,cname]  a C module to initialize at startup (js_init_module_<cname>)
//   -x          byte-swapped output: accepted; images are little-endian on every host already
//   -p prefix   prefix of the C names (default qjsc_)
//   -S n        stack size of the generated program (JS_SetMaxStackSize)
//   -flto       passed to the C compiler
//   -fno-<feature>  the feature's globals are removed from the program's realm before it runs (the
//               engine creates a realm's intrinsics together, so the executable is not smaller; see
//               k_features and docs/SHELL.md); an unknown feature is an error
// The generated program reads its bytecode back with full validation (js_std_eval_binary).
#include "quickjs-libc.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#ifndef QJSC_INCLUDE_DIR
#define QJSC_INCLUDE_DIR ""
#endif
#ifndef QJSC_LIB_DIR
#define QJSC_LIB_DIR ""
#endif
#ifndef QJSC_INSTALL_INCLUDE_DIR
#define QJSC_INSTALL_INCLUDE_DIR ""
#endif
#ifndef QJSC_CFLAGS
#define QJSC_CFLAGS ""
#endif
#ifndef QJSC_INSTALL_LIB_DIR
#define QJSC_INSTALL_LIB_DIR ""
#endif

namespace {

struct Compiled {
    std::string cname;
    std::vector<uint8_t> bytes;
    bool load_only; // a dependency: loaded (registered), evaluated when imported
};

struct CModule {
    std::string name;
    std::string cname;
};

// -fno-<name>: the globals (or prototype methods) deleted from the realm, as QuickJS leaves out the
// intrinsic. "module-loader" leaves out the module loader instead (only embedded modules import).
#define QJSC_FEATURES(X)                                                                                     \
    X("date", "Date")                                                                                        \
    X("eval", "eval")                                                                                        \
    X("string-normalize", "String.prototype.normalize")                                                      \
    X("regexp", "RegExp")                                                                                    \
    X("json", "JSON")                                                                                        \
    X("proxy", "Proxy")                                                                                      \
    X("map", "Map Set WeakMap WeakSet")                                                                      \
    X("typedarray",                                                                                          \
      "ArrayBuffer SharedArrayBuffer DataView Atomics Int8Array Uint8Array Uint8ClampedArray "               \
      "Int16Array Uint16Array Int32Array Uint32Array BigInt64Array BigUint64Array Float16Array "             \
      "Float32Array Float64Array")                                                                           \
    X("promise", "Promise")                                                                                  \
    X("bigint", "BigInt")                                                                                    \
    X("weakref", "WeakRef FinalizationRegistry")                                                             \
    X("module-loader", "")

struct Feature {
    const char* name;
    const char* globals; // space-separated
};
#define QJSC_FEATURE_ENTRY(name, globals) {name, globals},
const Feature k_features[] = {QJSC_FEATURES(QJSC_FEATURE_ENTRY)};
#undef QJSC_FEATURE_ENTRY

struct Compiler {
    std::string prefix = "qjsc_";
    std::vector<std::string> removed; // -fno-<feature> names
    bool no_module_loader = false;
    std::vector<Compiled> outputs;
    std::vector<CModule> cmodules;
    std::vector<std::string> seen_modules;
    bool failed = false;
};

Compiler g;

std::string c_name_of(const std::string& file) {
    std::string base = file;
    size_t slash = base.rfind('/');
    if (slash != std::string::npos) base = base.substr(slash + 1);
    size_t dot = base.rfind('.');
    if (dot != std::string::npos && dot > 0) base = base.substr(0, dot);
    std::string out = g.prefix;
    for (char c : base)
        out.push_back((std::isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '_');
    return out;
}

bool is_cmodule(const std::string& name) {
    if (name == "std" || name == "os" || name == "qjs:std" || name == "qjs:os") return true;
    for (const CModule& m : g.cmodules)
        if (m.name == name) return true;
    return false;
}

bool write_object(JSContext* ctx, JSValueConst obj, const std::string& cname, bool load_only) {
    size_t size;
    uint8_t* buf = JS_WriteObject(ctx, &size, obj, JS_WRITE_OBJ_BYTECODE);
    if (!buf) return false;
    g.outputs.push_back(Compiled{cname, std::vector<uint8_t>(buf, buf + size), load_only});
    js_free(ctx, buf);
    return true;
}

// The loader while compiling: C modules become empty placeholders (they are linked at run time),
// module files are compiled and written as dependencies.
JSModuleDef* compile_loader(JSContext* ctx, const char* module_name, void*) {
    std::string name = module_name;
    if (is_cmodule(name)) return JS_NewCModule(ctx, module_name, [](JSContext*, JSModuleDef*) { return 0; });
    size_t len;
    uint8_t* buf = js_load_file(ctx, &len, module_name);
    if (!buf) {
        JS_ThrowReferenceError(ctx, "could not load module filename '%s'", module_name);
        return nullptr;
    }
    JSValue m = JS_Eval(ctx, reinterpret_cast<char*>(buf), len, module_name,
                        JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY);
    js_free(ctx, buf);
    if (JS_IsException(m)) return nullptr;
    bool ok = write_object(ctx, m, c_name_of(name), true);
    auto* def = static_cast<JSModuleDef*>(JS_VALUE_GET_PTR(m));
    JS_FreeValue(ctx, m);
    return ok ? def : nullptr;
}

bool compile_file(JSContext* ctx, const std::string& file, const std::string& cname, int module,
                  bool load_only) {
    size_t len;
    uint8_t* buf = js_load_file(ctx, &len, file.c_str());
    if (!buf) {
        std::fprintf(stderr, "qjsc: could not open '%s'\n", file.c_str());
        return false;
    }
    const char* src = reinterpret_cast<char*>(buf);
    if (module < 0)
        module =
            (file.size() > 4 && file.compare(file.size() - 4, 4, ".mjs") == 0) || JS_DetectModule(src, len);
    JSValue obj = JS_Eval(ctx, src, len, file.c_str(),
                          (module ? JS_EVAL_TYPE_MODULE : JS_EVAL_TYPE_GLOBAL) | JS_EVAL_FLAG_COMPILE_ONLY);
    js_free(ctx, buf);
    if (JS_IsException(obj)) {
        js_std_dump_error(ctx);
        return false;
    }
    // Dependencies are compiled (and listed before this module) while its imports are resolved.
    if (module && JS_ResolveModule(ctx, obj) < 0) {
        JS_FreeValue(ctx, obj);
        js_std_dump_error(ctx);
        return false;
    }
    bool ok = write_object(ctx, obj, cname, load_only);
    JS_FreeValue(ctx, obj);
    if (!ok) {
        js_std_dump_error(ctx);
        return false;
    }
    return true;
}

void emit_array(FILE* f, const Compiled& c) {
    std::fprintf(f, "const uint32_t %s_size = %zu;\n\n", c.cname.c_str(), c.bytes.size());
    std::fprintf(f, "const uint8_t %s[%zu] = {\n", c.cname.c_str(), c.bytes.size());
    for (size_t i = 0; i < c.bytes.size(); ++i) {
        std::fprintf(f, "%s0x%02x,", i % 16 == 0 ? " " : " ", c.bytes[i]);
        if (i % 16 == 15 || i + 1 == c.bytes.size()) std::fputc('\n', f);
    }
    std::fprintf(f, "};\n\n");
}

void emit_main(FILE* f, long stack_size) {
    for (const CModule& m : g.cmodules)
        std::fprintf(f, "extern JSModuleDef* js_init_module_%s(JSContext* ctx, const char* name);\n",
                     m.cname.c_str());
    std::fprintf(f, "\nstatic JSContext* JS_NewCustomContext(JSRuntime* rt) {\n"
                    "    JSContext* ctx = JS_NewContext(rt);\n"
                    "    if (!ctx) return NULL;\n");
    for (const CModule& m : g.cmodules)
        std::fprintf(f, "    js_init_module_%s(ctx, \"%s\");\n", m.cname.c_str(), m.name.c_str());
    std::fprintf(f, "    return ctx;\n}\n\n"
                    "int main(int argc, char** argv) {\n"
                    "    JSRuntime* rt = JS_NewRuntime();\n"
                    "    if (!rt) return 2;\n");
    if (stack_size >= 0) std::fprintf(f, "    JS_SetMaxStackSize(rt, %ld);\n", stack_size);
    std::fprintf(f, "    js_std_init_handlers(rt);\n");
    if (!g.no_module_loader)
        std::fprintf(f, "    JS_SetModuleLoaderFunc(rt, NULL, js_module_loader, NULL);\n");
    std::fprintf(f, "    JS_SetHostPromiseRejectionTracker(rt, js_std_promise_rejection_tracker, NULL);\n"
                    "    JSContext* ctx = JS_NewCustomContext(rt);\n"
                    "    if (!ctx) return 2;\n"
                    "    js_std_add_helpers(ctx, argc, argv);\n");
    // After the helpers: print keeps the intrinsics it took when it was made.
    std::string removal;
    for (const std::string& name : g.removed) {
        for (const Feature& feat : k_features) {
            if (name != feat.name) continue;
            std::string list = feat.globals;
            size_t pos = 0;
            while (pos < list.size()) {
                size_t end = list.find(' ', pos);
                if (end == std::string::npos) end = list.size();
                std::string path = list.substr(pos, end - pos);
                removal +=
                    "delete " + (path.find('.') == std::string::npos ? "globalThis." + path : path) + ";";
                pos = end + 1;
            }
        }
    }
    if (!removal.empty())
        std::fprintf(f,
                     "    /* -fno-*: features left out of the realm */\n"
                     "    JSValue removed = JS_Eval(ctx, \"%s\", %zu, \"<qjsc>\", JS_EVAL_TYPE_GLOBAL);\n"
                     "    if (JS_IsException(removed)) return 2;\n"
                     "    JS_FreeValue(ctx, removed);\n",
                     removal.c_str(), removal.size());
    // Dependencies and dynamically imported modules are registered first, then the programs run.
    for (int pass = 0; pass < 2; ++pass)
        for (const Compiled& c : g.outputs)
            if (c.load_only == (pass == 0))
                std::fprintf(f, "    js_std_eval_binary(ctx, %s, %s_size, %d);\n", c.cname.c_str(),
                             c.cname.c_str(), c.load_only ? 1 : 0);
    std::fprintf(f, "    js_std_loop(ctx);\n"
                    "    int status = js_std_had_unhandled_rejection(rt) ? 1 : 0;\n"
                    "    js_std_free_handlers(rt);\n"
                    "    JS_FreeContext(ctx);\n"
                    "    JS_FreeRuntime(rt);\n"
                    "    return status;\n}\n");
}

bool file_exists(const std::string& p) {
    struct stat st;
    return stat(p.c_str(), &st) == 0;
}

std::string exe_dir() {
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return "";
    std::string p(buf, static_cast<size_t>(n));
    size_t slash = p.rfind('/');
    return slash == std::string::npos ? "" : p.substr(0, slash);
}

// Where quickjs.h and the libraries are: next to an installed qjsc (bin/../include, bin/../lib),
// else the build tree qjsc was built in.
bool find_sdk(std::string* inc, std::string* lib) {
    std::string dir = exe_dir();
    const char* candidates[][2] = {
        {QJSC_INSTALL_INCLUDE_DIR, QJSC_INSTALL_LIB_DIR},
        {QJSC_INCLUDE_DIR, QJSC_LIB_DIR},
    };
    std::string rel_inc = dir + "/../include", rel_lib = dir + "/../lib";
    if (file_exists(rel_inc + "/quickjs-libc.h") && file_exists(rel_lib + "/libqjs_libc.a")) {
        *inc = rel_inc;
        *lib = rel_lib;
        return true;
    }
    for (auto& c : candidates) {
        if (c[0][0] && file_exists(std::string(c[0]) + "/quickjs-libc.h") &&
            file_exists(std::string(c[1]) + "/libqjs_libc.a")) {
            *inc = c[0];
            *lib = c[1];
            return true;
        }
    }
    return false;
}

std::string shell_quote(const std::string& s) {
    std::string r = "'";
    for (char c : s) {
        if (c == '\'')
            r += "'\\''";
        else
            r.push_back(c);
    }
    return r + "'";
}

void help() {
    std::printf("qjsc version %s\n"
                "usage: qjsc [options] [files]\n\n"
                "options are:\n"
                "-c          only output bytecode to a C file\n"
                "-e          output main() and bytecode to a C file (default = executable output)\n"
                "-o output   set the output filename\n"
                "-N cname    set the C name of the generated data\n"
                "-m          compile as Javascript module (default=autodetect)\n"
                "-D module_name         compile a dynamically loaded module or worker\n"
                "-M module_name[,cname] add initialization code for an external C module\n"
                "-x          byte swapped output (no effect: images are little-endian everywhere)\n"
                "-p prefix   set the prefix of the generated C names\n"
                "-S n        set the maximum stack size to 'n' bytes (default=%d)\n"
                "-flto       use link time optimization\n"
                "-fno-[date|eval|string-normalize|regexp|json|proxy|map|typedarray|promise|bigint|weakref|\n"
                "      module-loader]\n"
                "            leave the feature's globals out of the program's realm (the executable keeps\n"
                "            the code: the engine builds a realm's intrinsics together)\n",
                JS_GetVersion(), JS_DEFAULT_STACK_SIZE);
}

} // namespace

int main(int argc, char** argv) {
    enum { Exe, CFile, CMain } mode = Exe;
    std::string out, cname;
    int module = -1;
    long stack_size = -1;
    bool lto = false;
    std::vector<std::string> files, dynamic;
    int i = 1;
    for (; i < argc; ++i) {
        std::string a = argv[i];
        if (a.empty() || a[0] != '-') {
            files.push_back(a);
            continue;
        }
        auto need = [&]() -> std::string {
            if (a.size() > 2 && a[1] != 'f') return a.substr(2);
            if (i + 1 >= argc) {
                std::fprintf(stderr, "qjsc: missing argument for %s\n", a.c_str());
                std::exit(1);
            }
            return argv[++i];
        };
        char opt = a.size() > 1 ? a[1] : 0;
        if (a == "-h" || a == "--help") {
            help();
            return 0;
        } else if (a == "-c") {
            mode = CFile;
        } else if (a == "-e") {
            mode = CMain;
        } else if (a == "-m") {
            module = 1;
        } else if (a == "-x") {
        } else if (a == "-flto") {
            lto = true;
        } else if (a.compare(0, 5, "-fno-") == 0) {
            std::string name = a.substr(5);
            bool known = false;
            for (const Feature& feat : k_features)
                known = known || name == feat.name;
            if (!known) {
                std::fprintf(stderr, "qjsc: unknown feature '%s' in %s\n", name.c_str(), a.c_str());
                return 1;
            }
            if (name == "module-loader")
                g.no_module_loader = true;
            else
                g.removed.push_back(name);
        } else if (a == "-fbignum") {
            // QuickJS's old BigFloat extension switch: BigInt is always built in.
        } else if (opt == 'o') {
            out = need();
        } else if (opt == 'N') {
            cname = need();
        } else if (opt == 'D') {
            dynamic.push_back(need());
        } else if (opt == 'p') {
            g.prefix = need();
        } else if (opt == 'S') {
            stack_size = std::strtol(need().c_str(), nullptr, 0);
        } else if (opt == 'M') {
            std::string spec = need();
            size_t comma = spec.find(',');
            CModule m;
            m.name = spec.substr(0, comma);
            if (comma != std::string::npos) {
                m.cname = spec.substr(comma + 1);
            } else {
                for (char c : m.name)
                    m.cname.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
            }
            g.cmodules.push_back(m);
        } else {
            std::fprintf(stderr, "qjsc: unknown option '%s'\n", a.c_str());
            help();
            return 1;
        }
    }
    if (files.empty()) {
        help();
        return 1;
    }
    if (out.empty()) out = mode == Exe ? "a.out" : "out.c";

    JSRuntime* rt = JS_NewRuntime();
    JSContext* ctx = JS_NewContext(rt);
    JS_SetModuleLoaderFunc(rt, nullptr, compile_loader, nullptr);
    bool ok = true;
    for (size_t k = 0; ok && k < files.size(); ++k) {
        std::string name = (k == 0 && !cname.empty()) ? cname : c_name_of(files[k]);
        ok = compile_file(ctx, files[k], name, module, false);
    }
    for (size_t k = 0; ok && k < dynamic.size(); ++k)
        ok = compile_file(ctx, dynamic[k], c_name_of(dynamic[k]), 1, true);
    JS_FreeContext(ctx);
    JS_FreeRuntime(rt);
    if (!ok) return 1;

    std::string c_path = mode == Exe ? out + ".qjsc.c" : out;
    FILE* f = std::fopen(c_path.c_str(), "w");
    if (!f) {
        std::fprintf(stderr, "qjsc: could not create '%s'\n", c_path.c_str());
        return 1;
    }
    std::fprintf(f, "/* File generated automatically by the qjsc compiler. */\n\n#include <inttypes.h>\n");
    if (mode != CFile) std::fprintf(f, "#include \"quickjs-libc.h\"\n");
    std::fprintf(f, "\n");
    for (const Compiled& c : g.outputs)
        emit_array(f, c);
    if (mode != CFile) emit_main(f, stack_size);
    std::fclose(f);
    if (mode != Exe) return 0;

    std::string inc, lib;
    if (!find_sdk(&inc, &lib)) {
        std::fprintf(stderr, "qjsc: cannot find quickjs-libc.h and libqjs_libc.a (install the project)\n");
        std::remove(c_path.c_str());
        return 1;
    }
    const char* cc = std::getenv("CC");
    std::string base = std::string(cc && *cc ? cc : "cc") + " -O2 " + QJSC_CFLAGS + (lto ? " -flto" : "") +
                       " -o " + shell_quote(out) + " " + shell_quote(c_path) + " -I" + shell_quote(inc) +
                       " " + shell_quote(lib + "/libqjs_libc.a") + " " + shell_quote(lib + "/libqjsengine.a");
    // The C++ runtime linked statically, as qjs is, so that startup does not map and relocate libstdc++
    // (a hello world: 5.1 M -> 3.6 M instructions, below `qjs hello.js`); sanitizer builds and systems
    // without a static libstdc++ link it dynamically.
    bool sanitized = sizeof(QJSC_CFLAGS) > 1;
    std::string cmd = base + " -Wl,-Bstatic -lstdc++ -Wl,-Bdynamic -static-libgcc -lm -Wl,--gc-sections";
    int status = sanitized ? -1 : std::system((cmd + " 2>/dev/null").c_str());
    if (status != 0) {
        cmd = base + " -lstdc++ -lm";
        status = std::system(cmd.c_str());
    }
    std::remove(c_path.c_str());
    if (status != 0) {
        std::fprintf(stderr, "qjsc: the C compiler failed: %s\n", cmd.c_str());
        return 1;
    }
    return 0;
}
