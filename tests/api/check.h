/* check.h: the CHECK macro of the C test programs (api_c_test.c, tests/libc/reactor_loop.c): counts passed
   checks and prints each failed one; the program prints "N passed, N failed" from the two counters. */
#ifndef QJS_TESTS_CHECK_H
#define QJS_TESTS_CHECK_H

#include <stdio.h>

static int g_passed, g_failed;

#define CHECK(cond)                                                                                          \
    do {                                                                                                     \
        if (cond)                                                                                            \
            g_passed++;                                                                                      \
        else {                                                                                               \
            g_failed++;                                                                                      \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                                           \
        }                                                                                                    \
    } while (0)

#endif
