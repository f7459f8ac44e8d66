// TestList.cpp: walks test/.
#include "TestList.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace test262 {

bool collect_tests(const std::string& test_dir, std::vector<std::string>* out, std::string* error) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::recursive_directory_iterator it(test_dir, ec);
    if (ec) {
        *error = "cannot read " + test_dir + ": " + ec.message();
        return false;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
            *error = "error while listing " + test_dir + ": " + ec.message();
            return false;
        }
        const fs::path& path = it->path();
        if (path.extension() != ".js" || !it->is_regular_file(ec)) continue;
        std::string name = path.filename().string();
        if (name.find("_FIXTURE") != std::string::npos) continue;
        out->push_back(path.lexically_relative(test_dir).generic_string());
    }
    std::sort(out->begin(), out->end());
    return true;
}

} // namespace test262
