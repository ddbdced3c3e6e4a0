/*
 * ps_buzz.h - plays a BUZZ pattern on the motor without blocking the loop.
 */
#ifndef PS_BUZZ_H
#define PS_BUZZ_H

#include <stdint.h>
#include "ps_hal.h"

/* Pulse length when BUZZ says duration_ms = 0, per pattern (short, double, long). */
#define PS_BUZZ_DEFAULT_SHORT_MS 150u
#define PS_BUZZ_DEFAULT_LONG_MS  600u

typedef struct {
    uint8_t  intensity;     /* 1..100 while playing */
    uint8_t  phase;         /* index into the on/off phases, phases = done */
    uint8_t  phases;        /* 0 = idle; 1 (on) or 3 (on, off, on) */
    uint32_t phase_us;      /* length of each phase */
    uint32_t phase_start_us;
} ps_buzz;

/* Starts a pattern (1 short, 2 double, 3 long; already validated), replacing
 * one that is playing. Intensity 0 plays nothing. */
void ps_buzz_start(ps_buzz *b, ps_hal *hal, uint8_t pattern, uint16_t duration_ms,
                   uint8_t intensity, uint32_t now_us);

/* Advances the pattern; call from the loop. */
void ps_buzz_poll(ps_buzz *b, ps_hal *hal, uint32_t now_us);

#endif /* PS_BUZZ_H */
