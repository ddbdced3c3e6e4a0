/*
 * ps_device.c - the device program. See ps_device.h.
 */
#include "ps_device.h"
#ifdef PS_FW_ON_DEVICE_FUSION
#include "ps_tilt.h"
#endif

/* ---- small helpers -------------------------------------------------------- */

static int due(uint32_t now, uint32_t at)
{
    return (int32_t)(now - at) >= 0; /* wrap-safe for spans under 35 min */
}

static uint8_t imu_bit(unsigned i)
{
    return i == PS_IMU_LUMBAR ? PSP_RAW_LUMBAR : PSP_RAW_PELVIS;
}

/* A log line without printf (which would cost several KB of flash). */
typedef struct { char text[80]; unsigned len; } line_buf;

static void line_str(line_buf *l, const char *s)
{
    while (*s != '\0' && l->len + 1u < sizeof l->text) l->text[l->len++] = *s++;
    l->text[l->len] = '\0';
}

static void line_u32(line_buf *l, uint32_t v)
{
    char digits[10];
    unsigned n = 0;
    do { digits[n++] = (char)('0' + v % 10u); v /= 10u; } while (v != 0u);
    while (n > 0u && l->len + 1u < sizeof l->text) l->text[l->len++] = digits[--n];
    l->text[l->len] = '\0';
}

/* ---- frames to the host ---------------------------------------------------- */

static void send(ps_device *d, size_t len)
{
    if (len == 0u) return; /* encoder refused: a bug, never bytes on the wire */
    d->tx_seq++;
    ps_hal_link_write(d->hal, d->frame, len);
}

static void send_hello(ps_device *d)
{
    psp_hello h;
    const char *name = d->cfg.name != 0 ? d->cfg.name : "";
    uint8_t n = 0;
    h.device_id = d->cfg.device_id;
    h.fw_major = PS_FW_MAJOR;
    h.fw_minor = PS_FW_MINOR;
    h.fw_patch = PS_FW_PATCH;
    h.sample_rate_hz = d->rate_hz;
    h.sensor_mask = PSP_SENSOR_LUMBAR | PSP_SENSOR_PELVIS; /* fitted; faults travel in STATUS */
    while (name[n] != '\0' && n < PSP_MAX_NAME) { h.name[n] = (uint8_t)name[n]; n++; }
    h.name_len = n;
    send(d, psp_encode_hello(d->tx_seq, &h, d->frame, sizeof d->frame));
}

static void send_ack(ps_device *d, uint16_t seq, uint8_t type, uint8_t result)
{
    psp_ack a;
    a.acked_seq = seq;
    a.acked_type = type;
    a.result = result;
    send(d, psp_encode_ack(d->tx_seq, &a, d->frame, sizeof d->frame));
}

static void send_event(ps_device *d, uint8_t code, uint8_t arg)
{
    psp_event e;
    e.tick_us = ps_hal_micros(d->hal);
    e.code = code;
    e.arg = arg;
    send(d, psp_encode_event(d->tx_seq, &e, d->frame, sizeof d->frame));
}

/* Piecewise-linear charge curve of a Li-ion/LiPo cell at light load. */
static uint8_t battery_pct(uint16_t mv)
{
    static const uint16_t curve_mv[] = { 3300, 3500, 3700, 3800, 3950, 4100, 4200 };
    static const uint8_t curve_pct[] = { 0, 10, 40, 60, 80, 95, 100 };
    unsigned i;
    if (mv == 0u) return PSP_BATTERY_PCT_UNKNOWN;
    if (mv <= curve_mv[0]) return 0;
    for (i = 1; i < sizeof curve_mv / sizeof curve_mv[0]; i++) {
        if (mv <= curve_mv[i]) {
            uint32_t span = (uint32_t)(curve_mv[i] - curve_mv[i - 1]);
            uint32_t into = (uint32_t)(mv - curve_mv[i - 1]);
            return (uint8_t)(curve_pct[i - 1] + (curve_pct[i] - curve_pct[i - 1]) * into / span);
        }
    }
    return 100;
}

static void send_status(ps_device *d, uint16_t battery_mv)
{
    psp_status s;
    s.battery_mv = battery_mv;
    s.battery_pct = battery_pct(battery_mv);
    s.temperature_centi_c = d->temperature_centi_c;
    s.flags = 0;
    if (!(d->imu_ok & PSP_RAW_LUMBAR)) s.flags |= PSP_STATUS_LUMBAR_FAULT;
    if (!(d->imu_ok & PSP_RAW_PELVIS)) s.flags |= PSP_STATUS_PELVIS_FAULT;
    send(d, psp_encode_status(d->tx_seq, &s, d->frame, sizeof d->frame));
    d->last_status_us = ps_hal_micros(d->hal);
}

