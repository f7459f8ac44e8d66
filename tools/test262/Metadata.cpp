// Metadata.cpp: a small line-based reader for test262 frontmatter. It understands the subset of
// YAML the suite uses for the keys we need: `key: [a, b]` flow lists (possibly spanning lines),
// `key:` followed by indented `- item` lines, and the `negative:` map with `phase:` and `type:`.
// Top-level keys start at column 0; every indented line belongs to the key above it, so text inside
// `description: |` blocks is never mistaken for a key.
#include "Metadata.h"

namespace test262 {

namespace {

std::string_view trim(std::string_view s) {
    size_t begin = 0;
    while (begin < s.size() && (s[begin] == ' ' || s[begin] == '\t' || s[begin] == '\r'))
        ++begin;
    size_t end = s.size();
    while (end > begin && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r'))
        --end;
    return s.substr(begin, end - begin);
}

// Removes a trailing `# comment` and surrounding quotes from a scalar.
std::string_view clean_scalar(std::string_view s) {
    size_t hash = s.find(" #");
    if (hash != std::string_view::npos) s = s.substr(0, hash);
    s = trim(s);
    if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front())
        s = s.substr(1, s.size() - 2);
    return s;
}

void split_flow_list(std::string_view inner, std::vector<std::string>* out) {
    while (!inner.empty()) {
        size_t comma = inner.find(',');
        std::string_view item = clean_scalar(inner.substr(0, comma));
        if (!item.empty()) out->emplace_back(item);
        if (comma == std::string_view::npos) break;
        inner.remove_prefix(comma + 1);
    }
}

uint32_t flag_bit(std::string_view name) {
    if (name == "onlyStrict") return FlagOnlyStrict;
    if (name == "noStrict") return FlagNoStrict;
    if (name == "raw") return FlagRaw;
    if (name == "module") return FlagModule;
    if (name == "async") return FlagAsync;
    if (name == "CanBlockIsFalse") return FlagCanBlockIsFalse;
    if (name == "CanBlockIsTrue") return FlagCanBlockIsTrue;
    return 0; // generated, non-deterministic, ...: informational
}

NegativePhase phase_from_name(std::string_view name) {
    if (name == "parse") return NegativePhase::Parse;
    if (name == "resolution") return NegativePhase::Resolution;
    if (name == "runtime") return NegativePhase::Runtime;
    return NegativePhase::None;
}

enum class Key : uint8_t { Other, Includes, Flags, Features, Negative };

Key key_from_name(std::string_view name) {
    if (name == "includes") return Key::Includes;
    if (name == "flags") return Key::Flags;
    if (name == "features") return Key::Features;
    if (name == "negative") return Key::Negative;
    return Key::Other;
}

} // namespace

bool parse_metadata(std::string_view source, Metadata* out, std::string* error) {
    *out = Metadata{};
    size_t begin = source.find("/*---");
    if (begin == std::string_view::npos) {
        *error = "no /*--- frontmatter";
        return false;
    }
    begin += 5;
    size_t end = source.find("---*/", begin);
    if (end == std::string_view::npos) {
        *error = "unterminated frontmatter";
        return false;
    }
    std::string_view block = source.substr(begin, end - begin);

    std::vector<std::string> flag_names;
    Key key = Key::Other;
    std::string flow; // a flow list being collected across lines
    bool in_flow = false;

    auto list_for = [&](Key k) -> std::vector<std::string>* {
        switch (k) {
        case Key::Includes: return &out->includes;
        case Key::Flags: return &flag_names;
        case Key::Features: return &out->features;
        default: return nullptr;
        }
    };

    while (!block.empty()) {
        size_t newline = block.find_first_of("\r\n"); // some files end lines with a lone CR
        std::string_view line = block.substr(0, newline);
        block = newline == std::string_view::npos ? std::string_view{} : block.substr(newline + 1);

        if (in_flow) {
            size_t close = line.find(']');
            flow.append(line.substr(0, close));
            flow.push_back(',');
            if (close != std::string_view::npos) {
                in_flow = false;
                if (auto* list = list_for(key)) split_flow_list(flow, list);
            }
            continue;
        }

        std::string_view trimmed = trim(line);
        if (trimmed.empty() || trimmed.front() == '#') continue;

        bool indented = line.front() == ' ' || line.front() == '\t';
        if (!indented) {
            size_t colon = line.find(':');
            if (colon == std::string_view::npos) {
                key = Key::Other;
                continue;
            }
            key = key_from_name(trim(line.substr(0, colon)));
            std::string_view value = trim(line.substr(colon + 1));
            if (key == Key::Other || value.empty()) continue;
            if (value.front() == '[') {
                value.remove_prefix(1);
                size_t close = value.find(']');
                if (close == std::string_view::npos) {
                    flow.assign(value);
                    flow.push_back(',');
                    in_flow = true;
                } else if (auto* list = list_for(key)) {
                    split_flow_list(value.substr(0, close), list);
                }
            } else if (auto* list = list_for(key)) {
                list->emplace_back(clean_scalar(value)); // `includes: foo.js` (not used by the suite)
            }
            continue;
        }

        if (key == Key::Negative) {
            size_t colon = trimmed.find(':');
            if (colon == std::string_view::npos) continue;
            std::string_view name = trim(trimmed.substr(0, colon));
            std::string_view value = clean_scalar(trimmed.substr(colon + 1));
            if (name == "phase")
                out->negative_phase = phase_from_name(value);
            else if (name == "type")
                out->negative_type.assign(value);
            continue;
        }
        if (auto* list = list_for(key)) {
            if (trimmed.size() >= 2 && trimmed[0] == '-' && trimmed[1] == ' ')
                list->emplace_back(clean_scalar(trimmed.substr(2)));
        }
    }
    if (in_flow) {
        *error = "unterminated [ list in frontmatter";
        return false;
    }
    for (const std::string& name : flag_names)
        out->flags |= flag_bit(name);
    if (!out->negative_type.empty() && out->negative_phase == NegativePhase::None) {
        *error = "negative: without a known phase";
        return false;
    }
    return true;
}

} // namespace test262
