// TestList.h: finding the test files.
#pragma once

#include <string>
#include <vector>

namespace test262 {

// Every *.js file under `test_dir`, as sorted paths relative to it ("language/expressions/x.js"),
// leaving out *_FIXTURE.js files (modules imported by tests, not tests).
bool collect_tests(const std::string& test_dir, std::vector<std::string>* out, std::string* error);

} // namespace test262
