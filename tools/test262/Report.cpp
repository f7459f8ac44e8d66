// Report.cpp: summaries of a run.
#include "Report.h"

#include <cstdio>
#include <map>

namespace test262 {

namespace {

void count(Tally* tally, Status status) {
    switch (status) {
    case Status::Pass: ++tally->passed; break;
    case Status::Skip: ++tally->skipped; break;
    default: ++tally->failed; break;
    }
}

bool is_failure(Status status) {
    return status != Status::Pass && status != Status::Skip;
}

std::string format_row(const std::string& name, const Tally& tally, int indent) {
    size_t ran = tally.passed + tally.failed;
    double percent = ran == 0 ? 0.0 : 100.0 * static_cast<double>(tally.passed) / static_cast<double>(ran);
    char line[256];
    std::snprintf(line, sizeof line, "%*s%-*s %8zu %8zu %8zu %7.1f%%\n", indent, "", 48 - indent,
                  name.c_str(), tally.passed, tally.failed, tally.skipped, percent);
    return line;
}

} // namespace

Tally total_tally(const RunRecord& record) {
    Tally tally;
    for (uint32_t index : record.order)
        count(&tally, record.results[index].status);
    return tally;
}

std::string summary_table(const RunRecord& record, bool detailed) {
    std::map<std::string, Tally> top;
    std::map<std::string, std::map<std::string, Tally>> second;
    for (uint32_t index : record.order) {
        const std::string& path = record.tests[index];
        Status status = record.results[index].status;
        size_t slash = path.find('/');
        std::string first = path.substr(0, slash);
        count(&top[first], status);
        if (detailed && slash != std::string::npos) {
            size_t slash2 = path.find('/', slash + 1);
            if (slash2 != std::string::npos)
                count(&second[first][path.substr(slash + 1, slash2 - slash - 1)], status);
        }
    }
    char header[256];
    std::snprintf(header, sizeof header, "%-48s %8s %8s %8s %8s\n", "folder", "passed", "failed", "skipped",
                  "pass");
    std::string text = header;
    for (const auto& [name, tally] : top) {
        text += format_row(name, tally, 0);
        if (!detailed) continue;
        for (const auto& [sub, sub_tally] : second[name])
            text += format_row(sub, sub_tally, 2);
    }
    text += format_row("total", total_tally(record), 0);
    return text;
}

bool write_text_file(const std::string& path, const std::string& text, std::string* error) {
    FILE* file = std::fopen(path.c_str(), "w");
    if (!file) {
        *error = "cannot write " + path;
        return false;
    }
    std::fwrite(text.data(), 1, text.size(), file);
    if (std::fclose(file) != 0) {
        *error = "cannot write " + path;
        return false;
    }
    return true;
}

bool write_results_file(const std::string& path, const RunRecord& record, std::string* error) {
    std::string text;
    for (uint32_t index : record.order) {
        const TestResult& result = record.results[index];
        text += status_name(result.status);
        text += ' ';
        text += record.tests[index];
        if (!result.reason.empty()) {
            text += ": ";
            text += result.reason;
        }
        text += '\n';
    }
    return write_text_file(path, text, error);
}

Comparison compare_with_known(const RunRecord& record, const KnownFailures& known) {
    Comparison comparison;
    for (uint32_t index : record.order) {
        Status status = record.results[index].status;
        bool listed = known.count(record.tests[index]) != 0;
        if (status == Status::Crash || (is_failure(status) && !listed))
            comparison.new_failures.push_back(index);
        else if (is_failure(status))
            ++comparison.expected_failures;
        else if (status == Status::Pass && listed)
            comparison.fixed.push_back(index);
    }
    return comparison;
}

KnownFailures updated_known(const RunRecord& record, const KnownFailures& known) {
    KnownFailures list = known;
    for (uint32_t index : record.order) {
        Status status = record.results[index].status;
        if (is_failure(status))
            list.insert(record.tests[index]);
        else if (status == Status::Pass)
            list.erase(record.tests[index]);
    }
    return list;
}

} // namespace test262
