// LineEditor.h: the REPL's line editing on a terminal (LineEditor.cpp): raw mode, cursor movement,
// in-session history (up/down arrows) and TAB completion through a callback.
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

    explicit LineEditor(Completer completer) : m_completer(std::move(completer)) {}

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

    Completer m_completer;
    std::vector<std::string> m_history;
    std::string m_prompt;
    std::string m_line;
    size_t m_cursor = 0;
    size_t m_history_pos = 0;
    std::string m_saved; // the line being typed, while browsing the history
    bool m_tab_again = false;
};

} // namespace qjs::shell
