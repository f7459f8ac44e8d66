// Worker.cpp: the worker process's loop.
#include "Worker.h"

#include "Protocol.h"

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace test262 {

namespace {

void handle_alarm(int) {
    on_timeout_signal();
}

} // namespace

void worker_main(const ExecContext& ctx, const std::vector<std::string>& tests, int command_fd,
                 int result_fd) {
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_handler = handle_alarm;
    sigemptyset(&action.sa_mask);
    sigaction(SIGPROF, &action, nullptr); // the CPU-time limit (Executor.cpp arm_timer)

    for (;;) {
        uint32_t index = 0;
        if (!read_exact(command_fd, &index, sizeof index) || index == kQuit || index >= tests.size()) break;
        if (!send_start(result_fd, index)) break;
        // A marker in the log so leak dumps and sanitizer reports can be matched to their test.
        std::string marker = "=== " + tests[index] + "\n";
        write_all(STDERR_FILENO, marker.data(), marker.size());
        TestResult result = run_test(ctx, tests[index]);
        if (!send_result(result_fd, index, result)) break;
    }
    std::exit(0);
}

} // namespace test262
