/*
 * test_firmware.c - the device program on a fake board (tests/fake_board.h):
 * register-level IMU models fed by the scripted wearer, every frame the
 * device writes decoded by the PSP reference decoder.
 *
 *   fw_tests GROUP      run one group (CTest runs each as a test)
 *   fw_tests trace_replay TRACE   replay a register trace (tests/traces/)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_board.h"
#ifdef PS_FW_ON_DEVICE_FUSION
#include "ps_tilt.h"
#endif

static int g_checks;
static int g_failures;

#define CHECK(cond)                                                                      \
    do {                                                                                 \
        g_checks++;                                                                      \
        if (!(cond)) {                                                                   \
            g_failures++;                                                                \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);     \
        }                                                                                \
    } while (0)

#define CHECK_EQ(a, b)                                                                   \
    do {                                                                                 \
        long va_ = (long)(a), vb_ = (long)(b);                                           \
        g_checks++;                                                                      \
        if (va_ != vb_) {                                                                \
            g_failures++;                                                                \
            fprintf(stderr, "%s:%d: %s == %ld, expected %s == %ld\n", __FILE__, __LINE__, \
                    #a, va_, #b, vb_);                                                   \
        }                                                                                \
    } while (0)

static fake_board B; /* ~1 MB of recorded frames: static, one board per process */
static const char *g_trace_path; /* the argument after the group */

#define MAX_FOUND 2048
static const fake_frame *found[MAX_FOUND];

static unsigned find(unsigned from, uint8_t type)
{
    unsigned n = fake_board_find(&B, from, type, found, MAX_FOUND);
    return n < MAX_FOUND ? n : MAX_FOUND;
}

static const psp_ack *last_ack(void)
{
    unsigned n = find(0, PSP_ACK);
    return n == 0 ? NULL : &found[n - 1]->msg.u.ack;
}

static void send_buzz(uint16_t seq, uint8_t pattern, uint16_t ms, uint8_t intensity)
{
    psp_msg m;
    memset(&m, 0, sizeof m);
    m.type = PSP_BUZZ;
    m.seq = seq;
    m.u.buzz.pattern = pattern;
    m.u.buzz.duration_ms = ms;
    m.u.buzz.intensity = intensity;
    fake_board_send(&B, &m);
}

/* ---- driver ------------------------------------------------------------------ */

static void t_icm_init_configures_registers(void)
{
    fake_board_boot(&B);
    CHECK_EQ(B.hal.imu[0].regs[PS_ICM42688_PWR_MGMT0], 0x0F);     /* gyro + accel low-noise */
    CHECK_EQ(ps_icm42688_model_accel_fs_g(&B.hal.imu[0]), 4);
    CHECK_EQ(ps_icm42688_model_gyro_fs_dps(&B.hal.imu[1]), 500);
    CHECK_EQ(B.hal.imu[1].regs[PS_ICM42688_ACCEL_CONFIG0] & 0x0F, 0x08); /* 100 Hz ODR */
    CHECK_EQ(B.dev.imu_ok, PSP_RAW_LUMBAR | PSP_RAW_PELVIS);
}

static void t_icm_rejects_wrong_who_am_i(void)
{
    ps_icm42688 dev;
    fake_board_boot(&B);
    B.hal.imu[0].regs[PS_ICM42688_WHO_AM_I] = 0x68; /* an MPU-6050 answers 0x68 here */
    CHECK_EQ(ps_icm42688_init(&B.hal, &dev, PS_ICM42688_ADDR_AD0_LOW, 100), -1);
    CHECK_EQ(ps_icm42688_init(&B.hal, &dev, 0x50, 100), -1);     /* nobody there */
}

