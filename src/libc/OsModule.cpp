// OsModule.cpp: the "os" module (QuickJS manual 3.3.3): its export table, gathered from the
// per-area files (OsFiles, OsProcess, OsSignals, OsTimers) and os.Worker (OsWorker.cpp, only with
// QJS_WORKERS: the engine core has no threads, workers are threads of this host library).
#include "libc/LibcState.h"

namespace qjs::libc {

namespace {

#if defined(__APPLE__)
#define OS_PLATFORM "darwin"
#elif defined(_WIN32)
#define OS_PLATFORM "win32"
#elif defined(__wasi__) || defined(__EMSCRIPTEN__)
#define OS_PLATFORM "js"
#else
#define OS_PLATFORM "linux"
#endif

const JSCFunctionListEntry k_os_misc[] = {
    JS_PROP_STRING_DEF("platform", OS_PLATFORM, 0),
};

struct ExportTable {
    const JSCFunctionListEntry* tab;
    int count;
};

const ExportTable k_tables[] = {
    {k_os_file_functions, k_os_file_function_count},
    {k_os_process_functions, k_os_process_function_count},
    {k_os_signal_functions, k_os_signal_function_count},
    {k_os_timer_functions, k_os_timer_function_count},
    {k_os_misc, 1},
};

} // namespace

int os_module_init(JSContext* ctx, JSModuleDef* m) {
    for (const ExportTable& t : k_tables)
        if (JS_SetModuleExportList(ctx, m, t.tab, t.count) < 0) return -1;
#if QJS_WORKERS
    JSValue worker = new_worker_class(ctx);
    if (JS_IsException(worker) || JS_SetModuleExport(ctx, m, "Worker", worker) < 0) return -1;
#endif
    return 0;
}

} // namespace qjs::libc

using namespace qjs::libc;

JSModuleDef* js_init_module_os(JSContext* ctx, const char* module_name) {
    JSModuleDef* m = JS_NewCModule(ctx, module_name, os_module_init);
    if (!m) return nullptr;
    for (const ExportTable& t : k_tables)
        if (JS_AddModuleExportList(ctx, m, t.tab, t.count) < 0) return nullptr;
#if QJS_WORKERS
    if (JS_AddModuleExport(ctx, m, "Worker") < 0) return nullptr;
#endif
    return m;
}
