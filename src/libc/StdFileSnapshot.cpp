// StdFileSnapshot.cpp: std's FILE objects in heap snapshots (JS_SetClassSnapshotHooks).
//
// Only the standard streams can be saved: std.in, std.out and std.err (and other FILE objects over
// the same streams) are written as their stream number and restored as the new process's stdin,
// stdout and stderr. A regular file, a pipe or a temporary file cannot be reopened faithfully in
// another process (its path may be gone, its offset stale, a pipe's peer dead), so a snapshot holding
// one is refused with an error naming the class; close it (f.close()) before saving. docs/SNAPSHOT.md.
#include "libc/LibcState.h"

namespace qjs::libc {

namespace {

int write_file(JSRuntime*, JSValueConst, void* opaque, JSSnapshotWriter* w) {
    auto* s = static_cast<StdFile*>(opaque);
    uint64_t stream;
    if (!s || !s->f)
        stream = 3; // closed
    else if (s->f == stdin)
        stream = 0;
    else if (s->f == stdout)
        stream = 1;
    else if (s->f == stderr)
        stream = 2;
    else {
        JS_SnapshotWriterRefuse(w, "only std.in, std.out and std.err can be saved (close other files first)");
        return -1;
    }
    JS_SnapshotWriteU64(w, stream);
    return 0;
}

int read_file(JSRuntime* rt, JSSnapshotReader* r, void** popaque) {
    uint64_t stream;
    if (JS_SnapshotReadU64(r, &stream) < 0 || stream > 3) return -1;
    auto* s = static_cast<StdFile*>(js_mallocz_rt(rt, sizeof(StdFile)));
    if (!s) return -1;
    FILE* streams[] = {stdin, stdout, stderr, nullptr};
    s->f = streams[stream];
    s->is_popen = false;
    *popaque = s;
    return 0;
}

} // namespace

void install_file_snapshot_hooks(JSRuntime* rt) {
    JS_SetClassSnapshotHooks(rt, file_class_id(), write_file, read_file);
}

} // namespace qjs::libc