static void t_icm_reads_big_endian_scaled(void)
{
    ps_icm42688 dev;
    ps_icm42688_reading r;
    fake_board_boot(&B);
    B.hal.follow_motion = 0;
    B.hal.imu[0].signal.accel_mg[0] = 1000;   /* 1 g at +-4 g = 8192 */
    B.hal.imu[0].signal.accel_mg[1] = -500;   /* -4096 */
    B.hal.imu[0].signal.gyro_mdps[2] = 250000; /* 250 dps at +-500 = 16384 */
    B.hal.imu[0].signal.temperature_centi_c = 3000;
    CHECK_EQ(ps_icm42688_init(&B.hal, &dev, PS_ICM42688_ADDR_AD0_LOW, 100), 0);
    CHECK_EQ(ps_icm42688_read(&B.hal, &dev, &r), 0);
    CHECK_EQ(r.ag[0], 8192);
    CHECK_EQ(r.ag[1], -4096);
    CHECK_EQ(r.ag[5], 16384);
    CHECK(abs(r.temperature_centi_c - 3000) <= 1);
}

/* ---- frames ---------------------------------------------------------------------- */

static void t_boot_sends_hello_and_status(void)
{
    fake_board_boot(&B);
    CHECK_EQ(find(0, PSP_HELLO), 1);
    CHECK_EQ(found[0]->msg.u.hello.device_id == 0x0123456789abcdefull, 1);
    CHECK_EQ(found[0]->msg.u.hello.sample_rate_hz, 100);
    CHECK_EQ(found[0]->msg.u.hello.sensor_mask, 3);
    CHECK_EQ(found[0]->msg.u.hello.name_len, 7);
    CHECK_EQ(find(0, PSP_STATUS), 1);
    CHECK_EQ(found[0]->msg.u.status.flags, 0);
    fake_board_run_ms(&B, 2000);
    CHECK_EQ(find(0, PSP_RAW) + find(0, PSP_SAMPLES), 0); /* nothing streams before START */
    CHECK_EQ(B.hal.link.counts.frames, B.hal.frame_count);
    CHECK_EQ(B.hal.link.counts.lost_dev + B.hal.link.counts.crc + B.hal.link.counts.cobs, 0);
}

static void t_identify_gets_ack_and_hello(void)
{
    unsigned before;
    fake_board_boot(&B);
    fake_board_start(&B, 0);
    fake_board_run_ms(&B, 500);
    before = B.hal.frame_count;
    fake_board_identify(&B);
    CHECK_EQ(B.hal.frame_count, before + 2);
    CHECK_EQ(B.hal.frames[before].msg.type, PSP_ACK);
    CHECK_EQ(B.hal.frames[before].msg.u.ack.acked_type, PSP_IDENTIFY);
    CHECK_EQ(B.hal.frames[before + 1].msg.type, PSP_HELLO);
}

#ifndef PS_FW_ON_DEVICE_FUSION
/* RAW frames: 100 Hz in 50 ms batches, ticks 10 ms apart, values = the wearer. */
static void t_raw_frames_follow_the_motion(void)
{
    unsigned n, i, k, samples = 0;
    uint32_t prev_tick = 0;
    fake_board_boot(&B);
    fake_board_start(&B, 0);
    CHECK_EQ(last_ack()->result, PSP_ACK_OK);
    fake_board_run_ms(&B, 3000);
    n = find(0, PSP_RAW);
    CHECK(n >= 58 && n <= 60);
    for (i = 0; i < n; i++) {
        const psp_raw *r = &found[i]->msg.u.raw;
        CHECK_EQ(r->count, 5);
        CHECK_EQ(r->imu_mask, 3);
        CHECK_EQ(r->accel_fs_g, 4);
        CHECK_EQ(r->gyro_fs_dps, 500);
        /* no sample waits more than 50 ms for its frame */
        CHECK(found[i]->at_us - r->samples[0].tick_us < 50000u);
        for (k = 0; k < r->count; k++, samples++) {
            const psp_raw_sample *s = &r->samples[k];
            ps_motion_angles a = ps_motion_angles_at(s->tick_us - B.hal.motion_origin_us);
            double pitch = atan2(s->lumbar[2], s->lumbar[0]) * 57.29577951;
            double pelvis = atan2(s->pelvis[2], s->pelvis[0]) * 57.29577951;
            double g = sqrt((double)s->lumbar[0] * s->lumbar[0] + (double)s->lumbar[2] * s->lumbar[2]);
            if (samples > 0) CHECK_EQ(s->tick_us - prev_tick, 10000);
            prev_tick = s->tick_us;
            CHECK(fabs(pitch - a.lumbar_pitch) < 0.3);
            CHECK(fabs(pelvis - a.pelvis_pitch) < 0.3);
            CHECK(fabs(g - 8192.0) < 30.0); /* 1 g at +-4 g */
        }
    }
    CHECK(samples >= 290);
}

