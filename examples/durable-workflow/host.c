/* host.c: the durable-workflow host. Each run of this program is one step of a workflow whose whole VM
   lives in a SQLite database between steps: it loads the latest snapshot (JS_RestoreSnapshot), binds
   its host function again (JS_RebindCFunction), delivers one event, runs the jobs and due timers
   (JS_LoopOnce), saves the VM back (JS_WriteSnapshot) and exits. The step's database changes (the new
   snapshot, the requests the script made, the answered request) commit together or not at all.

   Usage:
     host DB start SCRIPT          create the VM, run SCRIPT until it waits, save it
     host DB deliver KIND JSON     resolve the oldest pending KIND request with the parsed JSON
     host DB fail KIND MESSAGE     reject it with an Error(MESSAGE)
     host DB wait                  sleep until the next timer is due, let it fire, save
     host DB status                print the journal, the result and what the workflow waits for
                                   (reads only)
   The script sees hostRequest(kind, payload), which records the request in the `requests` table (the
   outbox a real host would act on) and returns a promise that a later `deliver` or `fail` settles. */
#include "quickjs.h"

#include <sqlite3.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static sqlite3* g_db;

static void die(const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "host: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    if (g_db) {
        sqlite3_exec(g_db, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close(g_db);
    }
    exit(1);
}

static void exec_sql(const char* sql) {
    char* message = NULL;
    if (sqlite3_exec(g_db, sql, NULL, NULL, &message) != SQLITE_OK) die("sqlite: %s (%s)", message, sql);
}

static sqlite3_stmt* prepare(const char* sql) {
    sqlite3_stmt* st = NULL;
    if (sqlite3_prepare_v2(g_db, sql, -1, &st, NULL) != SQLITE_OK) die("sqlite: %s", sqlite3_errmsg(g_db));
    return st;
}

/* Reports the pending exception (name, message, stack) and stops. */
static void die_with_exception(JSContext* ctx, const char* what) {
    JSValue e = JS_GetException(ctx);
    const char* text = JS_ToCString(ctx, e);
    JSValue stack = JS_GetPropertyStr(ctx, e, "stack");
    const char* stack_text = JS_IsUndefined(stack) ? NULL : JS_ToCString(ctx, stack);
    fprintf(stderr, "host: %s: %s\n%s", what, text ? text : "(exception)", stack_text ? stack_text : "");
    JS_FreeCString(ctx, stack_text);
    JS_FreeCString(ctx, text);
    JS_FreeValue(ctx, stack);
    JS_FreeValue(ctx, e);
    die("step abandoned, database unchanged");
}

/* ---- the host function ---- */

/* The resolving functions of pending requests, by request id, in a global the snapshot keeps. */
#define PENDING_GLOBAL "__hostPending"

static JSValue pending_table(JSContext* ctx) {
    JSValue global = JS_GetGlobalObject(ctx);
    JSValue table = JS_GetPropertyStr(ctx, global, PENDING_GLOBAL);
    JS_FreeValue(ctx, global);
    return table;
}

