// Config.h: tests/test262/config.txt, what the runner leaves out on purpose.
//
//   # comment
//   skip-feature <feature-name>   # reason (tests whose `features:` list it are reported as skipped)
//   skip-path <prefix>            # reason (tests whose path relative to test/ starts with it)
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace test262 {

struct Config {
    std::set<std::string, std::less<>> skip_features;
    std::vector<std::string> skip_paths;

    bool load(const std::string& path, std::string* error);
    bool skips_path(std::string_view rel_path) const;
};

} // namespace test262