/* The registers of a trace generated from the simulator's realistic IMU model
 * replayed on the bus at the trace's rate: the RAW frames carry exactly those
 * values, in order, one sampling period apart, batched <= 8 and <= 50 ms. */
static fake_trace T;

static void t_trace_replay(void)
{
    unsigned n, i, k, a, next = 0;
    uint32_t period, first_tick;
    if (g_trace_path == NULL || fake_trace_load(&T, g_trace_path) != 0) {
        CHECK(!"trace_replay needs a readable trace file argument");
        return;
    }
    period = 1000000u / T.rate_hz;
    fake_board_boot(&B);
    fake_board_replay(&B, &T);
    first_tick = B.hal.now_us + period;
    fake_board_start(&B, T.rate_hz);
    CHECK_EQ(last_ack()->result, PSP_ACK_OK);
    CHECK_EQ(ps_icm42688_model_accel_fs_g(&B.hal.imu[0]), T.accel_fs_g);
    CHECK_EQ(ps_icm42688_model_gyro_fs_dps(&B.hal.imu[1]), T.gyro_fs_dps);
    fake_board_run_ms(&B, T.count * (period / 1000u)); /* up to the trace's last sample */
    fake_board_stop(&B);                                 /* sends the partial batch */
    n = find(0, PSP_RAW);
    for (i = 0; i < n; i++) {
        const psp_raw *r = &found[i]->msg.u.raw;
        CHECK_EQ(r->imu_mask, PSP_RAW_LUMBAR | PSP_RAW_PELVIS);
        CHECK_EQ(r->accel_fs_g, T.accel_fs_g);
        CHECK_EQ(r->gyro_fs_dps, T.gyro_fs_dps);
        CHECK(r->count >= 1 && r->count <= 8);
        CHECK(found[i]->at_us - r->samples[0].tick_us <= 50000u);
        for (k = 0; k < r->count && next < T.count; k++, next++) {
            const psp_raw_sample *s = &r->samples[k];
            CHECK_EQ(s->tick_us, first_tick + next * period);
            for (a = 0; a < 6u; a++) {
                CHECK_EQ(s->lumbar[a], fake_trace_value(&T, next, 0, a));
                CHECK_EQ(s->pelvis[a], fake_trace_value(&T, next, 1, a));
            }
        }
    }
    CHECK_EQ(next, T.count);
    CHECK_EQ(B.hal.link.counts.lost_dev + B.hal.link.counts.crc + B.hal.link.counts.cobs, 0);
}

static void t_rate_sets_batch_size(void)
{
    unsigned n;
    fake_board_boot(&B);
    fake_board_start(&B, 400);
    CHECK_EQ(last_ack()->result, PSP_ACK_OK);
    CHECK_EQ(B.hal.imu[0].regs[PS_ICM42688_GYRO_CONFIG0] & 0x0F, 0x0F); /* 500 Hz ODR for 400 Hz */
    fake_board_run_ms(&B, 1000);
    n = find(0, PSP_RAW);
    CHECK(n >= 49 && n <= 50);           /* 400 samples / 8 */
    CHECK_EQ(found[1]->msg.u.raw.count, 8);
    CHECK_EQ(found[1]->msg.u.raw.samples[1].tick_us - found[1]->msg.u.raw.samples[0].tick_us, 2500);
    fake_board_boot(&B);
    fake_board_start(&B, 25);
    fake_board_run_ms(&B, 1000);
    CHECK_EQ(found[0] != NULL, 1);
    n = find(0, PSP_RAW);
    CHECK(n >= 12 && n <= 13);           /* 25 Hz: 2 samples (40 ms apart) per frame */
    CHECK_EQ(found[1]->msg.u.raw.count, 2);
}

