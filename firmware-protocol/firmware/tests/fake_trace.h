/*
 * fake_trace.h - a register trace (README, register traces): per sample, the
 * 12 data registers ACCEL_DATA_X1..GYRO_DATA_Z0 of the lumbar and the pelvis
 * ICM-42688-P, as the simulator's realistic IMU model produced them.
 */
#ifndef FAKE_TRACE_H
#define FAKE_TRACE_H

#include <stdint.h>

#define FAKE_TRACE_MAX_SAMPLES 4096
#define FAKE_TRACE_DATA_BYTES  12u

typedef struct {
    uint16_t rate_hz;
    uint8_t  accel_fs_g;
    uint16_t gyro_fs_dps;
    unsigned count;
    uint8_t  regs[FAKE_TRACE_MAX_SAMPLES][2][FAKE_TRACE_DATA_BYTES]; /* [sample][lumbar, pelvis][byte] */
} fake_trace;

/* Reads the trace file; returns 0, or -1 (with a message on stderr) when it is missing or malformed. */
int fake_trace_load(fake_trace *t, const char *path);

/* Register value i16 `axis` (0..2 accel x,y,z; 3..5 gyro x,y,z) of `imu` in sample `k`. */
int16_t fake_trace_value(const fake_trace *t, unsigned k, unsigned imu, unsigned axis);

#endif /* FAKE_TRACE_H */
