// InputScanner.h: a light tokenizer of REPL input (InputScanner.cpp), enough to colour what is typed and
// to tell when the input is unfinished (open brackets, template literals, comments). It never fails: any
// text scans, and what the real parser would refuse is left to it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace qjs::shell {

enum class InputTokenKind {
    Space,
    Comment,
    String,
    Template,
    Regex,
    Number,
    Keyword,
    Identifier,
    Punctuator
};

struct InputToken {
    size_t start;
    size_t end;
    InputTokenKind kind;
};

struct ScannedInput {
    std::vector<InputToken> tokens;
    bool incomplete = false; // an open bracket, template literal or block comment at the end
};

ScannedInput scan_input(const std::string& src);

// `text` with ANSI colours by token kind, for the part of `before + text` that is `text` (the lines
// typed before give the state: inside a template literal or a comment).
std::string colour_input(const std::string& before, const std::string& text);

} // namespace qjs::shell