static void t_start_rejects_rates_out_of_range(void)
{
    fake_board_boot(&B);
    fake_board_start(&B, 10);
    CHECK_EQ(last_ack()->result, PSP_ACK_INVALID_ARG);
    fake_board_start(&B, 401);
    CHECK_EQ(last_ack()->result, PSP_ACK_INVALID_ARG);
    fake_board_run_ms(&B, 500);
    CHECK_EQ(find(0, PSP_RAW), 0);
    fake_board_identify(&B);
    CHECK_EQ(B.hal.frames[B.hal.frame_count - 1].msg.u.hello.sample_rate_hz, 100);
}

static void t_stop_stops_the_stream(void)
{
    unsigned at_stop, raw_before_ack, i, ack_index = 0;
    fake_board_boot(&B);
    fake_board_start(&B, 0);
    fake_board_run_ms(&B, 1025); /* mid-batch */
    at_stop = B.hal.frame_count;
    fake_board_stop(&B);
    for (i = at_stop; i < B.hal.frame_count; i++) if (B.hal.frames[i].msg.type == PSP_ACK) ack_index = i;
    CHECK(ack_index > 0);
    CHECK_EQ(B.hal.frames[ack_index].msg.u.ack.acked_type, PSP_STOP);
    raw_before_ack = find(at_stop, PSP_RAW);
    CHECK_EQ(raw_before_ack, 1);         /* the partial batch goes out before the ACK */
    CHECK(found[0] < &B.hal.frames[ack_index]);
    fake_board_run_ms(&B, 3000);
    CHECK_EQ(find(ack_index, PSP_RAW), 0);
    fake_board_start(&B, 0);             /* and START resumes it */
    fake_board_run_ms(&B, 200);
    CHECK(find(ack_index, PSP_RAW) >= 3);
}

/* An IMU that stops answering: STATUS fault bit at once, imu_mask cleared,
 * its values 0; when it answers again, re-initialised and EVENT 2. */
static void t_imu_fault_and_recovery(void)
{
    unsigned at_fault, n, i;
    fake_board_boot(&B);
    fake_board_start(&B, 0);
    fake_board_run_ms(&B, 500);
    at_fault = B.hal.frame_count;
    B.hal.imu[1].present = 0;
    fake_board_run_ms(&B, 300);
    n = find(at_fault, PSP_STATUS);
    CHECK_EQ(n, 1);
    CHECK_EQ(found[0]->msg.u.status.flags, PSP_STATUS_PELVIS_FAULT);
    n = find(at_fault, PSP_RAW);
    CHECK(n >= 5);
    for (i = 1; i < n; i++) {
        CHECK_EQ(found[i]->msg.u.raw.imu_mask, PSP_RAW_LUMBAR);
        CHECK_EQ(found[i]->msg.u.raw.samples[0].pelvis[0], 0);
        CHECK(found[i]->msg.u.raw.samples[0].lumbar[0] > 7000);
    }
    /* Back after a power cycle: registers at reset values, sensors off. */
    ps_icm42688_model_reset(&B.hal.imu[1]);
    B.hal.imu[1].present = 1;
    at_fault = B.hal.frame_count;
    fake_board_run_ms(&B, 1100);
    CHECK_EQ(find(at_fault, PSP_EVENT), 1);
    CHECK_EQ(found[0]->msg.u.event.code, PSP_EVENT_SENSOR_REINIT);
    CHECK_EQ(found[0]->msg.u.event.arg, PSP_RAW_PELVIS);
    CHECK_EQ(B.hal.imu[1].regs[PS_ICM42688_PWR_MGMT0], 0x0F);
    CHECK_EQ(ps_icm42688_model_accel_fs_g(&B.hal.imu[1]), 4);
    n = find(at_fault, PSP_STATUS);
    CHECK_EQ(found[n - 1]->msg.u.status.flags, 0);
    n = find(at_fault, PSP_RAW);
    CHECK_EQ(found[n - 1]->msg.u.raw.imu_mask, 3);
    CHECK(found[n - 1]->msg.u.raw.samples[0].pelvis[0] > 7000);
}
#endif

