// EventLoop.cpp: timers in a min-heap on the loop clock, and the turn of the loop.
#include "loop/EventLoop.h"

#include "runtime/Call.h"
#include "runtime/Context.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <new>

namespace qjs {

namespace {

// Heap order: the earliest due time first, ties by creation (smaller id first).
bool fires_later(const Timer& a, const Timer& b) {
    if (a.due != b.due) return a.due > b.due;
    return a.id > b.id;
}

} // namespace

EventLoop* EventLoop::of(Runtime& rt) {
    if (!rt.m_event_loop) {
        void* mem = rt.alloc(sizeof(EventLoop));
        if (!mem) return nullptr;
        rt.m_event_loop = new (mem) EventLoop(rt);
    }
    return rt.m_event_loop;
}

void EventLoop::destroy(Runtime& rt) {
    EventLoop* loop = rt.m_event_loop;
    if (!loop) return;
    rt.m_event_loop = nullptr;
    loop->~EventLoop();
    rt.free(loop);
}

double EventLoop::now() const {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

bool EventLoop::push_timer(Timer&& timer) {
    m_timers.push_back(std::move(timer));
    std::push_heap(m_timers.begin(), m_timers.end(), fires_later);
    return true;
}

Timer EventLoop::pop_earliest() {
    std::pop_heap(m_timers.begin(), m_timers.end(), fires_later);
    Timer t = std::move(m_timers.back());
    m_timers.pop_back();
    return t;
}

uint32_t EventLoop::add_timer(Context& ctx, Value callback, double delay, bool repeat, Vector<Value> args) {
    Timer t;
    t.id = m_next_id++;
    if (m_next_id == 0) m_next_id = 1; // ids stay positive after wrapping
    t.due = now() + delay;
    t.interval = repeat ? delay : -1;
    t.realm = &ctx;
    t.callback = std::move(callback);
    t.args = std::move(args);
    uint32_t id = t.id;
    return push_timer(std::move(t)) ? id : 0;
}

void EventLoop::clear_timer(uint32_t id) {
    auto it = std::find_if(m_timers.begin(), m_timers.end(), [id](const Timer& t) { return t.id == id; });
    if (it == m_timers.end()) return;
    // Move the victim to the end, drop it, and rebuild the heap order (clearing is rare).
    std::iter_swap(it, m_timers.end() - 1);
    m_timers.pop_back();
    std::make_heap(m_timers.begin(), m_timers.end(), fires_later);
}

int EventLoop::run_once() {
    m_rt.make_current();
    if (!m_rt.run_jobs()) return kError;
    if (!m_timers.empty() && m_timers.front().due <= now()) {
        Timer t = pop_earliest();
        if (t.interval >= 0) {
            // Reschedule before the call, so that clearInterval inside the callback finds the timer.
            Timer next;
            next.id = t.id;
            next.due = now() + t.interval;
            next.interval = t.interval;
            next.realm = t.realm;
            next.callback = t.callback;
            next.args = t.args;
            if (!push_timer(std::move(next))) {
                t.realm->throw_out_of_memory();
                return kError;
            }
        }
        Value result = call(*t.realm, t.callback, Value(), t.args);
        if (result.is_exception()) return kError;
        if (!m_rt.run_jobs()) return kError;
    }
    if (m_rt.has_pending_jobs()) return kMoreWork;
    if (m_timers.empty()) return kIdle;
    double wait = m_timers.front().due - now();
    if (wait <= 0) return kMoreWork;
    return static_cast<int>(std::min(std::ceil(wait), 2147483647.0));
}

} // namespace qjs
