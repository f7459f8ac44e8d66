// Harness.h: the files of test262's harness/ folder, read once before the workers fork so every
// test evaluates them from memory.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace test262 {

class HarnessCache {
  public:
    // Reads every *.js file under `harness_dir` (recursively; names are relative, e.g. "sm/foo.js").
    bool load(const std::string& harness_dir, std::string* error);

    // The text of a harness file, or null when there is no such file.
    const std::string* find(std::string_view name) const;

    size_t size() const { return m_files.size(); }

  private:
    std::unordered_map<std::string, std::string> m_files;
};

} // namespace test262
