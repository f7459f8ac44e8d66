// Assert.h: internal invariant checks. VERIFY stays on in release builds (an engine bug must stop
// the process with a message, never corrupt state); DEBUG_VERIFY is for hot paths.
#pragma once

#include <cstdio>
#include <cstdlib>

#define VERIFY(cond)                                                                                         \
    do {                                                                                                     \
        if (!(cond)) [[unlikely]] {                                                                          \
            std::fprintf(stderr, "VERIFY failed: %s at %s:%d\n", #cond, __FILE__, __LINE__);                 \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (0)

#define VERIFY_NOT_REACHED()                                                                                 \
    do {                                                                                                     \
        std::fprintf(stderr, "VERIFY_NOT_REACHED at %s:%d\n", __FILE__, __LINE__);                           \
        std::abort();                                                                                        \
    } while (0)

#ifdef NDEBUG
#define DEBUG_VERIFY(cond) ((void)0)
#else
#define DEBUG_VERIFY(cond) VERIFY(cond)
#endif
