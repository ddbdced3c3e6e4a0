/*
 * ps_tilt.h - sagittal and frontal inclination from one accelerometer reading
 * (the "on-device fusion" build's angles).
 *
 * Axes as mounted (SPEC, RAW): +x toward the head along the spine, +y toward
 * the wearer's left, +z away from the body. Upright and still the sensor
 * reads +1 g on x. Pitch is positive when the top tilts forward (the back
 * face turns up: +z grows), roll positive when the top tilts to the wearer's
 * right (+y grows):
 *   pitch = atan2(az, ax)            roll = atan2(ay, sqrt(ax^2 + az^2))
 * Gravity only: good for slow postures, fooled by acceleration while walking
 * (the host's filters and activity rules expect that).
 */
#ifndef PS_TILT_H
#define PS_TILT_H

#include <stdint.h>

/* accel: raw x, y, z (any common scale). Angles in 0.01 deg. */
void ps_tilt_from_accel(const int16_t accel[3], int16_t *pitch_centideg, int16_t *roll_centideg);

#endif /* PS_TILT_H */
