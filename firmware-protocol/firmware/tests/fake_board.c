/*
 * fake_board.c - the host tests' board. See fake_board.h.
 */
#include "fake_board.h"
#include <string.h>

static ps_icm42688_model *model_at(ps_hal *hal, uint8_t addr7)
{
    unsigned i;
    for (i = 0; i < 2u; i++) if (hal->imu[i].addr7 == addr7) return &hal->imu[i];
    return NULL; /* nobody at that address: NACK */
}

int ps_hal_i2c_write(ps_hal *hal, uint8_t addr7, uint8_t reg, const uint8_t *data, size_t len)
{
    ps_icm42688_model *m = model_at(hal, addr7);
    return m == NULL ? -1 : ps_icm42688_model_write(m, reg, data, len);
}

/* The trace sample the data registers hold now, or -1 outside the trace. */
static long replay_sample(const ps_hal *hal)
{
    uint32_t period = 1000000u / hal->replay->rate_hz;
    uint32_t since = hal->now_us - hal->replay_origin_us;
    long k = (long)(since / period) - 1;
    return k >= 0 && k < (long)hal->replay->count ? k : -1;
}

/* Replaces the data-register bytes of a read with the trace's, while both sensors are on. */
static void replay_data(const ps_hal *hal, const ps_icm42688_model *m, uint8_t reg, uint8_t *data, size_t len)
{
    unsigned imu = m == &hal->imu[0] ? 0u : 1u;
    long k = replay_sample(hal);
    size_t i;
    if (k < 0 || (m->regs[PS_ICM42688_PWR_MGMT0] & 0x0Fu) != PS_ICM42688_PWR_LOW_NOISE) return;
    for (i = 0; i < len; i++) {
        unsigned r = (unsigned)reg + (unsigned)i;
        if (r >= PS_ICM42688_ACCEL_DATA_X1 && r < PS_ICM42688_ACCEL_DATA_X1 + FAKE_TRACE_DATA_BYTES)
            data[i] = hal->replay->regs[k][imu][r - PS_ICM42688_ACCEL_DATA_X1];
    }
}

int ps_hal_i2c_read(ps_hal *hal, uint8_t addr7, uint8_t reg, uint8_t *data, size_t len)
{
    ps_icm42688_model *m = model_at(hal, addr7);
    if (m == NULL || ps_icm42688_model_read(m, reg, data, len) != 0) return -1;
    if (hal->replay != NULL) replay_data(hal, m, reg, data, len);
    return 0;
}

uint32_t ps_hal_micros(ps_hal *hal) { return hal->now_us; }

static void on_frame(void *ctx, const psp_msg *msg)
{
    ps_hal *hal = (ps_hal *)ctx;
    if (hal->frame_count < FAKE_MAX_MSGS) {
        hal->frames[hal->frame_count].msg = *msg;
        hal->frames[hal->frame_count].at_us = hal->now_us;
        hal->frame_count++;
    }
}

void ps_hal_link_write(ps_hal *hal, const uint8_t *data, size_t len)
{
    hal->bytes_written += len;
    psp_decoder_feed(&hal->link, data, len, on_frame, hal);
}

void ps_hal_motor(ps_hal *hal, uint8_t intensity_pct)
{
    if (hal->motor == 0u && intensity_pct != 0u) hal->motor_starts++;
    hal->motor = intensity_pct;
}

int ps_hal_button_down(ps_hal *hal) { return hal->button; }

uint16_t ps_hal_battery_mv(ps_hal *hal) { return hal->battery_mv; }

void ps_hal_log(ps_hal *hal, const char *line)
{
    hal->log_lines++;
    strncpy(hal->last_log, line, sizeof hal->last_log - 1u);
    hal->last_log[sizeof hal->last_log - 1u] = '\0';
    if (strncmp(line, "buzz", 4) == 0) hal->buzz_logs++;
}

static void follow_motion(ps_hal *hal)
{
    ps_motion_imu imus[2];
    uint32_t t = hal->now_us - hal->motion_origin_us;
    ps_motion_imus_at(t, imus);
    hal->imu[0].signal = imus[0];
    hal->imu[1].signal = imus[1];
    hal->button = ps_motion_button_down(t);
}

void fake_board_boot(fake_board *b)
{
    ps_device_config cfg;
    memset(&b->hal, 0, sizeof b->hal);
    b->hal.now_us = 1000000u;
    b->hal.motion_origin_us = b->hal.now_us;
    b->hal.follow_motion = 1;
    b->hal.battery_mv = 3900;
    ps_icm42688_model_init(&b->hal.imu[0], PS_ICM42688_ADDR_AD0_LOW);
    ps_icm42688_model_init(&b->hal.imu[1], PS_ICM42688_ADDR_AD0_HIGH);
    psp_decoder_init(&b->hal.link);
    follow_motion(&b->hal);
    b->host_seq = 100;
    ps_device_config_defaults(&cfg);
    cfg.device_id = 0x0123456789abcdefull;
    cfg.name = "fw-test";
    ps_device_init(&b->dev, &b->hal, &cfg);
}

void fake_board_replay(fake_board *b, const fake_trace *t)
{
    b->hal.replay = t;
    b->hal.replay_origin_us = b->hal.now_us;
    b->hal.follow_motion = 0;
}

void fake_board_run_ms(fake_board *b, uint32_t ms)
{
    uint32_t i;
    for (i = 0; i < ms * 4u; i++) {
        b->hal.now_us += 250u; /* polled every 250 us: 400 Hz has an exact grid */
        if (b->hal.follow_motion) follow_motion(&b->hal);
        ps_device_poll(&b->dev);
    }
}

void fake_board_send(fake_board *b, const psp_msg *cmd)
{
    uint8_t frame[PSP_MAX_FRAME];
    size_t n = psp_encode(cmd, frame, sizeof frame);
    ps_device_receive(&b->dev, frame, n);
}

static void send_simple(fake_board *b, uint8_t type)
{
    psp_msg m;
    memset(&m, 0, sizeof m);
    m.type = type;
    m.seq = b->host_seq++;
    fake_board_send(b, &m);
}

void fake_board_start(fake_board *b, uint16_t rate_hz)
{
    psp_msg m;
    memset(&m, 0, sizeof m);
    m.type = PSP_START;
    m.seq = b->host_seq++;
    m.u.start.sample_rate_hz = rate_hz;
    fake_board_send(b, &m);
}

void fake_board_stop(fake_board *b) { send_simple(b, PSP_STOP); }

void fake_board_identify(fake_board *b) { send_simple(b, PSP_IDENTIFY); }

unsigned fake_board_find(const fake_board *b, unsigned from, uint8_t type, const fake_frame **out, unsigned max)
{
    unsigned i, n = 0;
    for (i = from; i < b->hal.frame_count; i++) {
        if (b->hal.frames[i].msg.type != type) continue;
        if (out != NULL && n < max) out[n] = &b->hal.frames[i];
        n++;
    }
    return n;
}
