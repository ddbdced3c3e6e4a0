/*
 * ps_icm42688_model.c - register-level ICM-42688-P. See ps_icm42688_model.h.
 */
#include "ps_icm42688_model.h"
#include "ps_icm42688.h"

void ps_icm42688_model_reset(ps_icm42688_model *m)
{
    unsigned i;
    for (i = 0; i < sizeof m->regs; i++) m->regs[i] = 0;
    /* Reset values from the register map: 2000 dps / 16 g at 1 kHz, sensors off. */
    m->regs[PS_ICM42688_GYRO_CONFIG0] = 0x06;
    m->regs[PS_ICM42688_ACCEL_CONFIG0] = 0x06;
    m->regs[PS_ICM42688_WHO_AM_I] = PS_ICM42688_WHO_AM_I_VALUE;
}

void ps_icm42688_model_init(ps_icm42688_model *m, uint8_t addr7)
{
    m->addr7 = addr7;
    m->present = 1;
    m->reads = m->writes = 0;
    m->signal.accel_mg[0] = 1000;
    m->signal.accel_mg[1] = m->signal.accel_mg[2] = 0;
    m->signal.gyro_mdps[0] = m->signal.gyro_mdps[1] = m->signal.gyro_mdps[2] = 0;
    m->signal.temperature_centi_c = 2500;
    ps_icm42688_model_reset(m);
}

unsigned ps_icm42688_model_accel_fs_g(const ps_icm42688_model *m)
{
    return 16u >> (m->regs[PS_ICM42688_ACCEL_CONFIG0] >> 5 & 0x3u); /* FS_SEL 0..3 = 16, 8, 4, 2 g */
}

unsigned ps_icm42688_model_gyro_fs_dps(const ps_icm42688_model *m)
{
    return 2000u >> (m->regs[PS_ICM42688_GYRO_CONFIG0] >> 5 & 0x7u); /* 0..4 = 2000 .. 125 dps */
}

static int16_t counts(int32_t milli, uint32_t full_scale)
{
    /* raw = value / full_scale * 32768, saturated like the ADC. */
    int32_t raw = (int32_t)((int64_t)milli * 32768 / ((int64_t)full_scale * 1000));
    if (raw > 32767) raw = 32767;
    if (raw < -32767) raw = -32767;
    return (int16_t)raw;
}

/* The value register `reg` would hold now (data registers are computed). */
static uint8_t reg_value(const ps_icm42688_model *m, uint8_t reg)
{
    uint8_t pwr = m->regs[PS_ICM42688_PWR_MGMT0];
    int16_t v;
    if (m->regs[PS_ICM42688_REG_BANK_SEL] != 0u && reg != PS_ICM42688_REG_BANK_SEL) return 0; /* other banks: not modelled */
    if (reg >= PS_ICM42688_TEMP_DATA1 && reg <= PS_ICM42688_GYRO_DATA_X1 + 5u) {
        unsigned idx = (unsigned)(reg - PS_ICM42688_TEMP_DATA1) / 2u; /* 0 temp, 1..3 accel, 4..6 gyro */
        if (idx == 0u) {
            /* TEMP_DATA = (degC - 25) * 132.48 */
            v = (pwr & 0x0Fu) == 0u ? PS_ICM42688_NO_DATA
                : (int16_t)(((int32_t)m->signal.temperature_centi_c - 2500) * 3312 / 2500);
        } else if (idx <= 3u) {
            v = (pwr & 0x03u) == 0u ? PS_ICM42688_NO_DATA
                : counts(m->signal.accel_mg[idx - 1u], ps_icm42688_model_accel_fs_g(m));
        } else {
            v = (pwr & 0x0Cu) == 0u ? PS_ICM42688_NO_DATA
                : counts(m->signal.gyro_mdps[idx - 4u], ps_icm42688_model_gyro_fs_dps(m));
        }
        return (uint8_t)((reg - PS_ICM42688_TEMP_DATA1) % 2u == 0u ? (uint16_t)v >> 8 : (uint16_t)v & 0xFFu);
    }
    return m->regs[reg & 0x7Fu];
}

int ps_icm42688_model_read(ps_icm42688_model *m, uint8_t reg, uint8_t *data, size_t len)
{
    size_t i;
    if (!m->present) return -1;
    m->reads++;
    for (i = 0; i < len; i++) data[i] = reg_value(m, (uint8_t)((reg + i) & 0x7Fu));
    return 0;
}

int ps_icm42688_model_write(ps_icm42688_model *m, uint8_t reg, const uint8_t *data, size_t len)
{
    size_t i;
    if (!m->present) return -1;
    m->writes++;
    for (i = 0; i < len; i++) {
        uint8_t r = (uint8_t)((reg + i) & 0x7Fu);
        if (r == PS_ICM42688_WHO_AM_I) continue; /* read-only */
        m->regs[r] = data[i];
    }
    return 0;
}
