// restore_fuzzer.cpp: libFuzzer target for heap snapshot restore (src/snapshot/HeapReader).
//
// The input is a snapshot. Its header's payload length and CRC-32 are recomputed before the restore,
// so mutations reach the payload's parser and validators instead of stopping at the checksum (the
// checksum path itself is covered by tests/unit/HeapSnapshotTest.cpp). A restore that succeeds is
// written out again, which walks every restored cell, and the engine is freed (LeakSanitizer checks
// that nothing is left). No restored code is run: the format promises a safe restore, while running
// code from hostile bytes is bounded by other means (time limits, the bytecode validator).
//
// Build and run: bash fuzz/build.sh, then build-fuzz/restore_fuzzer fuzz/corpus/restore.
#include "api/Engine.h"
#include "snapshot/ByteStream.h"
#include "snapshot/HeapSnapshot.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace {

void put_le(uint8_t* p, uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i)
        p[i] = static_cast<uint8_t>(v >> (8 * i));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace qjs::api;
    constexpr size_t header = qjs::snapshot_format::kHeaderSize; // ... u64 length at 16, u32 CRC at 24
    std::vector<uint8_t> bytes(data, data + size);
    if (bytes.size() >= header) {
        put_le(bytes.data() + 16, bytes.size() - header, 8);
        put_le(bytes.data() + 24, qjs::crc32(bytes.data() + header, bytes.size() - header), 4);
    }
    std::string error;
    Realm* realm = nullptr;
    Engine* engine = snapshot_restore(bytes.data(), bytes.size(), 64u << 20, &realm, error);
    if (!engine) return 0;
    std::vector<uint8_t> again;
    snapshot_write(engine, again, error);
    realm_free(realm);
    engine_free(engine);
    return 0;
}
