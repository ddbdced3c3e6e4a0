/*
 * ps_icm42688.h - register driver for the TDK InvenSense ICM-42688-P over I2C.
 *
 * Register addresses and field codes are those of the datasheet (DS-000347,
 * section 14 "Register map", user bank 0). Sensor data registers are
 * big-endian (high byte first), the device's reset default.
 */
#ifndef PS_ICM42688_H
#define PS_ICM42688_H

#include <stdint.h>
#include "ps_hal.h"

/* I2C address: 0x68 with AP_AD0 low, 0x69 with it high. */
#define PS_ICM42688_ADDR_AD0_LOW  0x68u
#define PS_ICM42688_ADDR_AD0_HIGH 0x69u

/* User bank 0 registers used here. */
#define PS_ICM42688_TEMP_DATA1    0x1Du  /* temperature, high byte */
#define PS_ICM42688_ACCEL_DATA_X1 0x1Fu  /* ACCEL_DATA_X1 .. GYRO_DATA_Z0 = 0x1F .. 0x2A */
#define PS_ICM42688_GYRO_DATA_X1  0x25u
#define PS_ICM42688_PWR_MGMT0     0x4Eu  /* GYRO_MODE [3:2], ACCEL_MODE [1:0] */
#define PS_ICM42688_GYRO_CONFIG0  0x4Fu  /* GYRO_FS_SEL [7:5], GYRO_ODR [3:0] */
#define PS_ICM42688_ACCEL_CONFIG0 0x50u  /* ACCEL_FS_SEL [7:5], ACCEL_ODR [3:0] */
#define PS_ICM42688_WHO_AM_I      0x75u
#define PS_ICM42688_REG_BANK_SEL  0x76u

#define PS_ICM42688_WHO_AM_I_VALUE 0x47u
/* PWR_MGMT0: gyroscope and accelerometer both in low-noise mode (0b11 each). */
#define PS_ICM42688_PWR_LOW_NOISE  0x0Fu
/* Data registers read -32768 while a sensor is off or has no sample yet. */
#define PS_ICM42688_NO_DATA        (-32768)

/* Full scales this driver configures (they travel in every RAW frame). */
#define PS_ICM42688_ACCEL_FS_G     4u     /* ACCEL_FS_SEL = 2 (+-4 g) */
#define PS_ICM42688_GYRO_FS_DPS    500u   /* GYRO_FS_SEL  = 2 (+-500 dps) */

typedef struct {
    uint8_t addr7;
} ps_icm42688;

/* One reading: accelerometer x, y, z then gyroscope x, y, z (raw counts),
 * and the die temperature in 0.01 degC. */
typedef struct {
    int16_t ag[6];
    int16_t temperature_centi_c;
} ps_icm42688_reading;

/* Checks WHO_AM_I, selects bank 0 and configures the
 * full scales above with the smallest output data rate >= rate_hz, then
 * switches both sensors on. Returns 0, or -1 when the device is absent or is
 * not an ICM-42688-P. */
int ps_icm42688_init(ps_hal *hal, ps_icm42688 *dev, uint8_t addr7, uint16_t rate_hz);

/* Changes only the output data rate (for START with a new rate). */
int ps_icm42688_set_rate(ps_hal *hal, const ps_icm42688 *dev, uint16_t rate_hz);

/* Reads temperature, accelerometer and gyroscope in one 14-byte burst from
 * TEMP_DATA1. Returns 0, or -1 when the device did not answer. */
int ps_icm42688_read(ps_hal *hal, const ps_icm42688 *dev, ps_icm42688_reading *out);

/* The ODR field code for a rate (exposed for the register-level model). */
uint8_t ps_icm42688_odr_code(uint16_t rate_hz);

#endif /* PS_ICM42688_H */