/* ---- batching -------------------------------------------------------------- */

static void flush_batch(ps_device *d)
{
    if (d->batch.count == 0u) return;
#ifdef PS_FW_ON_DEVICE_FUSION
    send(d, psp_encode_samples(d->tx_seq, &d->batch, d->frame, sizeof d->frame));
#else
    send(d, psp_encode_raw_imu(d->tx_seq, &d->batch, d->frame, sizeof d->frame));
#endif
    d->batch.count = 0;
}

/* Sent when the batch is full, or when waiting for the next sample would make
 * the oldest one older than 50 ms. */
static int batch_is_due(const ps_device *d, uint32_t tick)
{
    uint32_t age_at_next;
    if (d->batch.count >= PS_BATCH_MAX_SAMPLES) return 1;
    age_at_next = (uint32_t)(tick - d->batch.samples[0].tick_us) + d->period_us;
    return age_at_next >= PS_BATCH_MAX_AGE_US;
}

static void append_sample(ps_device *d, uint32_t tick, const ps_icm42688_reading r[2])
{
#ifdef PS_FW_ON_DEVICE_FUSION
    psp_sample *s = &d->batch.samples[d->batch.count];
    s->tick_us = tick;
    s->lumbar_pitch = s->lumbar_roll = PSP_ANGLE_NA;
    s->pelvis_pitch = s->pelvis_roll = PSP_ANGLE_NA;
    if (d->imu_ok & PSP_RAW_LUMBAR) ps_tilt_from_accel(r[0].ag, &s->lumbar_pitch, &s->lumbar_roll);
    if (d->imu_ok & PSP_RAW_PELVIS) ps_tilt_from_accel(r[1].ag, &s->pelvis_pitch, &s->pelvis_roll);
    d->batch.count++;
#else
    psp_raw_sample *s = &d->batch.samples[d->batch.count];
    unsigned k;
    if (d->batch.count > 0u && d->batch.imu_mask != d->imu_ok) {
        flush_batch(d); /* one imu_mask per frame: a fault or recovery starts a new one */
        s = &d->batch.samples[0];
    }
    d->batch.imu_mask = d->imu_ok;
    d->batch.accel_fs_g = PS_ICM42688_ACCEL_FS_G;
    d->batch.gyro_fs_dps = PS_ICM42688_GYRO_FS_DPS;
    s->tick_us = tick;
    for (k = 0; k < 6u; k++) {
        s->lumbar[k] = (d->imu_ok & PSP_RAW_LUMBAR) ? r[0].ag[k] : 0;
        s->pelvis[k] = (d->imu_ok & PSP_RAW_PELVIS) ? r[1].ag[k] : 0;
    }
    d->batch.count++;
#endif
    if (batch_is_due(d, tick)) flush_batch(d);
}

/* ---- sensors --------------------------------------------------------------- */

static void mark_faulted(ps_device *d, unsigned i)
{
    d->imu_ok &= (uint8_t)~imu_bit(i);
    d->last_probe_us = ps_hal_micros(d->hal); /* first re-init attempt in 1 s */
    ps_hal_log(d->hal, i == PS_IMU_LUMBAR ? "imu lumbar fault" : "imu pelvis fault");
}

static void imu_fault(ps_device *d, unsigned i)
{
    mark_faulted(d, i);
    send_status(d, ps_hal_battery_mv(d->hal)); /* tell the host now, not in N s */
}

static void take_sample(ps_device *d, uint32_t tick)
{
    ps_icm42688_reading r[2];
    unsigned i;
    for (i = 0; i < 2u; i++) {
        if ((d->imu_ok & imu_bit(i)) && ps_icm42688_read(d->hal, &d->imu[i], &r[i]) != 0) imu_fault(d, i);
    }
    if (d->imu_ok & PSP_RAW_LUMBAR) d->temperature_centi_c = r[0].temperature_centi_c;
    else if (d->imu_ok & PSP_RAW_PELVIS) d->temperature_centi_c = r[1].temperature_centi_c;
    append_sample(d, tick, r);
}

static void probe_faulted_imus(ps_device *d, uint32_t now)
{
    unsigned i;
    if (d->imu_ok == (PSP_RAW_LUMBAR | PSP_RAW_PELVIS) || !due(now, d->last_probe_us + PS_REINIT_PERIOD_US)) return;
    d->last_probe_us = now;
    for (i = 0; i < 2u; i++) {
        if ((d->imu_ok & imu_bit(i)) == 0u
            && ps_icm42688_init(d->hal, &d->imu[i], d->cfg.imu_addr[i], d->rate_hz) == 0) {
            flush_batch(d); /* samples before the recovery keep their imu_mask */
            d->imu_ok |= imu_bit(i);
            ps_hal_log(d->hal, i == PS_IMU_LUMBAR ? "imu lumbar re-initialised" : "imu pelvis re-initialised");
            send_event(d, PSP_EVENT_SENSOR_REINIT, imu_bit(i));
            send_status(d, ps_hal_battery_mv(d->hal));
        }
    }
}