static void t_boot_with_a_missing_imu_reports_the_fault(void)
{
    fake_board_boot(&B);
    /* boot again with the lumbar IMU absent */
    B.hal.imu[0].present = 0;
    B.hal.frame_count = 0;
    ps_device_init(&B.dev, &B.hal, &B.dev.cfg);
    CHECK_EQ(find(0, PSP_STATUS), 1);
    CHECK_EQ(found[0]->msg.u.status.flags, PSP_STATUS_LUMBAR_FAULT);
    CHECK_EQ(B.dev.imu_ok, PSP_RAW_PELVIS);
}

/* ---- commands ---------------------------------------------------------------------- */

static void t_buzz_retry_does_not_buzz_twice(void)
{
    fake_board_boot(&B);
    send_buzz(7, PSP_BUZZ_DOUBLE, 100, 80);
    CHECK_EQ(last_ack()->acked_seq, 7);
    CHECK_EQ(last_ack()->result, PSP_ACK_OK);
    CHECK_EQ(B.hal.motor, 80);
    fake_board_run_ms(&B, 150);          /* in the pause of the double pattern */
    CHECK_EQ(B.hal.motor, 0);
    send_buzz(7, PSP_BUZZ_DOUBLE, 100, 80); /* the host's retry: same seq */
    CHECK_EQ(find(0, PSP_ACK), 2);
    CHECK_EQ(found[1]->msg.u.ack.acked_seq, 7);
    CHECK_EQ(found[1]->msg.u.ack.result, PSP_ACK_OK);
    CHECK_EQ(B.hal.motor, 0);            /* not restarted */
    fake_board_run_ms(&B, 200);
    CHECK_EQ(B.hal.motor_starts, 2);     /* the two pulses of one double buzz */
    CHECK_EQ(B.hal.buzz_logs, 1);
    CHECK_EQ(B.dev.buzzes, 1);
    send_buzz(8, PSP_BUZZ_SHORT, 50, 100); /* a new seq buzzes again */
    fake_board_run_ms(&B, 100);
    CHECK_EQ(B.hal.motor_starts, 3);
    CHECK_EQ(B.hal.motor, 0);
    CHECK_EQ(B.hal.buzz_logs, 2);
}

/* A new connection (BLE connect, USB DTR): HELLO, and the host's seq may start over. */
static void t_connected_says_hello_and_restarts_the_retry_rule(void)
{
    unsigned before;
    fake_board_boot(&B);
    send_buzz(1, PSP_BUZZ_SHORT, 50, 50);
    fake_board_run_ms(&B, 100);
    before = B.hal.frame_count;
    ps_device_connected(&B.dev);
    CHECK_EQ(B.hal.frame_count, before + 1);
    CHECK_EQ(B.hal.frames[before].msg.type, PSP_HELLO);
    send_buzz(1, PSP_BUZZ_SHORT, 50, 50); /* seq 1 again from the new host: a new command */
    CHECK_EQ(B.hal.motor_starts, 2);
    CHECK_EQ(B.hal.buzz_logs, 2);
}

static void t_buzz_rejects_bad_arguments(void)
{
    fake_board_boot(&B);
    send_buzz(1, 4, 100, 50);
    CHECK_EQ(last_ack()->result, PSP_ACK_INVALID_ARG);
    send_buzz(2, PSP_BUZZ_LONG, 100, 101);
    CHECK_EQ(last_ack()->result, PSP_ACK_INVALID_ARG);
    send_buzz(2, PSP_BUZZ_LONG, 100, 101); /* a retry gets the same answer */
    CHECK_EQ(last_ack()->result, PSP_ACK_INVALID_ARG);
    CHECK_EQ(B.hal.motor_starts, 0);
}

/* ---- button, battery, status --------------------------------------------------------- */

static void press(uint32_t ms)
{
    B.hal.button = 1;
    fake_board_run_ms(&B, ms);
    B.hal.button = 0;
    fake_board_run_ms(&B, 50);
}

