// OsProcess.cpp: os.exec (every option of the manual), waitpid, kill and sleep. WASI preview1 has no
// processes: there exec, waitpid and kill throw a TypeError that says so (sleep works).
#include "libc/LibcState.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <unistd.h>
#if !defined(__wasi__)
#include <csignal>
#include <sys/wait.h>

extern char** environ;
#else
#define WNOHANG 1
#endif

namespace qjs::libc {

namespace {

#if !defined(__wasi__)

struct ExecOptions {
    bool block = true;
    bool use_path = true;
    std::string file;
    bool has_file = false;
    std::string cwd;
    bool has_cwd = false;
    int std_fds[3] = {-1, -1, -1};
    bool has_env = false;
    std::vector<std::string> env;
    int uid = -1, gid = -1;
};

// Reads options.name: -1 on exception, 0 when absent (undefined), 1 when present in *out.
int get_option(JSContext* ctx, JSValueConst options, const char* name, JSValue* out) {
    *out = JS_GetPropertyStr(ctx, options, name);
    if (JS_IsException(*out)) return -1;
    if (JS_IsUndefined(*out)) return 0;
    return 1;
}

bool read_options(JSContext* ctx, JSValueConst options, ExecOptions* o) {
    JSValue v;
    int r;
    for (int k = 0; k < 2; ++k) {
        if ((r = get_option(ctx, options, k ? "usePath" : "block", &v)) < 0) return false;
        if (r) (k ? o->use_path : o->block) = JS_ToBool(ctx, v) > 0;
        JS_FreeValue(ctx, v);
    }
    if ((r = get_option(ctx, options, "file", &v)) < 0) return false;
    if (r) {
        bool ok = to_std_string(ctx, v, &o->file);
        JS_FreeValue(ctx, v);
        if (!ok) return false;
        o->has_file = true;
    }
    if ((r = get_option(ctx, options, "cwd", &v)) < 0) return false;
    if (r) {
        bool ok = to_std_string(ctx, v, &o->cwd);
        JS_FreeValue(ctx, v);
        if (!ok) return false;
        o->has_cwd = true;
    }
    const char* std_names[3] = {"stdin", "stdout", "stderr"};
    for (int i = 0; i < 3; ++i) {
        if ((r = get_option(ctx, options, std_names[i], &v)) < 0) return false;
        if (r) {
            int32_t fd;
            bool ok = JS_ToInt32(ctx, &fd, v) == 0;
            JS_FreeValue(ctx, v);
            if (!ok) return false;
            o->std_fds[i] = fd;
        }
    }
    const char* id_names[2] = {"uid", "gid"};
    for (int i = 0; i < 2; ++i) {
        if ((r = get_option(ctx, options, id_names[i], &v)) < 0) return false;
        if (r) {
            int32_t id;
            bool ok = JS_ToInt32(ctx, &id, v) == 0;
            JS_FreeValue(ctx, v);
            if (!ok) return false;
            (i ? o->gid : o->uid) = id;
        }
    }
    if ((r = get_option(ctx, options, "env", &v)) < 0) return false;
    if (r) {
        o->has_env = true;
        JSPropertyEnum* props;
        uint32_t n;
        if (JS_GetOwnPropertyNames(ctx, &props, &n, v, JS_GPN_STRING_MASK | JS_GPN_ENUM_ONLY) < 0) {
            JS_FreeValue(ctx, v);
            return false;
        }
        bool ok = true;
        for (uint32_t i = 0; ok && i < n; ++i) {
            const char* key = JS_AtomToCString(ctx, props[i].atom);
            JSValue val = JS_GetProperty(ctx, v, props[i].atom);
            std::string s;
            ok = key && !JS_IsException(val) && to_std_string(ctx, val, &s);
            if (ok) o->env.push_back(std::string(key) + "=" + s);
            if (key) JS_FreeCString(ctx, key);
            JS_FreeValue(ctx, val);
        }
        JS_FreePropertyEnum(ctx, props, n);
        JS_FreeValue(ctx, v);
        if (!ok) return false;
    }
    return true;
}

// The child after fork(): only async-signal-safe work until exec.
[[noreturn]] void run_child(const ExecOptions& o, char** argv, char** envp) {
    for (int i = 0; i < 3; ++i)
        if (o.std_fds[i] >= 0 && o.std_fds[i] != i) dup2(o.std_fds[i], i);
            // Descriptors beyond the standard three are not inherited.
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    if (close_range(3, ~0U, 0) != 0)
#endif
    {
        long max_fd = sysconf(_SC_OPEN_MAX);
        if (max_fd < 0 || max_fd > 65536) max_fd = 65536;
        for (long fd = 3; fd < max_fd; ++fd)
            close(static_cast<int>(fd));
    }
    if (o.has_cwd && chdir(o.cwd.c_str()) < 0) _exit(127);
    if (o.gid >= 0 && setgid(static_cast<gid_t>(o.gid)) < 0) _exit(127);
    if (o.uid >= 0 && setuid(static_cast<uid_t>(o.uid)) < 0) _exit(127);
    const char* file = o.has_file ? o.file.c_str() : argv[0];
    if (envp) environ = envp;
    if (o.use_path)
        execvp(file, argv);
    else
        execv(file, argv);
    _exit(127);
}

JSValue os_exec(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    JSValue len_val = JS_GetPropertyStr(ctx, argv[0], "length");
    uint32_t n;
    bool ok = !JS_IsException(len_val) && JS_ToUint32(ctx, &n, len_val) == 0;
    JS_FreeValue(ctx, len_val);
    if (!ok) return JS_EXCEPTION;
    if (n < 1 || n > 65535) return JS_ThrowTypeError(ctx, "invalid number of arguments");
    std::vector<std::string> args(n);
    for (uint32_t i = 0; i < n; ++i) {
        JSValue a = JS_GetPropertyUint32(ctx, argv[0], i);
        ok = !JS_IsException(a) && to_std_string(ctx, a, &args[i]);
        JS_FreeValue(ctx, a);
        if (!ok) return JS_EXCEPTION;
    }
    ExecOptions o;
    if (argc > 1 && JS_IsObject(argv[1]) && !read_options(ctx, argv[1], &o)) return JS_EXCEPTION;
    std::vector<char*> cargs;
    for (std::string& s : args)
        cargs.push_back(s.data());
    cargs.push_back(nullptr);
    std::vector<char*> cenv;
    if (o.has_env) {
        for (std::string& s : o.env)
            cenv.push_back(s.data());
        cenv.push_back(nullptr);
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) return JS_ThrowTypeError(ctx, "fork error");
    if (pid == 0) run_child(o, cargs.data(), o.has_env ? cenv.data() : nullptr);
    if (!o.block) return JS_NewInt32(ctx, pid);
    int status = 0;
    for (;;) {
        pid_t r = waitpid(pid, &status, 0);
        if (r == pid) break;
        if (r < 0 && errno != EINTR) return JS_NewInt32(ctx, -errno);
    }
    if (WIFEXITED(status)) return JS_NewInt32(ctx, WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return JS_NewInt32(ctx, -WTERMSIG(status));
    return JS_NewInt32(ctx, status);
}

JSValue os_waitpid(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    int32_t pid, options;
    if (JS_ToInt32(ctx, &pid, argv[0]) < 0 || JS_ToInt32(ctx, &options, argv[1]) < 0) return JS_EXCEPTION;
    int status = 0;
    pid_t r = waitpid(pid, &status, options);
    JSValue a = JS_NewArray(ctx);
    if (JS_IsException(a)) return a;
    JS_SetPropertyUint32(ctx, a, 0, JS_NewInt32(ctx, r < 0 ? -errno : r));
    JS_SetPropertyUint32(ctx, a, 1, JS_NewInt32(ctx, status));
    return a;
}

JSValue os_kill(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    int32_t pid, sig;
    if (JS_ToInt32(ctx, &pid, argv[0]) < 0 || JS_ToInt32(ctx, &sig, argv[1]) < 0) return JS_EXCEPTION;
    return errno_result(ctx, kill(pid, sig));
}

#else

JSValue no_processes(JSContext* ctx, const char* name) {
    return JS_ThrowTypeError(ctx, "os.%s: processes are not available under WASI", name);
}
JSValue os_exec(JSContext* ctx, JSValueConst, int, JSValueConst*) {
    return no_processes(ctx, "exec");
}
JSValue os_waitpid(JSContext* ctx, JSValueConst, int, JSValueConst*) {
    return no_processes(ctx, "waitpid");
}
JSValue os_kill(JSContext* ctx, JSValueConst, int, JSValueConst*) {
    return no_processes(ctx, "kill");
}

#endif

JSValue os_sleep(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    int64_t ms;
    if (JS_ToInt64(ctx, &ms, argv[0]) < 0) return JS_EXCEPTION;
    if (ms < 0) ms = 0;
    timespec ts{static_cast<time_t>(ms / 1000), static_cast<long>((ms % 1000) * 1000000)};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
    return JS_UNDEFINED;
}

} // namespace

const JSCFunctionListEntry k_os_process_functions[] = {
    JS_CFUNC_DEF("exec", 1, os_exec),
    JS_CFUNC_DEF("waitpid", 2, os_waitpid),
    JS_CFUNC_DEF("kill", 2, os_kill),
    JS_CFUNC_DEF("sleep", 1, os_sleep),
    JS_PROP_INT32_DEF("WNOHANG", WNOHANG, JS_PROP_CONFIGURABLE),
};
const int k_os_process_function_count = sizeof k_os_process_functions / sizeof k_os_process_functions[0];

} // namespace qjs::libc
