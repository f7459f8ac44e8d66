// OsFiles.cpp: os's file and terminal functions (open, close, seek, read, write, isatty,
// ttyGetWinSize, ttySetRaw, remove, rename, realpath, getcwd, chdir, mkdir, stat, lstat, utimes,
// symlink, readlink, readdir, dup, dup2, pipe). They return 0 or -errno, or [value, err] pairs.
#include "libc/LibcState.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#if !defined(__wasi__)
#include <sys/ioctl.h>
#include <termios.h>
#endif

namespace qjs::libc {

namespace {

bool path_arg(JSContext* ctx, JSValueConst v, std::string* out) {
    return to_std_string(ctx, v, out);
}

JSValue os_open(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    std::string path;
    int32_t flags, mode = 0666;
    if (!path_arg(ctx, argv[0], &path) || JS_ToInt32(ctx, &flags, argv[1]) < 0) return JS_EXCEPTION;
    if (argc > 2 && !JS_IsUndefined(argv[2]) && JS_ToInt32(ctx, &mode, argv[2]) < 0) return JS_EXCEPTION;
    return errno_result(ctx, open(path.c_str(), flags, mode));
}

JSValue os_close(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    int32_t fd;
    if (JS_ToInt32(ctx, &fd, argv[0]) < 0) return JS_EXCEPTION;
    return errno_result(ctx, close(fd));
}

JSValue os_seek(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    int32_t fd, whence;
    int64_t pos;
    if (JS_ToInt32(ctx, &fd, argv[0]) < 0 || JS_ToInt64Ext(ctx, &pos, argv[1]) < 0 ||
        JS_ToInt32(ctx, &whence, argv[2]) < 0)
        return JS_EXCEPTION;
    off_t r = lseek(fd, static_cast<off_t>(pos), whence);
    int64_t v = r < 0 ? -errno : static_cast<int64_t>(r);
    return JS_IsBigInt(ctx, argv[1]) ? JS_NewBigInt64(ctx, v) : JS_NewInt64(ctx, v);
}

// read(fd, buffer, offset, length) (magic 0) and write(...) (magic 1)
JSValue os_read_write(JSContext* ctx, JSValueConst, int, JSValueConst* argv, int is_write) {
    int32_t fd;
    if (JS_ToInt32(ctx, &fd, argv[0]) < 0) return JS_EXCEPTION;
    size_t len;
    uint8_t* p = array_buffer_range(ctx, argv[1], argv[2], argv[3], &len);
    if (!p) return JS_EXCEPTION;
    ssize_t n = is_write ? write(fd, p, len) : read(fd, p, len);
    return JS_NewInt64(ctx, n < 0 ? -errno : n);
}

JSValue os_isatty(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    int32_t fd;
    if (JS_ToInt32(ctx, &fd, argv[0]) < 0) return JS_EXCEPTION;
    return JS_NewBool(ctx, isatty(fd) == 1);
}

#if !defined(__wasi__)
JSValue os_tty_get_win_size(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    int32_t fd;
    if (JS_ToInt32(ctx, &fd, argv[0]) < 0) return JS_EXCEPTION;
    winsize ws{};
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_col < 4 || ws.ws_row < 4) return JS_NULL;
    JSValue a = JS_NewArray(ctx);
    if (JS_IsException(a)) return a;
    JS_SetPropertyUint32(ctx, a, 0, JS_NewInt32(ctx, ws.ws_col));
    JS_SetPropertyUint32(ctx, a, 1, JS_NewInt32(ctx, ws.ws_row));
    return a;
}

termios s_saved_tty;
int s_saved_tty_fd = -1;

void restore_tty() {
    if (s_saved_tty_fd >= 0) tcsetattr(s_saved_tty_fd, TCSANOW, &s_saved_tty);
}

JSValue os_tty_set_raw(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    int32_t fd;
    if (JS_ToInt32(ctx, &fd, argv[0]) < 0) return JS_EXCEPTION;
    termios tty{};
    if (tcgetattr(fd, &tty) != 0) return JS_UNDEFINED;
    if (s_saved_tty_fd < 0) {
        s_saved_tty = tty;
        s_saved_tty_fd = fd;
        atexit(restore_tty); // the terminal comes back as it was when the process exits
    }
    tty.c_iflag &= ~static_cast<tcflag_t>(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
    tty.c_oflag |= OPOST;
    tty.c_lflag &= ~static_cast<tcflag_t>(ECHO | ECHONL | ICANON | IEXTEN);
    tty.c_cflag &= ~static_cast<tcflag_t>(CSIZE | PARENB);
    tty.c_cflag |= CS8;
    tty.c_cc[VMIN] = 1;
    tty.c_cc[VTIME] = 0;
    tcsetattr(fd, TCSANOW, &tty);
    return JS_UNDEFINED;
}

#else

// WASI preview1 has no terminal control: no window size (null, as for a non-terminal), raw mode a no-op.
JSValue os_tty_get_win_size(JSContext*, JSValueConst, int, JSValueConst*) {
    return JS_NULL;
}
JSValue os_tty_set_raw(JSContext*, JSValueConst, int, JSValueConst*) {
    return JS_UNDEFINED;
}

#endif

JSValue os_remove(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    std::string path;
    if (!path_arg(ctx, argv[0], &path)) return JS_EXCEPTION;
    return errno_result(ctx, remove(path.c_str()));
}

JSValue os_rename(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    std::string from, to;
    if (!path_arg(ctx, argv[0], &from) || !path_arg(ctx, argv[1], &to)) return JS_EXCEPTION;
    return errno_result(ctx, rename(from.c_str(), to.c_str()));
}

JSValue os_realpath(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    std::string path;
    if (!path_arg(ctx, argv[0], &path)) return JS_EXCEPTION;
    std::string full;
    int err = real_path(path.c_str(), &full);
    return value_error_pair(ctx, JS_NewString(ctx, err ? "" : full.c_str()), err);
}

JSValue os_getcwd(JSContext* ctx, JSValueConst, int, JSValueConst*) {
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof buf)) return value_error_pair(ctx, JS_NewString(ctx, ""), errno);
    return value_error_pair(ctx, JS_NewString(ctx, buf), 0);
}