/* ---- button and battery ---------------------------------------------------- */

static void poll_button(ps_device *d, uint32_t now)
{
    uint8_t raw = ps_hal_button_down(d->hal) ? 1u : 0u;
    if (raw != d->button_raw) {
        d->button_raw = raw;
        d->button_change_us = now;
    }
    if (raw != d->button_down && due(now, d->button_change_us + PS_BUTTON_DEBOUNCE_US)) {
        d->button_down = raw;
        if (raw) {
            d->button_press_us = d->button_change_us;
            d->button_long_sent = 0;
        } else if (!d->button_long_sent) {
            send_event(d, PSP_EVENT_CALIBRATE_REQUEST, 0);
        }
    }
    /* Snooze as soon as the press is long enough: the wearer feels nothing
     * happen otherwise and keeps holding. */
    if (d->button_down && !d->button_long_sent && due(now, d->button_press_us + PS_BUTTON_LONG_US)) {
        d->button_long_sent = 1;
        send_event(d, PSP_EVENT_SNOOZE, 0);
    }
}

/* While stopped nothing reads the IMUs: read them for STATUS, so that the
 * temperature is current and a sensor that went away is reported anyway. */
static void check_idle_imus(ps_device *d)
{
    ps_icm42688_reading r;
    unsigned i;
    int have_temperature = 0;
    for (i = 0; i < 2u; i++) {
        if (!(d->imu_ok & imu_bit(i))) continue;
        if (ps_icm42688_read(d->hal, &d->imu[i], &r) != 0) {
            mark_faulted(d, i); /* the STATUS about to go out carries it */
        } else if (!have_temperature) {
            d->temperature_centi_c = r.temperature_centi_c;
            have_temperature = 1;
        }
    }
}

static void poll_status(ps_device *d, uint32_t now)
{
    uint16_t mv;
    if (!due(now, d->last_status_us + (uint32_t)d->cfg.status_period_s * 1000000u)) return;
    if (!d->streaming) check_idle_imus(d);
    mv = ps_hal_battery_mv(d->hal);
    if (mv != 0u && mv < d->cfg.low_battery_mv && !d->low_battery) {
        d->low_battery = 1;
        send_event(d, PSP_EVENT_LOW_BATTERY, battery_pct(mv));
    } else if (mv >= d->cfg.low_battery_mv + PS_BATTERY_REARM_MV) {
        d->low_battery = 0; /* charged again: warn again next time */
    }
    send_status(d, mv);
}

/* ---- commands ---------------------------------------------------------------- */

static void set_rate(ps_device *d, uint16_t rate_hz)
{
    unsigned i;
    d->rate_hz = rate_hz;
    d->period_us = 1000000u / rate_hz;
    for (i = 0; i < 2u; i++) {
        if ((d->imu_ok & imu_bit(i)) && ps_icm42688_set_rate(d->hal, &d->imu[i], rate_hz) != 0) imu_fault(d, i);
    }
}

static uint8_t do_start(ps_device *d, const psp_start *m)
{
    uint32_t now = ps_hal_micros(d->hal);
    if (m->sample_rate_hz != 0u && (m->sample_rate_hz < PS_RATE_MIN_HZ || m->sample_rate_hz > PS_RATE_MAX_HZ))
        return PSP_ACK_INVALID_ARG;
    if (m->sample_rate_hz != 0u && m->sample_rate_hz != d->rate_hz) {
        flush_batch(d); /* samples taken at the old rate go out as they are */
        set_rate(d, m->sample_rate_hz);
        d->next_sample_us = now + d->period_us;
    }
    if (!d->streaming) {
        d->streaming = 1;
        d->next_sample_us = now + d->period_us; /* the sampling grid starts at START */
    }
    return PSP_ACK_OK;
}

static uint8_t do_stop(ps_device *d)
{
    flush_batch(d); /* what was measured is sent; nothing follows the ACK */
    d->streaming = 0;
    return PSP_ACK_OK;
}

