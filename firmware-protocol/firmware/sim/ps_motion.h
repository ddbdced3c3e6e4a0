/*
 * ps_motion.h - a deterministic wearer for tests and the emulated board: what
 * the two IMUs would feel, and when the button is pressed.
 *
 * The scenario (seconds from the start of streaming):
 *     0 - 12   standing upright; button pressed 2.0-2.2 s (calibrate)
 *    12 - 14   sitting down
 *    14 - 26   sitting upright;  button pressed 17.0-17.2 s (calibrate, sitting)
 *    26 - 28   slumping (lordosis 18 deg flatter than sitting neutral)
 *    28 - 103  slumped sitting: a sustained flattening
 *   103 - 105  sitting up again
 *   105 - 125  sitting upright
 *   125 - 127  standing up, then standing for good
 *   140 - 142  the pelvis IMU stops answering (unplugged), then comes back
 * Noise is a fixed pseudo-random sequence of the time: two runs are identical.
 */
#ifndef PS_MOTION_H
#define PS_MOTION_H

#include <stdint.h>

/* Angles in degrees: lumbar pitch, lumbar roll, pelvis pitch, pelvis roll. */
typedef struct { float lumbar_pitch, lumbar_roll, pelvis_pitch, pelvis_roll; } ps_motion_angles;

/* One IMU's true signal: accelerometer in milli-g (x, y, z), gyroscope in
 * milli-degrees/s (x, y, z), die temperature in 0.01 degC. */
typedef struct { int32_t accel_mg[3]; int32_t gyro_mdps[3]; int16_t temperature_centi_c; } ps_motion_imu;

ps_motion_angles ps_motion_angles_at(uint32_t t_us);

/* Both IMUs at t (index 0 lumbar, 1 pelvis), noise included. */
void ps_motion_imus_at(uint32_t t_us, ps_motion_imu out[2]);

int ps_motion_button_down(uint32_t t_us);

/* 0 while the pelvis IMU is unplugged. */
int ps_motion_pelvis_present(uint32_t t_us);

/* Device-time truth of the scenario, in seconds from the start: when the
 * lordosis crosses the flattening start (-10 deg) and end (-7 deg)
 * thresholds relative to the sitting neutral. */
#define PS_MOTION_FLATTENING_START_S 27.11f
#define PS_MOTION_FLATTENING_END_S   104.22f

#endif /* PS_MOTION_H */
