/*
 * ps_tilt.c - tilt angles from gravity. See ps_tilt.h.
 */
#include "ps_tilt.h"
#include <math.h>

#define CENTIDEG_PER_RAD 5729.5779513f

static int16_t to_centideg(float rad)
{
    float cd = rad * CENTIDEG_PER_RAD;
    /* +-180 deg fits an i16 in 0.01 deg (max 18000); round half away from zero. */
    return (int16_t)(cd < 0.0f ? cd - 0.5f : cd + 0.5f);
}

void ps_tilt_from_accel(const int16_t accel[3], int16_t *pitch_centideg, int16_t *roll_centideg)
{
    float ax = (float)accel[0], ay = (float)accel[1], az = (float)accel[2];
    *pitch_centideg = to_centideg(atan2f(az, ax));
    *roll_centideg = to_centideg(atan2f(ay, sqrtf(ax * ax + az * az)));
}
