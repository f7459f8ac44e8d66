// Pool.cpp: the parent side of the worker processes.
#include "Protocol.h"
#include "Worker.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace test262 {

namespace {

double now_seconds() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::string describe_exit(int status) {
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        const char* name = sigabbrev_np(sig);
        return "signal " + std::to_string(sig) + (name ? std::string(" (SIG") + name + ")" : std::string());
    }
    if (WIFEXITED(status)) return "exit status " + std::to_string(WEXITSTATUS(status));
    return "status " + std::to_string(status);
}

void close_fd(int& fd) {
    if (fd >= 0) close(fd);
    fd = -1;
}

} // namespace

WorkerPool::WorkerPool(const PoolOptions& options, const ExecContext& context,
                       const std::vector<std::string>& tests)
    : m_options(options), m_context(context), m_tests(tests) {}

bool WorkerPool::spawn(Slot& slot) {
    int command[2];
    int result[2];
    if (pipe(command) != 0) return false;
    if (pipe(result) != 0) {
        close(command[0]);
        close(command[1]);
        return false;
    }
    std::fflush(nullptr); // or the child would flush the parent's buffered output again at exit()
    pid_t pid = fork();
    if (pid < 0) {
        close(command[0]);
        close(command[1]);
        close(result[0]);
        close(result[1]);
        return false;
    }
    if (pid == 0) {
        for (Slot& other : m_slots) {
            close_fd(other.command_fd);
            close_fd(other.result_fd);
        }
        close(command[1]);
        close(result[0]);
        int log_fd = open(slot.log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (log_fd < 0) log_fd = open("/dev/null", O_WRONLY);
        dup2(log_fd, STDOUT_FILENO);
        dup2(log_fd, STDERR_FILENO);
        close(log_fd);
        worker_main(m_context, m_tests, command[0], result[1]);
    }
    close(command[0]);
    close(result[1]);
    fcntl(result[0], F_SETFL, fcntl(result[0], F_GETFL) | O_NONBLOCK);
    slot.pid = pid;
    slot.command_fd = command[1];
    slot.result_fd = result[0];
    slot.busy = false;
    slot.quitting = false;
    slot.input.clear();
    return true;
}

void WorkerPool::dispatch(Slot& slot) {
    if (m_next >= m_order->size()) {
        uint32_t quit = kQuit;
        write_all(slot.command_fd, &quit, sizeof quit);
        slot.quitting = true;
        slot.started = now_seconds();
        return;
    }
    uint32_t index = (*m_order)[m_next++];
    struct stat st;
    slot.log_offset = stat(slot.log_path.c_str(), &st) == 0 ? st.st_size : 0;
    slot.busy = true;
    slot.current = index;
    slot.started = now_seconds();
    // A write error means the worker died; reap() notices the EOF and reports the test.
    write_all(slot.command_fd, &index, sizeof index);
}

std::string WorkerPool::log_tail(const Slot& slot) const {
    int fd = open(slot.log_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return {};
    struct stat st;
    off_t begin = slot.log_offset;
    if (fstat(fd, &st) == 0 && st.st_size - begin > 8192)
        begin = st.st_size - 8192; // the end of a long report is what matters
    std::string text;
    char buffer[8192];
    ssize_t n = pread(fd, buffer, sizeof buffer, begin);
    if (n > 0) text.assign(buffer, static_cast<size_t>(n));
    close(fd);
    return text;
}

void WorkerPool::reap(Slot& slot, bool killed) {
    if (killed) kill(slot.pid, SIGKILL);
    int status = 0;
    while (waitpid(slot.pid, &status, 0) < 0 && errno == EINTR) {
    }
    close_fd(slot.command_fd);
    close_fd(slot.result_fd);
    slot.pid = -1;
    if (slot.busy) {
        TestResult result;
        if (killed) {
            result.status = Status::Timeout;
            result.reason =
                "timeout: killed after " +
                std::to_string(static_cast<int>(m_options.timeout_seconds + m_options.grace_seconds)) +
                " s without answering";
        } else {
            result.status = Status::Crash;
            result.reason = "worker died: " + describe_exit(status);
            result.details = log_tail(slot);
        }
        slot.busy = false;
        ++m_done;
        (*m_on_result)(slot.current, std::move(result));
    } else if (!killed && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
        m_infra_errors.push_back("worker " + std::to_string(slot.id) + " ended with " +
                                 describe_exit(status) +
                                 " after its last test (sanitizer report at exit?), see " + slot.log_path);
    }
    if (m_next < m_order->size()) {
        if (spawn(slot))
            dispatch(slot);
        else
            m_infra_errors.push_back("cannot start a new worker: " + std::string(std::strerror(errno)));
    }
}

void WorkerPool::read_from(Slot& slot) {
    char buffer[16384];
    for (;;) {
        ssize_t n = read(slot.result_fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) break;
            n = 0; // treat other errors as the worker being gone
        }
        if (n == 0) {
            // Process what arrived before the EOF (a result written just before exiting).
            MessageHeader header;
            TestResult result;
            while (take_message(&slot.input, &header, &result)) {
                if (header.kind == MessageKind::Result && slot.busy && header.index == slot.current) {
                    slot.busy = false;
                    ++m_done;
                    (*m_on_result)(header.index, std::move(result));
                }
            }
            reap(slot, false);
            return;
        }
        slot.input.append(buffer, static_cast<size_t>(n));
    }
    MessageHeader header;
    TestResult result;
    while (take_message(&slot.input, &header, &result)) {
        if (header.kind == MessageKind::Start) {
            slot.started = now_seconds();
        } else if (header.kind == MessageKind::Result && slot.busy && header.index == slot.current) {
            slot.busy = false;
            ++m_done;
            (*m_on_result)(header.index, std::move(result));
            dispatch(slot);
        }
    }
}

bool WorkerPool::run(const std::vector<uint32_t>& order, const ResultCallback& on_result) {
    m_order = &order;
    m_on_result = &on_result;
    m_next = 0;
    m_done = 0;
    signal(SIGPIPE, SIG_IGN);
    mkdir(m_options.log_dir.c_str(), 0755);

    size_t count = std::min<size_t>(static_cast<size_t>(std::max(1, m_options.jobs)), order.size());
    m_slots.resize(count);
    for (size_t i = 0; i < count; ++i) {
        Slot& slot = m_slots[i];
        slot.id = static_cast<int>(i);
        slot.log_path = m_options.log_dir + "/worker-" + std::to_string(i) + ".log";
        unlink(slot.log_path.c_str());
        if (!spawn(slot)) {
            std::fprintf(stderr, "run-test262: cannot start workers: %s\n", std::strerror(errno));
            return false;
        }
    }
    for (Slot& slot : m_slots)
        dispatch(slot);

    double limit = m_options.timeout_seconds + m_options.grace_seconds;
    std::vector<pollfd> fds;
    std::vector<Slot*> owners;
    for (;;) {
        fds.clear();
        owners.clear();
        double now = now_seconds();
        int wait_ms = 1000;
        for (Slot& slot : m_slots) {
            if (slot.pid < 0) continue;
            fds.push_back(pollfd{slot.result_fd, POLLIN, 0});
            owners.push_back(&slot);
            if (slot.busy || slot.quitting) {
                double left = slot.started + limit - now;
                wait_ms = std::min(wait_ms, std::max(0, static_cast<int>(left * 1000) + 1));
            }
        }
        if (fds.empty()) break;
        int ready = poll(fds.data(), fds.size(), wait_ms);
        if (ready < 0 && errno != EINTR) {
            std::fprintf(stderr, "run-test262: poll: %s\n", std::strerror(errno));
            return false;
        }
        for (size_t i = 0; ready > 0 && i < fds.size(); ++i) {
            if (fds[i].revents != 0 && owners[i]->pid >= 0) read_from(*owners[i]);
        }
        now = now_seconds();
        for (Slot& slot : m_slots) {
            if (slot.pid >= 0 && (slot.busy || slot.quitting) && now - slot.started > limit) reap(slot, true);
        }
    }
    return m_done == order.size();
}

} // namespace test262
