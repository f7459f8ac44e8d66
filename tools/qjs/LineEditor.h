// LineEditor.h: the REPL's line editing on a terminal (LineEditor.cpp): raw mode, cursor movement over
// UTF-8 text, history (up/down arrows, kept in a file across sessions), TAB completion and syntax colouring
// through callbacks, and a wait hook that lets the host's event loop run between keys.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace qjs::shell {

class LineEditor {
  public:
    // The candidates for completing `line` with the cursor at `cursor`: full replacements of the word
    // that ends at the cursor, which starts at *word_start.
    using Completer =
        std::function<std::vector<std::string>(const std::string& line, size_t cursor, size_t* word_start)>;

    enum class Status { Line, Cancel, End };

    // `text` as shown: the same characters with colour escapes added.
    using Highlighter = std::function<std::string(const std::string& text)>;
    // What a wait hook calls around anything that may print: hide() clears the line being edited,
    // show() draws it again (each does nothing when the line is already in that state).
    struct LineGuard {
        std::function<void()> hide;
        std::function<void()> show;
    };
    // Called before each key is read; returns once input is ready (true) or a signal arrived (false).
    using WaitInput = std::function<bool(const LineGuard&)>;

    explicit LineEditor(Completer completer) : m_completer(std::move(completer)) {}
    void set_highlighter(Highlighter h) { m_highlighter = std::move(h); }
    void set_wait(WaitInput w) { m_wait = std::move(w); }
    // Loads the history from `path` (its last kMaxHistory lines) and appends each new entry to it.
    void set_history_file(std::string path);
    static constexpr size_t kMaxHistory = 1000;

    // Reads one line from the terminal on fd 0 (raw mode for the duration of the call). Cancel is
    // Ctrl-C (or a SIGINT while waiting), End is Ctrl-D on an empty line or the end of input.
    Status read(const char* prompt, std::string* line);
    void add_history(const std::string& line);

  private:
    void refresh();
    void complete();
    // Cursor and history keys: arrows A-D, H(ome), F (End), X (Delete).
    void move(int key);
    void set_line(const std::string& text);

    int next_key();

    Completer m_completer;
    Highlighter m_highlighter;
    WaitInput m_wait;
    std::string m_history_path;
    std::vector<std::string> m_history;
    std::string m_prompt;
    std::string m_line;
    size_t m_cursor = 0;
    size_t m_history_pos = 0;
    std::string m_saved; // the line being typed, while browsing the history
    bool m_tab_again = false;
};

} // namespace qjs::shell