/* hostRequest(kind, payload): records the request and returns a promise for its answer. */
static JSValue host_request(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv) {
    (void)this_val;
    if (argc < 1 || !JS_IsString(argv[0]))
        return JS_ThrowTypeError(ctx, "hostRequest: kind must be a string");
    JSValue json = JS_JSONStringify(ctx, argc > 1 ? argv[1] : JS_UNDEFINED, JS_UNDEFINED, JS_UNDEFINED);
    if (JS_IsException(json)) return json;
    const char* kind = JS_ToCString(ctx, argv[0]);
    const char* payload = JS_IsUndefined(json) ? NULL : JS_ToCString(ctx, json);
    JS_FreeValue(ctx, json);
    if (!kind) return JS_EXCEPTION;

    sqlite3_stmt* st = prepare("INSERT INTO requests(kind, payload, state) VALUES (?, ?, 'pending')");
    sqlite3_bind_text(st, 1, kind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, payload ? payload : "null", -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    printf("outbox: request %lld: %s %s\n", (long long)sqlite3_last_insert_rowid(g_db), kind,
           payload ? payload : "null");
    JS_FreeCString(ctx, payload);
    JS_FreeCString(ctx, kind);
    if (rc != SQLITE_DONE) return JS_ThrowInternalError(ctx, "hostRequest: %s", sqlite3_errmsg(g_db));

    JSValue funcs[2];
    JSValue promise = JS_NewPromiseCapability(ctx, funcs);
    if (JS_IsException(promise)) return promise;
    JSValue entry = JS_NewArray(ctx);
    JSValue table = pending_table(ctx);
    int ok = !JS_IsException(entry) && JS_SetPropertyUint32(ctx, entry, 0, funcs[0]) >= 0 &&
             JS_SetPropertyUint32(ctx, entry, 1, funcs[1]) >= 0 &&
             JS_SetPropertyInt64(ctx, table, sqlite3_last_insert_rowid(g_db), entry) >= 0;
    JS_FreeValue(ctx, table);
    if (!ok) {
        JS_FreeValue(ctx, promise);
        return JS_EXCEPTION;
    }
    return promise;
}

static void bind_host_functions(JSContext* ctx) {
    JSValue global = JS_GetGlobalObject(ctx);
    if (JS_SetPropertyStr(ctx, global, "hostRequest", JS_NewCFunction(ctx, host_request, "hostRequest", 2)) <
            0 ||
        JS_DefinePropertyValueStr(ctx, global, PENDING_GLOBAL, JS_NewObject(ctx), 0) < 0 ||
        JS_AddTimerGlobals(ctx) < 0)
        die_with_exception(ctx, "setting up the globals");
    JS_FreeValue(ctx, global);
}

/* ---- loading and saving the VM ---- */

static void open_db(const char* path) {
    if (sqlite3_open(path, &g_db) != SQLITE_OK) die("cannot open %s: %s", path, sqlite3_errmsg(g_db));
    sqlite3_busy_timeout(g_db, 5000);
    exec_sql("CREATE TABLE IF NOT EXISTS snapshots(step INTEGER PRIMARY KEY AUTOINCREMENT, command TEXT,"
             " bytes BLOB NOT NULL, next_timer_ms INTEGER, saved_at TEXT DEFAULT CURRENT_TIMESTAMP);"
             "CREATE TABLE IF NOT EXISTS requests(id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,"
             " payload TEXT, state TEXT NOT NULL, answer TEXT)");
    exec_sql("BEGIN IMMEDIATE"); /* one step at a time: a second host waits for this one */
}

/* Restores the latest snapshot into a new runtime and binds the host function again. */
static JSContext* load_vm(JSRuntime* rt) {
    sqlite3_stmt* st = prepare("SELECT bytes FROM snapshots ORDER BY step DESC LIMIT 1");
    if (sqlite3_step(st) != SQLITE_ROW) die("no workflow in this database (run `start` first)");
    char error[256];
    JSContext* ctx = JS_RestoreSnapshot(rt, sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0),
                                        error, sizeof error);
    sqlite3_finalize(st);
    if (!ctx) die("cannot restore the workflow: %s", error);
    JSCFunctionType fn;
    fn.generic = host_request;
    JS_RebindCFunction(rt, "hostRequest", JS_CFUNC_generic, fn);
    return ctx;
}

static void save_vm(JSRuntime* rt, const char* command, int next_timer_ms) {
    char error[256];
    size_t size = 0;
    uint8_t* bytes = JS_WriteSnapshot(rt, &size, error, sizeof error);
    if (!bytes) die("cannot save the workflow: %s", error);
    sqlite3_stmt* st = prepare("INSERT INTO snapshots(command, bytes, next_timer_ms) VALUES (?, ?, ?)");
    sqlite3_bind_text(st, 1, command, -1, SQLITE_TRANSIENT);
    sqlite3_bind_blob(st, 2, bytes, (int)size, SQLITE_TRANSIENT);
    if (next_timer_ms > 0)
        sqlite3_bind_int(st, 3, next_timer_ms);
    else
        sqlite3_bind_null(st, 3);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    js_free_rt(rt, bytes);
    if (rc != SQLITE_DONE) die("sqlite: %s", sqlite3_errmsg(g_db));
    exec_sql("COMMIT");
    printf("saved: %zu bytes", size);
    if (next_timer_ms > 0) printf(", next timer in %d ms", next_timer_ms);
    printf("\n");
}

/* Runs jobs and due timers until the VM waits: returns the ms until the next timer, or -1. */
static int settle(JSContext* ctx) {
    int r;
    while ((r = JS_LoopOnce(JS_GetRuntime(ctx))) == 0) {
    }
    if (r == -2) die_with_exception(ctx, "uncaught exception in the workflow");
    return r;
}

static void sleep_ms(int ms) {
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    while (clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, &ts) == EINTR) {
    }
}

/* ---- the commands ---- */

static void start(JSContext* ctx, const char* script) {
    FILE* f = fopen(script, "rb");
    if (!f) die("cannot read %s", script);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char* source = malloc((size_t)n + 1);
    if (!source || fread(source, 1, (size_t)n, f) != (size_t)n) die("cannot read %s", script);
    fclose(f);
    source[n] = '\0';
    JSValue v = JS_Eval(ctx, source, (size_t)n, script, JS_EVAL_TYPE_GLOBAL);
    free(source);
    if (JS_IsException(v)) die_with_exception(ctx, "the script threw");
    JS_FreeValue(ctx, v);
}

