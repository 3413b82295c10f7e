/* LD_PRELOAD shim for the subnormal experiment (run.sh, TOOLS=... manual_ftz): sets the x86
 * MXCSR flush-to-zero (bit 15) and denormals-are-zero (bit 6) bits in the main thread before
 * main() runs, so gradbench's C++ manual tool runs unchanged with subnormals flushed, like
 * our tool with AD_GRADBENCH_FTZ=1. */
#include <xmmintrin.h>

__attribute__((constructor)) static void flush_subnormals(void) {
    _mm_setcsr(_mm_getcsr() | 0x8040);
}