JSValue os_chdir(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    std::string path;
    if (!path_arg(ctx, argv[0], &path)) return JS_EXCEPTION;
    return errno_result(ctx, chdir(path.c_str()));
}

JSValue os_mkdir(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    std::string path;
    int32_t mode = 0777;
    if (!path_arg(ctx, argv[0], &path)) return JS_EXCEPTION;
    if (argc > 1 && !JS_IsUndefined(argv[1]) && JS_ToInt32(ctx, &mode, argv[1]) < 0) return JS_EXCEPTION;
    return errno_result(ctx, mkdir(path.c_str(), static_cast<mode_t>(mode)));
}

double ms_of(const timespec& t) {
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec / 1000000);
}

// stat(path) (magic 0) and lstat(path) (magic 1)
JSValue os_stat(JSContext* ctx, JSValueConst, int, JSValueConst* argv, int is_lstat) {
    std::string path;
    if (!path_arg(ctx, argv[0], &path)) return JS_EXCEPTION;
    struct stat st {};
    int r = is_lstat ? lstat(path.c_str(), &st) : stat(path.c_str(), &st);
    if (r < 0) return value_error_pair(ctx, JS_NULL, errno);
    JSValue o = JS_NewObject(ctx);
    if (JS_IsException(o)) return o;
    struct Field {
        const char* name;
        double value;
    } fields[] = {
        {"dev", double(st.st_dev)},     {"ino", double(st.st_ino)},   {"mode", double(st.st_mode)},
        {"nlink", double(st.st_nlink)}, {"uid", double(st.st_uid)},   {"gid", double(st.st_gid)},
        {"rdev", double(st.st_rdev)},   {"size", double(st.st_size)}, {"blocks", double(st.st_blocks)},
        {"atime", ms_of(st.st_atim)},   {"mtime", ms_of(st.st_mtim)}, {"ctime", ms_of(st.st_ctim)},
    };
    for (const Field& f : fields) {
        if (JS_DefinePropertyValueStr(ctx, o, f.name, JS_NewFloat64(ctx, f.value), JS_PROP_C_W_E) < 0) {
            JS_FreeValue(ctx, o);
            return JS_EXCEPTION;
        }
    }
    return value_error_pair(ctx, o, 0);
}

JSValue os_utimes(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    std::string path;
    int64_t atime, mtime;
    if (!path_arg(ctx, argv[0], &path) || JS_ToInt64(ctx, &atime, argv[1]) < 0 ||
        JS_ToInt64(ctx, &mtime, argv[2]) < 0)
        return JS_EXCEPTION;
    timeval times[2];
    times[0].tv_sec = static_cast<time_t>(atime / 1000);
    times[0].tv_usec = static_cast<suseconds_t>((atime % 1000) * 1000);
    times[1].tv_sec = static_cast<time_t>(mtime / 1000);
    times[1].tv_usec = static_cast<suseconds_t>((mtime % 1000) * 1000);
    return errno_result(ctx, utimes(path.c_str(), times));
}

JSValue os_symlink(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    std::string target, link;
    if (!path_arg(ctx, argv[0], &target) || !path_arg(ctx, argv[1], &link)) return JS_EXCEPTION;
    return errno_result(ctx, symlink(target.c_str(), link.c_str()));
}

JSValue os_readlink(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    std::string path;
    if (!path_arg(ctx, argv[0], &path)) return JS_EXCEPTION;
    char buf[PATH_MAX];
    ssize_t n = readlink(path.c_str(), buf, sizeof buf - 1);
    if (n < 0) return value_error_pair(ctx, JS_NewString(ctx, ""), errno);
    return value_error_pair(ctx, JS_NewStringLen(ctx, buf, static_cast<size_t>(n)), 0);
}

