/*
 * ps_icm42688.c - ICM-42688-P register driver. See ps_icm42688.h.
 */
#include "ps_icm42688.h"

/* FS_SEL codes (bits [7:5]) for the scales in the header. */
#define ACCEL_FS_SEL_4G    (2u << 5)
#define GYRO_FS_SEL_500DPS (2u << 5)

uint8_t ps_icm42688_odr_code(uint16_t rate_hz)
{
    /* ODR codes shared by ACCEL_ODR and GYRO_ODR: 25 Hz = 0xA, 50 = 0x9,
     * 100 = 0x8, 200 = 0x7, 500 = 0xF. The device samples at least as fast
     * as we read it, so each read sees a fresh sample. */
    if (rate_hz <= 25u) return 0x0Au;
    if (rate_hz <= 50u) return 0x09u;
    if (rate_hz <= 100u) return 0x08u;
    if (rate_hz <= 200u) return 0x07u;
    return 0x0Fu;
}

static int write_reg(ps_hal *hal, uint8_t addr7, uint8_t reg, uint8_t value)
{
    return ps_hal_i2c_write(hal, addr7, reg, &value, 1);
}

int ps_icm42688_set_rate(ps_hal *hal, const ps_icm42688 *dev, uint16_t rate_hz)
{
    uint8_t odr = ps_icm42688_odr_code(rate_hz);
    if (write_reg(hal, dev->addr7, PS_ICM42688_GYRO_CONFIG0, (uint8_t)(GYRO_FS_SEL_500DPS | odr)) != 0) return -1;
    return write_reg(hal, dev->addr7, PS_ICM42688_ACCEL_CONFIG0, (uint8_t)(ACCEL_FS_SEL_4G | odr));
}

int ps_icm42688_init(ps_hal *hal, ps_icm42688 *dev, uint8_t addr7, uint16_t rate_hz)
{
    uint8_t who = 0;
    dev->addr7 = addr7;
    if (ps_hal_i2c_read(hal, addr7, PS_ICM42688_WHO_AM_I, &who, 1) != 0) return -1;
    if (who != PS_ICM42688_WHO_AM_I_VALUE) return -1;
    /* No soft reset: it needs a 1 ms pause, and writing every register this
     * driver relies on has the same effect on a sensor that browned out. */
    if (write_reg(hal, addr7, PS_ICM42688_REG_BANK_SEL, 0x00u) != 0) return -1;
    if (ps_icm42688_set_rate(hal, dev, rate_hz) != 0) return -1;
    /* Sensors on last: configuration writes are not allowed for 200 us after
     * a PWR_MGMT0 change, and the gyroscope needs ~30 ms to settle (its first
     * readings come a few samples later, which the host tolerates). */
    return write_reg(hal, addr7, PS_ICM42688_PWR_MGMT0, PS_ICM42688_PWR_LOW_NOISE);
}

static int16_t be16(const uint8_t *p)
{
    return (int16_t)(uint16_t)(((uint16_t)p[0] << 8) | p[1]);
}

int ps_icm42688_read(ps_hal *hal, const ps_icm42688 *dev, ps_icm42688_reading *out)
{
    uint8_t b[14];
    int i;
    if (ps_hal_i2c_read(hal, dev->addr7, PS_ICM42688_TEMP_DATA1, b, sizeof b) != 0) return -1;
    for (i = 0; i < 6; i++) out->ag[i] = be16(&b[2 + 2 * i]);
    {
        /* Temperature in degC = TEMP_DATA / 132.48 + 25 (datasheet 14.6);
         * in 0.01 degC: raw * 100 / 132.48 + 2500 = raw * 2500 / 3312 + 2500. */
        int32_t raw = be16(&b[0]);
        out->temperature_centi_c = (int16_t)(raw * 2500 / 3312 + 2500);
    }
    return 0;
}
