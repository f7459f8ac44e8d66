// Harness.cpp: loads and caches the harness files.
#include "Harness.h"

#include "Test262.h"

#include <filesystem>
#include <system_error>

namespace test262 {

bool HarnessCache::load(const std::string& harness_dir, std::string* error) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::recursive_directory_iterator it(harness_dir, ec);
    if (ec) {
        *error = "cannot read harness directory " + harness_dir + ": " + ec.message();
        return false;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
            *error = "error while listing " + harness_dir + ": " + ec.message();
            return false;
        }
        const fs::path& path = it->path();
        if (path.extension() != ".js" || !it->is_regular_file(ec)) continue;
        std::string text;
        if (!read_file(path.string(), &text)) {
            *error = "cannot read " + path.string();
            return false;
        }
        m_files.emplace(path.lexically_relative(harness_dir).generic_string(), std::move(text));
    }
    if (m_files.find("assert.js") == m_files.end() || m_files.find("sta.js") == m_files.end()) {
        *error = harness_dir + " lacks assert.js or sta.js";
        return false;
    }
    return true;
}

const std::string* HarnessCache::find(std::string_view name) const {
    auto it = m_files.find(std::string(name));
    return it == m_files.end() ? nullptr : &it->second;
}

} // namespace test262
