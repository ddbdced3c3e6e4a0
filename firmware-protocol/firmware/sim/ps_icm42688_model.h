/*
 * ps_icm42688_model.h - an ICM-42688-P as its I2C registers behave
 * (datasheet DS-000347, user bank 0), fed with a physical signal.
 *
 * It stands in for the chip on the host tests' fake bus and on the emulated
 * board (QEMU has no I2C sensors): WHO_AM_I, the power modes, the full-scale
 * and ODR fields, big-endian data registers that read -32768 while a sensor
 * is off, auto-increment, and a "present" switch that makes it stop
 * answering (NACK) like an unplugged or browned-out sensor.
 */
#ifndef PS_ICM42688_MODEL_H
#define PS_ICM42688_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include "ps_motion.h"

typedef struct {
    uint8_t  addr7;
    uint8_t  present;
    uint8_t  regs[128];       /* bank 0 */
    ps_motion_imu signal;     /* what the sensor feels now */
    uint32_t reads, writes;   /* transactions answered */
} ps_icm42688_model;

/* Power-on state: registers at their reset values, sensors off, present. */
void ps_icm42688_model_init(ps_icm42688_model *m, uint8_t addr7);

/* Power cycle (as after coming back from a brown-out): reset values again. */
void ps_icm42688_model_reset(ps_icm42688_model *m);

/* Return 0, or -1 (NACK) when not present. */
int ps_icm42688_model_write(ps_icm42688_model *m, uint8_t reg, const uint8_t *data, size_t len);
int ps_icm42688_model_read(ps_icm42688_model *m, uint8_t reg, uint8_t *data, size_t len);

/* The full scales the registers select now (16 g / 2000 dps after reset). */
unsigned ps_icm42688_model_accel_fs_g(const ps_icm42688_model *m);
unsigned ps_icm42688_model_gyro_fs_dps(const ps_icm42688_model *m);

#endif /* PS_ICM42688_MODEL_H */
