// IoHandlers.cpp: read/write handlers on file descriptors and the poll step of the loop
// (os.setReadHandler, os.setWriteHandler). poll() exists on POSIX hosts and in wasi-libc.
#include "loop/EventLoop.h"

#include "runtime/Call.h"
#include "runtime/Context.h"

#include <cerrno>
#include <ctime>
#include <poll.h>

namespace qjs {

bool EventLoop::set_io_handler(Context& ctx, int fd, bool write, Value callback) {
    for (size_t i = 0; i < m_io.size(); ++i) {
        if (m_io[i].fd != fd || m_io[i].write != write) continue;
        if (callback.is_undefined()) {
            m_io.erase(m_io.begin() + static_cast<ptrdiff_t>(i));
        } else {
            m_io[i].callback = std::move(callback);
            m_io[i].realm = &ctx;
        }
        return true;
    }
    if (callback.is_undefined()) return true;
    IoHandler h;
    h.fd = fd;
    h.write = write;
    h.realm = &ctx;
    h.callback = std::move(callback);
    m_io.push_back(std::move(h));
    return true;
}

int EventLoop::poll_io(int timeout_ms) {
    return poll_io(timeout_ms, -1, nullptr, nullptr);
}

int EventLoop::poll_io(int timeout_ms, int watch_fd, void (*before_handlers)(void*), void* opaque) {
    if (m_io.empty() && watch_fd < 0) {
        if (timeout_ms > 0) {
            timespec delay{timeout_ms / 1000, (timeout_ms % 1000) * 1000000L};
            nanosleep(&delay, nullptr); // a signal ends the sleep early, as it ends poll()
        }
        return 0;
    }
    Vector<pollfd> fds;
    for (const IoHandler& h : m_io)
        fds.push_back(pollfd{h.fd, static_cast<short>(h.write ? POLLOUT : POLLIN), 0});
    if (watch_fd >= 0) fds.push_back(pollfd{watch_fd, POLLIN, 0});
    int n = ::poll(fds.data(), static_cast<nfds_t>(fds.size()), timeout_ms < 0 ? -1 : timeout_ms);
    if (n <= 0) return 0; // timeout, or EINTR from a signal
    if (watch_fd >= 0 && (fds.back().revents & (POLLIN | POLLERR | POLLHUP | POLLNVAL))) return kWatchReady;
    // Snapshot the ready handlers first: a callback may add or remove handlers.
    Vector<IoHandler> ready;
    for (size_t i = 0; i < m_io.size(); ++i) {
        short want = fds[i].events;
        if (fds[i].revents & (want | POLLERR | POLLHUP | POLLNVAL)) ready.push_back(m_io[i]);
    }
    int ran = 0;
    for (const IoHandler& h : ready) {
        // Skip a handler removed or replaced by an earlier callback of this round.
        bool live = false;
        for (const IoHandler& cur : m_io)
            if (cur.fd == h.fd && cur.write == h.write && cur.callback.is_object() &&
                cur.callback.as_object() == h.callback.as_object())
                live = true;
        if (!live) continue;
        if (!ran && before_handlers) before_handlers(opaque);
        ran = 1;
        Value result = call(*h.realm, h.callback, Value(), {});
        if (result.is_exception()) return kError;
        if (!m_rt.run_jobs()) return kError;
    }
    return ran;
}

} // namespace qjs
