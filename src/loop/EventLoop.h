// EventLoop.h: the host-driven event loop (timers and the microtask queue), shared by the qjs shell,
// the std/os modules and the embedding APIs. The host stays in charge: it calls run_once() from its own
// loop, as the reactor API of wasi-reactor-pr.txt describes, and sleeps or polls for as long as the
// result says.
//
// Timers are heap data for the purposes of the cycle collector and the snapshot: the loop owns strong
// references to their callbacks and arguments (like the runtime's job queue) and records due times on
// the loop's own clock, so a snapshot can store each timer's remaining delay.
#pragma once

#include "runtime/Runtime.h"

namespace qjs {

class HeapReader;
class HeapWriter;

struct Timer {
    uint32_t id = 0;
    double due = 0;       // on the loop clock, in milliseconds
    double interval = -1; // repeat period for setInterval; negative for a one-shot timer
    Context* realm = nullptr;
    Value callback;
    Vector<Value> args;
};

// A read or write handler on a file descriptor (os.setReadHandler / os.setWriteHandler).
struct IoHandler {
    int fd = -1;
    bool write = false;
    Context* realm = nullptr;
    Value callback;
};

class EventLoop {
  public:
    // run_once() results besides a positive delay in milliseconds.
    static constexpr int kMoreWork = 0; // call run_once again now
    static constexpr int kIdle = -1;    // nothing is pending: no jobs, no timers
    static constexpr int kError = -2;   // a job or timer callback threw; the exception is pending

    // The loop of `rt`, created on first use (nullptr when out of memory). One loop per runtime.
    static EventLoop* of(Runtime&);
    // Drops every timer and frees the loop; the runtime calls nothing itself, so hosts call this
    // before destroying the runtime.
    static void destroy(Runtime&);

    // Defines setTimeout, clearTimeout, setInterval, clearInterval and queueMicrotask on the realm's
    // global object. Returns false on OOM (exception pending).
    bool install_globals(Context&);
    // Gives the timer globals their native ids up front, so they are the same in every process
    // (snapshots name natives by id); hosts call it before creating their first realm.
    static void register_natives();

    // One turn: runs the pending jobs, then the earliest due timer (and the jobs it queued).
    // Returns kMoreWork, the milliseconds until the next timer is due (> 0), kIdle or kError.
    int run_once();

    // The loop clock: milliseconds from an arbitrary origin, monotonic.
    double now() const;

    // Timer operations behind the globals. add_timer returns the new id, 0 on OOM.
    uint32_t add_timer(Context&, Value callback, double delay, bool repeat, Vector<Value> args);
    void clear_timer(uint32_t id);
    size_t timer_count() const { return m_timers.size(); }

    // Heap snapshots (loop/TimerSnapshot.cpp): each timer with its remaining delay, so it fires as
    // long after the restore as it had left to wait when the snapshot was taken.
    void write_timers(HeapWriter&);
    bool read_timers(HeapReader&);
    void clear_timers() { m_timers.clear(); } // a delta snapshot's timers replace the base's
    // I/O handlers (IoHandlers.cpp): one read and one write handler per descriptor; an undefined
    // callback removes it. False on OOM (exception pending).
    bool set_io_handler(Context&, int fd, bool write, Value callback);
    size_t io_handler_count() const { return m_io.size(); }
    // Waits up to `timeout_ms` (negative: without limit) until a handler's descriptor is ready, then
    // calls the handlers of the ready descriptors (and the jobs they queue). Returns 1 when a handler
    // ran, 0 when none did (timeout, no handlers, or a signal interrupted the wait), kError when a
    // handler threw (the exception is pending). With no handlers it only sleeps for the timeout.
    int poll_io(int timeout_ms);
    // poll_io that also watches `watch_fd` for reading (a host's own descriptor, e.g. the REPL's
    // terminal): returns kWatchReady when it is readable (no handler runs then). `before_handlers`,
    // when set, is called once before the first handler of a round runs (the REPL hides its input line).
    static constexpr int kWatchReady = 2;
    int poll_io(int timeout_ms, int watch_fd, void (*before_handlers)(void*), void* opaque);

    explicit EventLoop(Runtime& rt) : m_rt(rt) {}

  private:
    bool push_timer(Timer&&);
    Timer pop_earliest();

    Runtime& m_rt;
    Vector<Timer> m_timers; // a binary min-heap on (due, id): equal due times fire in creation order
    Vector<IoHandler> m_io;
    uint32_t m_next_id = 1;
};

} // namespace qjs