static uint8_t do_buzz(ps_device *d, const psp_buzz *m)
{
    line_buf l = { {0}, 0 };
    if (m->pattern < PSP_BUZZ_SHORT || m->pattern > PSP_BUZZ_LONG || m->intensity > 100u)
        return PSP_ACK_INVALID_ARG;
    ps_buzz_start(&d->buzz, d->hal, m->pattern, m->duration_ms, m->intensity, ps_hal_micros(d->hal));
    d->buzzes++;
    line_str(&l, "buzz pattern=");
    line_u32(&l, m->pattern);
    line_str(&l, " duration_ms=");
    line_u32(&l, m->duration_ms);
    line_str(&l, " intensity=");
    line_u32(&l, m->intensity);
    line_str(&l, " count=");
    line_u32(&l, d->buzzes);
    ps_hal_log(d->hal, l.text);
    return PSP_ACK_OK;
}

static uint8_t act(ps_device *d, const psp_msg *m)
{
    switch (m->type) {
    case PSP_START: return do_start(d, &m->u.start);
    case PSP_STOP: return do_stop(d);
    case PSP_BUZZ: return do_buzz(d, &m->u.buzz);
    case PSP_IDENTIFY: return PSP_ACK_OK; /* the HELLO follows the ACK */
    default: return PSP_ACK_UNSUPPORTED;
    }
}

static void on_message(void *ctx, const psp_msg *m)
{
    ps_device *d = (ps_device *)ctx;
    if (!PSP_TYPE_IS_HOST_TO_DEVICE(m->type)) return; /* an echo or a confused peer */
    /* SPEC's retry rule: the same (type, seq) again is a retry of a command
     * whose ACK got lost: ACK it again with the same result, never act twice. */
    if (psp_device_cmd_check(&d->cmd, m->type, m->seq) == PSP_CMD_ACT)
        psp_device_cmd_set_result(&d->cmd, act(d, m));
    send_ack(d, m->seq, m->type, d->cmd.last_result);
    if (m->type == PSP_IDENTIFY) send_hello(d);
}

/* ---- public ------------------------------------------------------------------ */

void ps_device_config_defaults(ps_device_config *cfg)
{
    cfg->device_id = 0;
    cfg->name = "posturestream";
    cfg->imu_addr[PS_IMU_LUMBAR] = PS_ICM42688_ADDR_AD0_LOW;
    cfg->imu_addr[PS_IMU_PELVIS] = PS_ICM42688_ADDR_AD0_HIGH;
    cfg->status_period_s = 10;
    cfg->low_battery_mv = 3450;
}

void ps_device_init(ps_device *d, ps_hal *hal, const ps_device_config *cfg)
{
    static const uint8_t delimiter = 0x00;
    unsigned i;
    uint32_t now;
    d->hal = hal;
    d->cfg = *cfg;
    psp_decoder_init(&d->rx);
    psp_device_cmd_init(&d->cmd);
    d->tx_seq = 0;
    d->rate_hz = PS_RATE_DEFAULT_HZ;
    d->period_us = 1000000u / PS_RATE_DEFAULT_HZ;
    d->streaming = 0;
    d->batch.count = 0;
    d->imu_ok = 0;
    d->temperature_centi_c = 0;
    d->low_battery = 0;
    d->button_raw = d->button_down = d->button_long_sent = 0;
    d->buzz.phases = 0;
    d->buzzes = 0;
    for (i = 0; i < 2u; i++) {
        if (ps_icm42688_init(hal, &d->imu[i], cfg->imu_addr[i], d->rate_hz) == 0) d->imu_ok |= imu_bit(i);
    }
    now = ps_hal_micros(hal);
    d->next_sample_us = now;
    d->last_probe_us = now;
    d->button_change_us = d->button_press_us = now;
    ps_hal_link_write(hal, &delimiter, 1);
    send_hello(d);
    check_idle_imus(d); /* the temperature for the first STATUS */
    send_status(d, ps_hal_battery_mv(hal)); /* faults found at boot are known at once */
}

void ps_device_connected(ps_device *d)
{
    psp_device_cmd_init(&d->cmd);
    send_hello(d);
}

void ps_device_receive(ps_device *d, const uint8_t *bytes, size_t len)
{
    psp_decoder_feed(&d->rx, bytes, len, on_message, d);
}

void ps_device_poll(ps_device *d)
{
    uint32_t now = ps_hal_micros(d->hal);
    if (d->streaming && due(now, d->next_sample_us)) {
        take_sample(d, now);
        d->next_sample_us += d->period_us;
        /* Fell more than a period behind (a long I2C stall): skip ahead; the
         * host sees a tick gap rather than a burst of stale readings. */
        if (due(now, d->next_sample_us)) d->next_sample_us = now + d->period_us;
    }
    ps_buzz_poll(&d->buzz, d->hal, now);
    poll_button(d, now);
    poll_status(d, now);
    probe_faulted_imus(d, now);
}
