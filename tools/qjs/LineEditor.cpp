// LineEditor.cpp: a small line editor for the REPL on a terminal. Keys: printable characters insert,
// Backspace/Ctrl-H and Delete/Ctrl-D delete, Left/Right/Ctrl-B/Ctrl-F move, Home/End/Ctrl-A/Ctrl-E
// jump, Ctrl-K/Ctrl-U kill to the end/start, Ctrl-L redraws, Up/Down/Ctrl-P/Ctrl-N browse the
// history, TAB completes (a second TAB lists the candidates), Enter accepts, Ctrl-C cancels and
// Ctrl-D on an empty line ends the input. The line is redrawn whole after each key (\r, prompt, text,
// clear to the end, cursor moved back), which is all the terminal has to understand. The cursor moves by
// UTF-8 characters (one column each: wide characters are not measured).
#include "LineEditor.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <termios.h>
#include <unistd.h>

namespace qjs::shell {

namespace {

void write_all(const std::string& s) {
    size_t done = 0;
    while (done < s.size()) {
        ssize_t n = ::write(1, s.data() + done, s.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        done += static_cast<size_t>(n);
    }
}

// One byte from the terminal; -1 at the end of input, -2 when a signal interrupted the wait.
int read_byte() {
    unsigned char c;
    ssize_t n = ::read(0, &c, 1);
    if (n == 1) return c;
    if (n < 0 && errno == EINTR) return -2;
    return -1;
}

// Raw mode for the duration of a read: no echo, no line buffering, no signals from ^C (handled as a key).
class RawMode {
  public:
    RawMode() {
        if (tcgetattr(0, &m_saved) < 0) return;
        termios raw = m_saved;
        raw.c_iflag &= ~static_cast<tcflag_t>(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
        raw.c_lflag &= ~static_cast<tcflag_t>(ECHO | ICANON | IEXTEN | ISIG);
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        m_on = tcsetattr(0, TCSADRAIN, &raw) == 0;
    }
    ~RawMode() {
        if (m_on) tcsetattr(0, TCSADRAIN, &m_saved);
    }

  private:
    termios m_saved{};
    bool m_on = false;
};

// The common prefix of the candidates.
std::string common_prefix(const std::vector<std::string>& items) {
    if (items.empty()) return {};
    std::string p = items[0];
    for (const std::string& s : items) {
        size_t i = 0;
        while (i < p.size() && i < s.size() && p[i] == s[i])
            ++i;
        p.resize(i);
    }
    return p;
}

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The characters (not bytes) of UTF-8 text: the columns it takes.
size_t columns(const std::string& s, size_t from) {
    size_t n = 0;
    for (size_t i = from; i < s.size(); ++i)
        n += !is_continuation(s[i]);
    return n;
}

size_t next_char(const std::string& s, size_t pos) {
    if (pos >= s.size()) return s.size();
    ++pos;
    while (pos < s.size() && is_continuation(s[pos]))
        ++pos;
    return pos;
}

size_t prev_char(const std::string& s, size_t pos) {
    if (pos == 0) return 0;
    --pos;
    while (pos > 0 && is_continuation(s[pos]))
        --pos;
    return pos;
}

} // namespace

void LineEditor::set_history_file(std::string path) {
    m_history_path = std::move(path);
    std::ifstream in(m_history_path);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) m_history.push_back(line);
    if (m_history.size() > kMaxHistory)
        m_history.erase(m_history.begin(), m_history.end() - static_cast<ptrdiff_t>(kMaxHistory));
}

void LineEditor::add_history(const std::string& line) {
    if (line.empty() || (!m_history.empty() && m_history.back() == line)) return;
    m_history.push_back(line);
    if (m_history.size() > kMaxHistory) m_history.erase(m_history.begin());
    if (!m_history_path.empty()) {
        std::ofstream out(m_history_path, std::ios::app);
        out << line << '\n';
    }
}

void LineEditor::refresh() {
    std::string s = "\r" + m_prompt + (m_highlighter ? m_highlighter(m_line) : m_line) + "\x1b[K";
    size_t back = columns(m_line, m_cursor);
    if (back) s += "\x1b[" + std::to_string(back) + "D";
    write_all(s);
}

// The next byte typed; lets the host's loop run while none is ready. -1 at the end of input, -2 when a
// signal interrupted the wait.
int LineEditor::next_key() {
    if (m_wait) {
        bool hidden = false;
        LineGuard guard{[&hidden] {
                            if (!hidden) write_all("\r\x1b[K");
                            hidden = true;
                        },
                        [this, &hidden] {
                            if (hidden) refresh();
                            hidden = false;
                        }};
        if (!m_wait(guard)) return -2;
    }
    return read_byte();
}

void LineEditor::set_line(const std::string& text) {
    m_line = text;
    m_cursor = m_line.size();
}

void LineEditor::complete() {
    size_t start = m_cursor;
    std::vector<std::string> items =
        m_completer ? m_completer(m_line, m_cursor, &start) : std::vector<std::string>{};
    if (items.empty() || start > m_cursor) {
        write_all("\a");
        return;
    }
    std::string word = m_line.substr(start, m_cursor - start);
    std::string prefix = common_prefix(items);
    if (prefix.size() > word.size()) {
        m_line.replace(start, m_cursor - start, prefix);
        m_cursor = start + prefix.size();
        m_tab_again = false;
        return;
    }
    if (items.size() == 1) return;
    if (!m_tab_again) {
        m_tab_again = true;
        write_all("\a");
        return;
    }
    // A second TAB: the candidates, in columns of the longest one.
    size_t width = 0;
    for (const std::string& s : items)
        width = std::max(width, s.size());
    width += 2;
    size_t per_line = std::max<size_t>(1, 80 / width);
    std::string out = "\r\n";
    for (size_t i = 0; i < items.size(); ++i) {
        out += items[i];
        if ((i + 1) % per_line == 0 || i + 1 == items.size())
            out += "\r\n";
        else
            out += std::string(width - items[i].size(), ' ');
    }
    write_all(out);
    m_tab_again = false;
}

void LineEditor::move(int key) {
    switch (key) {
    case 'A': // Up: an older history entry
        if (m_history_pos == 0) break;
        if (m_history_pos == m_history.size()) m_saved = m_line;
        set_line(m_history[--m_history_pos]);
        break;
    case 'B': // Down: a newer one, then the line being typed
        if (m_history_pos >= m_history.size()) break;
        ++m_history_pos;
        set_line(m_history_pos == m_history.size() ? m_saved : m_history[m_history_pos]);
        break;
    case 'C': m_cursor = next_char(m_line, m_cursor); break;
    case 'D': m_cursor = prev_char(m_line, m_cursor); break;
    case 'H': m_cursor = 0; break;
    case 'F': m_cursor = m_line.size(); break;
    case 'X': m_line.erase(m_cursor, next_char(m_line, m_cursor) - m_cursor); break;
    default: break;
    }
}

LineEditor::Status LineEditor::read(const char* prompt, std::string* line) {
    RawMode raw;
    m_prompt = prompt;
    m_line.clear();
    m_cursor = 0;
    m_history_pos = m_history.size();
    m_saved.clear();
    m_tab_again = false;
    refresh();
    for (;;) {
        int c = next_key();
        if (c == -2) { // SIGINT delivered while waiting (e.g. kill -INT)
            write_all("^C\r\n");
            return Status::Cancel;
        }
        if (c < 0) {
            write_all("\r\n");
            if (m_line.empty()) return Status::End;
            *line = m_line;
            return Status::Line;
        }
        if (c != '\t') m_tab_again = false;
        switch (c) {
        case '\r':
        case '\n':
            write_all("\r\n");
            *line = m_line;
            return Status::Line;
        case 3: // Ctrl-C
            write_all("^C\r\n");
            return Status::Cancel;
        case 4: // Ctrl-D: end of input on an empty line, else delete under the cursor
            if (m_line.empty()) {
                write_all("\r\n");
                return Status::End;
            }
            move('X');
            break;
        case 127:
        case 8: { // Backspace
            size_t prev = prev_char(m_line, m_cursor);
            m_line.erase(prev, m_cursor - prev);
            m_cursor = prev;
            break;
        }
        case 1: m_cursor = 0; break;             // Ctrl-A
        case 5: m_cursor = m_line.size(); break; // Ctrl-E
        case 2: move('D'); break;                // Ctrl-B
        case 6: move('C'); break;                // Ctrl-F
        case 11: m_line.erase(m_cursor); break;  // Ctrl-K
        case 21:                                 // Ctrl-U
            m_line.erase(0, m_cursor);
            m_cursor = 0;
            break;
        case 12: write_all("\x1b[H\x1b[2J"); break; // Ctrl-L
        case 16: move('A'); break;                  // Ctrl-P
        case 14: move('B'); break;                  // Ctrl-N
        case '\t': complete(); break;
        case 27: { // an escape sequence: ESC [ X or ESC O X, with parameters for Home/End/Delete
            int c1 = read_byte();
            if (c1 != '[' && c1 != 'O') break;
            int k = read_byte();
            std::string param;
            while (k >= '0' && k <= '9') {
                param.push_back(static_cast<char>(k));
                k = read_byte();
            }
            if (k == '~') {
                if (param == "1" || param == "7")
                    k = 'H';
                else if (param == "4" || param == "8")
                    k = 'F';
                else if (param == "3")
                    k = 'X';
            }
            move(k);
            break;
        }
        default:
            if (c >= 32) m_line.insert(m_cursor++, 1, static_cast<char>(c));
            break;
        }
        refresh();
    }
}

} // namespace qjs::shell