static void t_button_short_and_long_press(void)
{
    fake_board_boot(&B);
    B.hal.follow_motion = 0;
    press(10);                           /* a bounce: nothing */
    CHECK_EQ(find(0, PSP_EVENT), 0);
    press(200);
    CHECK_EQ(find(0, PSP_EVENT), 1);
    CHECK_EQ(found[0]->msg.u.event.code, PSP_EVENT_CALIBRATE_REQUEST);
    CHECK_EQ(found[0]->msg.u.event.tick_us, B.hal.now_us - 29750u); /* at the debounced release */
    B.hal.button = 1;
    fake_board_run_ms(&B, 1600);
    CHECK_EQ(find(0, PSP_EVENT), 2);     /* snooze while still held */
    CHECK_EQ(found[1]->msg.u.event.code, PSP_EVENT_SNOOZE);
    fake_board_run_ms(&B, 1000);
    B.hal.button = 0;
    fake_board_run_ms(&B, 100);
    CHECK_EQ(find(0, PSP_EVENT), 2);     /* releasing a long press adds nothing */
}

static void t_status_and_low_battery(void)
{
    unsigned n;
    fake_board_boot(&B);
    B.hal.follow_motion = 0;
    B.hal.battery_mv = 3870;
    fake_board_run_ms(&B, 10000);
    n = find(0, PSP_STATUS);
    CHECK_EQ(n, 2);                       /* boot + 10 s */
    CHECK_EQ(found[1]->msg.u.status.battery_mv, 3870);
    CHECK_EQ(found[1]->msg.u.status.battery_pct, 69);
    CHECK(abs(found[1]->msg.u.status.temperature_centi_c - 3150) <= 10); /* the wearer's 31.5 degC */
    B.hal.battery_mv = 3400;
    fake_board_run_ms(&B, 30000);
    CHECK_EQ(find(0, PSP_STATUS), 5);
    CHECK_EQ(find(0, PSP_EVENT), 1);      /* once, not every STATUS */
    CHECK_EQ(found[0]->msg.u.event.code, PSP_EVENT_LOW_BATTERY);
    CHECK_EQ(found[0]->msg.u.event.arg, 5);
    B.hal.battery_mv = 3600;              /* charged */
    fake_board_run_ms(&B, 10000);
    B.hal.battery_mv = 3440;
    fake_board_run_ms(&B, 10000);
    CHECK_EQ(find(0, PSP_EVENT), 2);      /* re-armed, warns again */
}

#ifdef PS_FW_ON_DEVICE_FUSION
static void t_fusion_samples_match_the_wearers_angles(void)
{
    unsigned n, i, k;
    fake_board_boot(&B);
    fake_board_start(&B, 0);
    fake_board_run_ms(&B, 30000); /* standing, sitting down, sitting, slumping */
    n = find(0, PSP_SAMPLES);
    CHECK(n >= 590);
    for (i = 0; i < n; i++) {
        const psp_samples *s = &found[i]->msg.u.samples;
        CHECK_EQ(s->count, 5);
        for (k = 0; k < s->count; k++) {
            ps_motion_angles a = ps_motion_angles_at(s->samples[k].tick_us - B.hal.motion_origin_us);
            CHECK(fabs(s->samples[k].lumbar_pitch / 100.0 - a.lumbar_pitch) < 0.3);
            CHECK(fabs(s->samples[k].lumbar_roll / 100.0 - a.lumbar_roll) < 0.3);
            CHECK(fabs(s->samples[k].pelvis_pitch / 100.0 - a.pelvis_pitch) < 0.3);
            CHECK(fabs(s->samples[k].pelvis_roll / 100.0 - a.pelvis_roll) < 0.3);
        }
    }
}

static void t_fusion_faulted_imu_is_not_available(void)
{
    unsigned n;
    fake_board_boot(&B);
    fake_board_start(&B, 0);
    B.hal.imu[0].present = 0;
    fake_board_run_ms(&B, 200);
    n = find(0, PSP_SAMPLES);
    CHECK(n >= 3);
    CHECK_EQ(found[n - 1]->msg.u.samples.samples[0].lumbar_pitch, PSP_ANGLE_NA);
    CHECK(found[n - 1]->msg.u.samples.samples[0].pelvis_pitch != PSP_ANGLE_NA);
}

