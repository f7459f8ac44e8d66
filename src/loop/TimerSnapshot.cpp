// TimerSnapshot.cpp: pending timers in heap snapshots. A timer is written with its remaining delay
// (not its due time: clocks of two processes share no origin), its period, realm, callback and
// arguments; the id counter is kept so clearTimeout handles stay valid across the restore.
#include "loop/EventLoop.h"

#include "runtime/Object.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

namespace qjs {

void EventLoop::write_timers(HeapWriter& w) {
    double now_ms = now();
    w.out().varuint(m_next_id);
    w.out().varuint(m_timers.size());
    // Heap order is fine: the reader rebuilds the heap, and equal due times keep id order.
    for (const Timer& t : m_timers) {
        w.out().varuint(t.id);
        double remaining = t.due - now_ms;
        w.out().f64(remaining > 0 ? remaining : 0);
        w.out().f64(t.interval);
        w.realm(t.realm);
        w.value(t.callback);
        w.out().varuint(t.args.size());
        for (const Value& a : t.args)
            w.value(a);
    }
}

bool EventLoop::read_timers(HeapReader& r) {
    uint32_t next_id, count;
    if (!r.varuint32(&next_id) || !r.count(&count)) return false;
    if (next_id == 0) return r.fail("bad timer id counter");
    double now_ms = now();
    for (uint32_t i = 0; i < count; ++i) {
        Timer t;
        double remaining;
        uint32_t argc;
        if (!r.varuint32(&t.id) || !r.in().f64(&remaining) || !r.in().f64(&t.interval) ||
            !r.realm(&t.realm) || !r.object(&t.callback, false) || !r.count(&argc, 0xffff))
            return false;
        // Delays beyond 2^31-1 ms are clamped when timers are created; NaN is not a delay.
        if (t.id == 0 || !t.realm || !(remaining >= 0 && remaining <= 2147483647.0) ||
            !(t.interval < 0 || t.interval <= 2147483647.0))
            return r.fail("bad timer");
        for (const Timer& other : m_timers)
            if (other.id == t.id) return r.fail("duplicate timer id");
        for (uint32_t k = 0; k < argc; ++k) {
            Value a;
            if (!r.value(&a)) return false;
            t.args.push_back(std::move(a));
        }
        t.due = now_ms + remaining;
        push_timer(std::move(t));
    }
    m_next_id = next_id;
    return true;
}

} // namespace qjs
