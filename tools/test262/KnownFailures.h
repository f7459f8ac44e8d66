// KnownFailures.h: tests/test262/known-failures.txt, the tests expected to fail for now.
// One path per line relative to test/, sorted; blank lines and `#` comments are ignored.
#pragma once

#include <set>
#include <string>

namespace test262 {

using KnownFailures = std::set<std::string>;

bool load_known_failures(const std::string& path, KnownFailures* out, std::string* error);

// Writes `list` sorted, under a header comment saying how it is made.
bool save_known_failures(const std::string& path, const KnownFailures& list, std::string* error);

} // namespace test262