static void t_tilt_of_known_vectors(void)
{
    int16_t a[3], p, r;
    a[0] = 8192; a[1] = 0; a[2] = 0;
    ps_tilt_from_accel(a, &p, &r);
    CHECK_EQ(p, 0); CHECK_EQ(r, 0);
    a[0] = 0; a[1] = 0; a[2] = 8192;      /* lying on the back: pitch +90 */
    ps_tilt_from_accel(a, &p, &r);
    CHECK_EQ(p, 9000);
    a[0] = 5793; a[1] = 5793; a[2] = 0;   /* top 45 deg to the right */
    ps_tilt_from_accel(a, &p, &r);
    CHECK_EQ(p, 0); CHECK_EQ(r, 4500);
}
#endif

/* ---- main -------------------------------------------------------------------------- */

typedef struct {
    const char *name;
    void (*fn)(void);
} group;

static const group GROUPS[] = {
    { "icm_init_configures_registers", t_icm_init_configures_registers },
    { "icm_rejects_wrong_who_am_i", t_icm_rejects_wrong_who_am_i },
    { "icm_reads_big_endian_scaled", t_icm_reads_big_endian_scaled },
    { "boot_sends_hello_and_status", t_boot_sends_hello_and_status },
    { "boot_with_a_missing_imu_reports_the_fault", t_boot_with_a_missing_imu_reports_the_fault },
    { "identify_gets_ack_and_hello", t_identify_gets_ack_and_hello },
    { "buzz_retry_does_not_buzz_twice", t_buzz_retry_does_not_buzz_twice },
    { "buzz_rejects_bad_arguments", t_buzz_rejects_bad_arguments },
    { "connected_says_hello_and_restarts_the_retry_rule", t_connected_says_hello_and_restarts_the_retry_rule },
    { "button_short_and_long_press", t_button_short_and_long_press },
    { "status_and_low_battery", t_status_and_low_battery },
#ifdef PS_FW_ON_DEVICE_FUSION
    { "fusion_samples_match_the_wearers_angles", t_fusion_samples_match_the_wearers_angles },
    { "fusion_faulted_imu_is_not_available", t_fusion_faulted_imu_is_not_available },
    { "tilt_of_known_vectors", t_tilt_of_known_vectors },
#else
    { "raw_frames_follow_the_motion", t_raw_frames_follow_the_motion },
    { "trace_replay", t_trace_replay },
    { "rate_sets_batch_size", t_rate_sets_batch_size },
    { "start_rejects_rates_out_of_range", t_start_rejects_rates_out_of_range },
    { "stop_stops_the_stream", t_stop_stops_the_stream },
    { "imu_fault_and_recovery", t_imu_fault_and_recovery },
#endif
};

int main(int argc, char **argv)
{
    size_t i;
    if (argc < 2) {
        fprintf(stderr, "usage: fw_tests GROUP|all|list\n");
        return 2;
    }
    if (strcmp(argv[1], "list") == 0) {
        for (i = 0; i < sizeof GROUPS / sizeof GROUPS[0]; i++) printf("%s\n", GROUPS[i].name);
        return 0;
    }
    g_trace_path = argc > 2 ? argv[2] : NULL;
    for (i = 0; i < sizeof GROUPS / sizeof GROUPS[0]; i++) {
        if (strcmp(argv[1], GROUPS[i].name) == 0) GROUPS[i].fn();
        else if (strcmp(argv[1], "all") == 0 && strcmp(GROUPS[i].name, "trace_replay") != 0) GROUPS[i].fn();
    }
    if (g_checks == 0) {
        fprintf(stderr, "no checks ran for group '%s'\n", argv[1]);
        return 2;
    }
    printf("%d checks, %d failures\n", g_checks, g_failures);
    return g_failures ? 1 : 0;
}