JSValue os_readdir(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    std::string path;
    if (!path_arg(ctx, argv[0], &path)) return JS_EXCEPTION;
    DIR* d = opendir(path.c_str());
    if (!d) return value_error_pair(ctx, JS_NULL, errno);
    JSValue a = JS_NewArray(ctx);
    uint32_t i = 0;
    while (!JS_IsException(a)) {
        dirent* e = readdir(d);
        if (!e) break;
        if (JS_SetPropertyUint32(ctx, a, i++, JS_NewString(ctx, e->d_name)) < 0) {
            JS_FreeValue(ctx, a);
            a = JS_EXCEPTION;
        }
    }
    closedir(d);
    return value_error_pair(ctx, a, 0);
}

#if !defined(__wasi__)
JSValue os_dup(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    int32_t fd;
    if (JS_ToInt32(ctx, &fd, argv[0]) < 0) return JS_EXCEPTION;
    return errno_result(ctx, dup(fd));
}

JSValue os_dup2(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    int32_t fd, fd2;
    if (JS_ToInt32(ctx, &fd, argv[0]) < 0 || JS_ToInt32(ctx, &fd2, argv[1]) < 0) return JS_EXCEPTION;
    return errno_result(ctx, dup2(fd, fd2));
}

JSValue os_pipe(JSContext* ctx, JSValueConst, int, JSValueConst*) {
    int fds[2];
    if (pipe(fds) < 0) return JS_NULL;
    JSValue a = JS_NewArray(ctx);
    if (JS_IsException(a)) return a;
    JS_SetPropertyUint32(ctx, a, 0, JS_NewInt32(ctx, fds[0]));
    JS_SetPropertyUint32(ctx, a, 1, JS_NewInt32(ctx, fds[1]));
    return a;
}

#else

// WASI preview1 cannot duplicate descriptors or make pipes: these throw, as the process functions do.
JSValue not_under_wasi(JSContext* ctx, const char* name) {
    return JS_ThrowTypeError(ctx, "os.%s: not available under WASI", name);
}
JSValue os_dup(JSContext* ctx, JSValueConst, int, JSValueConst*) {
    return not_under_wasi(ctx, "dup");
}
JSValue os_dup2(JSContext* ctx, JSValueConst, int, JSValueConst*) {
    return not_under_wasi(ctx, "dup2");
}
JSValue os_pipe(JSContext* ctx, JSValueConst, int, JSValueConst*) {
    return not_under_wasi(ctx, "pipe");
}

#endif

} // namespace

const JSCFunctionListEntry k_os_file_functions[] = {
    JS_CFUNC_DEF("open", 2, os_open),
    JS_CFUNC_DEF("close", 1, os_close),
    JS_CFUNC_DEF("seek", 3, os_seek),
    JS_CFUNC_MAGIC_DEF("read", 4, os_read_write, 0),
    JS_CFUNC_MAGIC_DEF("write", 4, os_read_write, 1),
    JS_CFUNC_DEF("isatty", 1, os_isatty),
    JS_CFUNC_DEF("ttyGetWinSize", 1, os_tty_get_win_size),
    JS_CFUNC_DEF("ttySetRaw", 1, os_tty_set_raw),
    JS_CFUNC_DEF("remove", 1, os_remove),
    JS_CFUNC_DEF("rename", 2, os_rename),
    JS_CFUNC_DEF("realpath", 1, os_realpath),
    JS_CFUNC_DEF("getcwd", 0, os_getcwd),
    JS_CFUNC_DEF("chdir", 1, os_chdir),
    JS_CFUNC_DEF("mkdir", 1, os_mkdir),
    JS_CFUNC_MAGIC_DEF("stat", 1, os_stat, 0),
    JS_CFUNC_MAGIC_DEF("lstat", 1, os_stat, 1),
    JS_CFUNC_DEF("utimes", 3, os_utimes),
    JS_CFUNC_DEF("symlink", 2, os_symlink),
    JS_CFUNC_DEF("readlink", 1, os_readlink),
    JS_CFUNC_DEF("readdir", 1, os_readdir),
    JS_CFUNC_DEF("dup", 1, os_dup),
    JS_CFUNC_DEF("dup2", 2, os_dup2),
    JS_CFUNC_DEF("pipe", 0, os_pipe),
#define OS_CONST(c) JS_PROP_INT32_DEF(#c, c, JS_PROP_CONFIGURABLE)
    OS_CONST(O_RDONLY),
    OS_CONST(O_WRONLY),
    OS_CONST(O_RDWR),
    OS_CONST(O_APPEND),
    OS_CONST(O_CREAT),
    OS_CONST(O_EXCL),
    OS_CONST(O_TRUNC),
    OS_CONST(S_IFMT),
    OS_CONST(S_IFIFO),
    OS_CONST(S_IFCHR),
    OS_CONST(S_IFDIR),
    OS_CONST(S_IFBLK),
    OS_CONST(S_IFREG),
    OS_CONST(S_IFSOCK),
    OS_CONST(S_IFLNK),
    OS_CONST(S_ISGID),
    OS_CONST(S_ISUID),
#undef OS_CONST
};
const int k_os_file_function_count = sizeof k_os_file_functions / sizeof k_os_file_functions[0];

} // namespace qjs::libc
