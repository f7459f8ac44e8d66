// Worker.h: the child side (a loop running tests named by the parent) and the parent side
// (WorkerPool: forks workers, hands out tests, notices crashes and hangs, replaces dead workers).
#pragma once

#include "Executor.h"
#include "Test262.h"

#include <cstdint>
#include <functional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace test262 {

// Runs in a forked child: reads test indexes from `command_fd`, runs tests[index], reports on
// `result_fd`. Exits the process (with exit(), so sanitizer leak checks run) on kQuit or EOF.
[[noreturn]] void worker_main(const ExecContext&, const std::vector<std::string>& tests, int command_fd,
                              int result_fd);

struct PoolOptions {
    int jobs = 1;
    double timeout_seconds = 10; // the worker interrupts the engine after this
    double grace_seconds = 5;    // the parent kills a worker this long after the timeout
    std::string log_dir;         // each worker slot's stdout/stderr goes to <log_dir>/worker-<n>.log
};

class WorkerPool {
  public:
    using ResultCallback = std::function<void(uint32_t index, TestResult&&)>;

    WorkerPool(const PoolOptions&, const ExecContext&, const std::vector<std::string>& tests);

    // Runs tests[i] for each i in `order`, calling `on_result` once for each as results arrive.
    // Returns false if the pool itself failed (fork/pipe errors).
    bool run(const std::vector<uint32_t>& order, const ResultCallback& on_result);

    // Problems not tied to one test (e.g. a worker exiting non-zero after its last test because a
    // sanitizer found a leak at exit). Any entry makes the run fail.
    const std::vector<std::string>& infra_errors() const { return m_infra_errors; }

  private:
    struct Slot {
        int id = 0;
        pid_t pid = -1;
        int command_fd = -1;
        int result_fd = -1;
        bool busy = false;
        bool quitting = false;
        uint32_t current = 0;
        double started = 0;
        off_t log_offset = 0;
        std::string log_path;
        std::string input;
    };

    bool spawn(Slot&);
    void dispatch(Slot&);
    void read_from(Slot&);
    void reap(Slot&, bool killed);
    std::string log_tail(const Slot&) const;

    PoolOptions m_options;
    const ExecContext& m_context;
    const std::vector<std::string>& m_tests;
    std::vector<Slot> m_slots;
    const std::vector<uint32_t>* m_order = nullptr;
    const ResultCallback* m_on_result = nullptr;
    size_t m_next = 0;
    size_t m_done = 0;
    std::vector<std::string> m_infra_errors;
};

} // namespace test262