/* Settles the oldest pending request of `kind`: resolve (which = 0) with `answer`, or reject (1). */
static void settle_request(JSContext* ctx, const char* kind, int which, JSValue answer, const char* text) {
    sqlite3_stmt* st =
        prepare("SELECT id FROM requests WHERE kind = ? AND state = 'pending' ORDER BY id LIMIT 1");
    sqlite3_bind_text(st, 1, kind, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_ROW) die("no pending '%s' request", kind);
    sqlite3_int64 id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);

    JSValue table = pending_table(ctx);
    JSValue entry = JS_GetPropertyInt64(ctx, table, id);
    if (!JS_IsObject(entry)) die("request %lld has no pending promise in the VM", (long long)id);
    JSValue fn = JS_GetPropertyUint32(ctx, entry, (uint32_t)which);
    JSValue r = JS_Call(ctx, fn, JS_UNDEFINED, 1, &answer);
    if (JS_IsException(r)) die_with_exception(ctx, "settling the request");
    JSAtom key = JS_NewAtomUInt32(ctx, (uint32_t)id);
    JS_DeleteProperty(ctx, table, key, 0);
    JS_FreeAtom(ctx, key);
    JS_FreeValue(ctx, r);
    JS_FreeValue(ctx, fn);
    JS_FreeValue(ctx, entry);
    JS_FreeValue(ctx, table);
    JS_FreeValue(ctx, answer);

    st = prepare("UPDATE requests SET state = ?, answer = ? WHERE id = ?");
    sqlite3_bind_text(st, 1, which ? "failed" : "answered", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, id);
    if (sqlite3_step(st) != SQLITE_DONE) die("sqlite: %s", sqlite3_errmsg(g_db));
    sqlite3_finalize(st);
    printf("request %lld (%s) %s\n", (long long)id, kind, which ? "failed" : "answered");
}

static void status(JSContext* ctx) {
    static const char query[] = "JSON.stringify({ journal, result })";
    JSValue v = JS_Eval(ctx, query, sizeof query - 1, "<status>", JS_EVAL_TYPE_GLOBAL);
    if (JS_IsException(v)) die_with_exception(ctx, "status");
    const char* s = JS_ToCString(ctx, v);
    printf("%s\n", s ? s : "?");
    JS_FreeCString(ctx, s);
    JS_FreeValue(ctx, v);
    sqlite3_stmt* st = prepare("SELECT id, kind FROM requests WHERE state = 'pending' ORDER BY id");
    while (sqlite3_step(st) == SQLITE_ROW)
        printf("waiting for: request %lld (%s)\n", (long long)sqlite3_column_int64(st, 0),
               (const char*)sqlite3_column_text(st, 1));
    sqlite3_finalize(st);
    st =
        prepare("SELECT count(*), sum(length(bytes)), (SELECT length(bytes) FROM snapshots ORDER BY step DESC"
                " LIMIT 1), (SELECT next_timer_ms FROM snapshots ORDER BY step DESC LIMIT 1) FROM snapshots");
    if (sqlite3_step(st) == SQLITE_ROW) {
        printf("snapshots: %d saved, %lld bytes in all, the latest %d bytes", sqlite3_column_int(st, 0),
               (long long)sqlite3_column_int64(st, 1), sqlite3_column_int(st, 2));
        if (sqlite3_column_type(st, 3) != SQLITE_NULL)
            printf(", a timer due %d ms after resuming", sqlite3_column_int(st, 3));
        printf("\n");
    }
    sqlite3_finalize(st);
}

int main(int argc, char** argv) {
    if (argc < 3) {
        fprintf(stderr,
                "usage: host DB (start SCRIPT | deliver KIND JSON | fail KIND MESSAGE | wait | status)\n");
        return 2;
    }
    const char* command = argv[2];
    open_db(argv[1]);
    JSRuntime* rt = JS_NewRuntime();
    JSContext* ctx = NULL;
    int next_timer = -1;
    if (!strcmp(command, "start") && argc == 4) {
        sqlite3_stmt* st = prepare("SELECT count(*) FROM snapshots");
        int existing = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
        sqlite3_finalize(st);
        if (existing) die("this database already holds a workflow");
        ctx = JS_NewContext(rt);
        bind_host_functions(ctx);
        start(ctx, argv[3]);
        next_timer = settle(ctx);
    } else if ((!strcmp(command, "deliver") || !strcmp(command, "fail")) && argc == 5) {
        ctx = load_vm(rt);
        int reject = !strcmp(command, "fail");
        JSValue answer;
        if (reject) {
            answer = JS_NewError(ctx);
            JS_SetPropertyStr(ctx, answer, "message", JS_NewString(ctx, argv[4]));
        } else {
            answer = JS_ParseJSON(ctx, argv[4], strlen(argv[4]), "<event>");
            if (JS_IsException(answer)) die_with_exception(ctx, "the event is not JSON");
        }
        settle_request(ctx, argv[3], reject, answer, argv[4]);
        next_timer = settle(ctx);
    } else if (!strcmp(command, "wait") && argc == 3) {
        ctx = load_vm(rt);
        int wait = settle(ctx);
        if (wait < 0) die("no timer is pending");
        printf("sleeping %d ms for the next timer\n", wait);
        sleep_ms(wait);
        next_timer = settle(ctx); /* the timer is due now: it fires in the first turn */
    } else if (!strcmp(command, "status") && argc == 3) {
        ctx = load_vm(rt);
        status(ctx);
        exec_sql("ROLLBACK");
        command = NULL;
    } else {
        die("bad command line (run without arguments for the usage)");
    }
    if (command) save_vm(rt, command, next_timer);
    JS_FreeContext(ctx);
    JS_FreeRuntime(rt);
    sqlite3_close(g_db);
    return 0;
}
