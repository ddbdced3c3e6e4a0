/*
 * ps_buzz.c - BUZZ patterns as timed motor phases. See ps_buzz.h.
 */
#include "ps_buzz.h"
#include "psp.h"

void ps_buzz_start(ps_buzz *b, ps_hal *hal, uint8_t pattern, uint16_t duration_ms,
                   uint8_t intensity, uint32_t now_us)
{
    uint32_t ms = duration_ms;
    if (ms == 0u) ms = pattern == PSP_BUZZ_LONG ? PS_BUZZ_DEFAULT_LONG_MS : PS_BUZZ_DEFAULT_SHORT_MS;
    b->intensity = intensity;
    b->phases = pattern == PSP_BUZZ_DOUBLE ? 3u : 1u; /* double: on, off, on */
    b->phase = 0;
    b->phase_us = ms * 1000u;
    b->phase_start_us = now_us;
    if (intensity == 0u) {
        b->phases = 0;
        ps_hal_motor(hal, 0);
        return;
    }
    ps_hal_motor(hal, intensity);
}

void ps_buzz_poll(ps_buzz *b, ps_hal *hal, uint32_t now_us)
{
    while (b->phases != 0u && (uint32_t)(now_us - b->phase_start_us) >= b->phase_us) {
        b->phase_start_us += b->phase_us;
        b->phase++;
        if (b->phase >= b->phases) {
            b->phases = 0;
            ps_hal_motor(hal, 0);
            return;
        }
        /* Even phases drive the motor, odd ones are the pause between pulses. */
        ps_hal_motor(hal, (b->phase & 1u) ? 0u : b->intensity);
    }
}
