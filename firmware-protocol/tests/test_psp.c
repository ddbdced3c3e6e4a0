/*
 * test_psp.c - unit tests for the PSP v1 reference codec.
 *
 *   psp_tests GROUP VECTORS_DIR     run one group (CTest runs each as a test)
 *   psp_tests hex2bin IN.hex OUT    helper for the psp_dump raw-bytes test
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "psp.h"
#include "psp_text.h"

static int g_checks;
static int g_failures;

#define CHECK(cond)                                                          \
    do {                                                                     \
        g_checks++;                                                          \
        if (!(cond)) {                                                       \
            g_failures++;                                                    \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, \
                    #cond);                                                  \
        }                                                                    \
    } while (0)

#define CHECK_EQ_U(a, b)                                                          \
    do {                                                                          \
        unsigned long va_ = (unsigned long)(a), vb_ = (unsigned long)(b);          \
        g_checks++;                                                               \
        if (va_ != vb_) {                                                         \
            g_failures++;                                                         \
            fprintf(stderr, "%s:%d: %s == %lu, expected %s == %lu\n", __FILE__,    \
                    __LINE__, #a, va_, #b, vb_);                                  \
        }                                                                         \
    } while (0)

#define CHECK_STR(got, want)                                                      \
    do {                                                                          \
        g_checks++;                                                               \
        if (strcmp((got), (want)) != 0) {                                         \
            g_failures++;                                                         \
            fprintf(stderr, "%s:%d: text differs\n--- got\n%s\n--- expected\n%s\n", \
                    __FILE__, __LINE__, (got), (want));                           \
        }                                                                         \
    } while (0)

static const char *g_vectors_dir;

/* ---- helpers ------------------------------------------------------------------ */

static char *read_text_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (f == NULL) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = (char *)malloc((size_t)n + 1);
    if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        fclose(f);
        return NULL;
    }
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static int hex_eq(const uint8_t *got, size_t n, const char *want_hex)
{
    uint8_t want[600];
    size_t wn;
    if (psp_hex_parse(want_hex, strlen(want_hex), want, sizeof want, &wn) != 0) {
        return 0;
    }
    if (wn != n || memcmp(got, want, n) != 0) {
        size_t i;
        fprintf(stderr, "bytes: ");
        for (i = 0; i < n; i++) {
            fprintf(stderr, "%02x ", got[i]);
        }
        fprintf(stderr, "\nwant : %s\n", want_hex);
        return 0;
    }
    return 1;
}

typedef struct {
    psp_msg msgs[64];
    size_t  n;
} capture;

static void capture_msg(void *ctx, const psp_msg *m)
{
    capture *c = (capture *)ctx;
    if (c->n < 64) {
        c->msgs[c->n] = *m;
    }
    c->n++;
}

static void decode_all(const uint8_t *b, size_t n, capture *cap, psp_counts *counts)
{
    psp_decoder dec;
    psp_decoder_init(&dec);
    memset(cap, 0, sizeof *cap);
    psp_decoder_feed(&dec, b, n, capture_msg, cap);
    *counts = dec.counts;
}

static void msg_text(const psp_msg *m, char *buf, size_t cap)
{
    psp_text t;
    psp_text_init(&t, buf, cap);
    psp_text_msg(&t, m);
}

static psp_msg sample_msg(uint8_t type, uint16_t seq)
{
    psp_msg m;
    int i;
    memset(&m, 0, sizeof m);
    m.type = type;
    m.seq = seq;
    switch (type) {
    case PSP_HELLO:
        m.u.hello.device_id = 0x0123456789abcdefULL;
        m.u.hello.fw_major = 1;
        m.u.hello.fw_minor = 2;
        m.u.hello.fw_patch = 3;
        m.u.hello.sample_rate_hz = 100;
        m.u.hello.sensor_mask = 3;
        m.u.hello.name_len = 5;
        memcpy(m.u.hello.name, "\xc3\xa9t\xc3\xa9", 5); /* "été" in UTF-8 */
        break;
    case PSP_SAMPLES:
        m.u.samples.count = 3;
        for (i = 0; i < 3; i++) {
            m.u.samples.samples[i].tick_us = 4294967000u + 100u * (uint32_t)i;
            m.u.samples.samples[i].lumbar_pitch = (int16_t)(-1000 - i);
            m.u.samples.samples[i].lumbar_roll = PSP_ANGLE_NA;
            m.u.samples.samples[i].pelvis_pitch = 32767;
            m.u.samples.samples[i].pelvis_roll = (int16_t)(i * 100);
        }
        break;
    case PSP_RAW:
        m.u.raw.count = 2;
        m.u.raw.imu_mask = PSP_RAW_LUMBAR | PSP_RAW_PELVIS;
        m.u.raw.accel_fs_g = 8;
        m.u.raw.gyro_fs_dps = 2000;
        for (i = 0; i < 2; i++) {
            int axis;
            m.u.raw.samples[i].tick_us = 4294967000u + 500u * (uint32_t)i;
            for (axis = 0; axis < 6; axis++) {
                m.u.raw.samples[i].lumbar[axis] = (int16_t)(1000 * axis - 32768 + i);
                m.u.raw.samples[i].pelvis[axis] = (int16_t)(32767 - 1000 * axis - i);
            }
        }
        break;
    case PSP_STATUS:
        m.u.status.battery_mv = 3900;
        m.u.status.battery_pct = 255;
        m.u.status.temperature_centi_c = -125;
        m.u.status.flags = 5;
        break;
    case PSP_EVENT:
        m.u.event.tick_us = 0xdeadbeefu;
        m.u.event.code = 2;
        m.u.event.arg = 200;
        break;
    case PSP_ACK:
        m.u.ack.acked_seq = 0xbeef;
        m.u.ack.acked_type = PSP_BUZZ;
        m.u.ack.result = 3;
        break;
    case PSP_START:
        m.u.start.sample_rate_hz = 65535;
        break;
    case PSP_BUZZ:
        m.u.buzz.pattern = 3;
        m.u.buzz.duration_ms = 1500;
        m.u.buzz.intensity = 100;
        break;
    default:
        break;
    }
    return m;
}

/* Encodes m, checks the frame shape, decodes it, checks it comes back equal. */
static void roundtrip(const psp_msg *m, const char *body_hex)
{
    uint8_t f[PSP_MAX_FRAME];
    uint8_t body[PSP_MAX_BODY + 1];
    size_t n = psp_encode(m, f, sizeof f);
    size_t blen = 0;
    capture cap;
    psp_counts c;
    char a[2048];
    char b[2048];

    CHECK(n >= 8);
    if (n == 0) {
        return;
    }
    CHECK(f[n - 1] == 0x00);
    CHECK(memchr(f, 0, n - 1) == NULL);
    CHECK(psp_cobs_decode(f, n - 1, body, sizeof body, &blen) == 0);
    if (body_hex != NULL) {
        CHECK(hex_eq(body, blen - 2, body_hex)); /* body without its CRC */
    }
    CHECK_EQ_U(psp_crc16(body, blen - 2), (unsigned)body[blen - 2] | ((unsigned)body[blen - 1] << 8));
    decode_all(f, n, &cap, &c);
    CHECK_EQ_U(cap.n, 1);
    CHECK_EQ_U(c.frames, 1);
    CHECK_EQ_U(cap.msgs[0].type, m->type);
    CHECK_EQ_U(cap.msgs[0].seq, m->seq);
    msg_text(m, a, sizeof a);
    msg_text(&cap.msgs[0], b, sizeof b);
    CHECK_STR(b, a);
}

/* ---- groups ---------------------------------------------------------------------- */

static void t_crc_check_value(void)
{
    const uint8_t *check = (const uint8_t *)"123456789";
    CHECK_EQ_U(psp_crc16(check, 9), 0x29B1);
    CHECK_EQ_U(psp_crc16(check, 0), 0xFFFF);
    CHECK_EQ_U(psp_crc16_update(psp_crc16(check, 4), check + 4, 5), 0x29B1);
    {
        static const uint8_t zero = 0;
        CHECK_EQ_U(psp_crc16(&zero, 1), 0xE1F0); /* CCITT-FALSE of a single 00 */
    }
}

static void cobs_rt(const uint8_t *in, size_t n)
{
    uint8_t enc[600];
    uint8_t dec[600];
    size_t elen = psp_cobs_encode(in, n, enc, sizeof enc);
    size_t dlen = 0;
    CHECK(elen >= n + 1);
    CHECK(elen <= PSP_COBS_MAX_ENCODED(n));
    CHECK(memchr(enc, 0, elen) == NULL);
    CHECK(psp_cobs_decode(enc, elen, dec, sizeof dec, &dlen) == 0);
    CHECK_EQ_U(dlen, n);
    CHECK(n == 0 || memcmp(dec, in, n) == 0);
}

static void t_cobs_roundtrip(void)
{
    uint8_t buf[520];
    size_t n;
    uint32_t x = 12345;
    for (n = 0; n <= 520; n++) {
        size_t i;
        memset(buf, 0, sizeof buf);
        cobs_rt(buf, n);
        memset(buf, 0xA5, sizeof buf);
        cobs_rt(buf, n);
        for (i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            buf[i] = (uint8_t)((x >> 16) % 5 == 0 ? 0 : (x >> 8));
        }
        cobs_rt(buf, n);
        for (i = 0; i < n; i++) {
            buf[i] = (uint8_t)(i % 255 + 1);
            if (i % 300 == 299) {
                buf[i] = 0;
            }
        }
        cobs_rt(buf, n);
    }
}

static void t_cobs_edge_cases(void)
{
    uint8_t in[300] = { 0 };
    uint8_t out[600];
    uint8_t back[600];
    size_t n;
    size_t dlen;

    CHECK(hex_eq(out, psp_cobs_encode(in, 0, out, sizeof out), "01"));
    memset(in, 0, sizeof in);
    CHECK(hex_eq(out, psp_cobs_encode(in, 1, out, sizeof out), "01 01"));
    CHECK(hex_eq(out, psp_cobs_encode(in, 3, out, sizeof out), "01 01 01 01"));
    in[0] = 0x11;
    in[1] = 0x22;
    in[2] = 0x00;
    in[3] = 0x33;
    CHECK(hex_eq(out, psp_cobs_encode(in, 4, out, sizeof out), "03 11 22 02 33"));
    in[1] = 0x00;
    in[2] = 0x00;
    CHECK(hex_eq(out, psp_cobs_encode(in, 3, out, sizeof out), "02 11 01 01"));

    /* long non-zero runs around the 254-byte block limit */
    memset(in, 0x01, sizeof in);
    n = psp_cobs_encode(in, 253, out, sizeof out);
    CHECK_EQ_U(n, 254);
    CHECK_EQ_U(out[0], 0xFE);
    n = psp_cobs_encode(in, 254, out, sizeof out);
    CHECK_EQ_U(n, 255); /* FF + 254 data, no trailing code */
    CHECK_EQ_U(out[0], 0xFF);
    n = psp_cobs_encode(in, 255, out, sizeof out);
    CHECK_EQ_U(n, 257);
    CHECK_EQ_U(out[0], 0xFF);
    CHECK_EQ_U(out[255], 0x02);
    CHECK_EQ_U(out[256], 0x01);
    n = psp_cobs_encode(in, 256, out, sizeof out);
    CHECK_EQ_U(n, 258);
    CHECK_EQ_U(out[255], 0x03);
    CHECK_EQ_U(n, PSP_MAX_ENCODED);
    in[254] = 0x00; /* 254 x 01, 00, 01 */
    n = psp_cobs_encode(in, 256, out, sizeof out);
    CHECK_EQ_U(n, 258);
    CHECK_EQ_U(out[255], 0x01);
    CHECK_EQ_U(out[256], 0x02);
    CHECK(psp_cobs_decode(out, n, back, sizeof back, &dlen) == 0);
    CHECK_EQ_U(dlen, 256);
    CHECK(memcmp(back, in, 256) == 0);
    in[254] = 0x01;

    /* the optional 01 after a final 254-byte block decodes the same */
    n = psp_cobs_encode(in, 254, out, sizeof out);
    out[n] = 0x01;
    CHECK(psp_cobs_decode(out, n + 1, back, sizeof back, &dlen) == 0);
    CHECK_EQ_U(dlen, 254);
    CHECK(memcmp(back, in, 254) == 0);

    /* in-place decoding */
    n = psp_cobs_encode(in, 255, out, sizeof out);
    CHECK(psp_cobs_decode(out, n, out, sizeof out, &dlen) == 0);
    CHECK_EQ_U(dlen, 255);
    CHECK(memcmp(out, in, 255) == 0);

    /* output too small */
    CHECK_EQ_U(psp_cobs_encode(in, 10, out, 10), 0);
    CHECK_EQ_U(psp_cobs_encode(in, 10, out, 11), 11);
    CHECK_EQ_U(psp_cobs_encode(in, 254, out, 254), 0);
    memset(in, 0, 10);
    CHECK_EQ_U(psp_cobs_encode(in, 10, out, 10), 0);
    CHECK_EQ_U(psp_cobs_encode(in, 10, out, 11), 11);
}

static void t_cobs_decode_errors(void)
{
    uint8_t out[300];
    size_t n = 99;
    static const uint8_t e1[] = { 0x05, 0x01, 0x02 };
    static const uint8_t e2[] = { 0xff, 0x01 };
    static const uint8_t e3[] = { 0x03, 0x01, 0x00 };
    static const uint8_t e4[] = { 0x02, 0x01, 0x04, 0x01 };
    static const uint8_t ok[] = { 0x03, 0x11, 0x22, 0x02, 0x33 };
    CHECK(psp_cobs_decode(e1, sizeof e1, out, sizeof out, &n) == -1);
    CHECK(psp_cobs_decode(e2, sizeof e2, out, sizeof out, &n) == -1);
    CHECK(psp_cobs_decode(e3, sizeof e3, out, sizeof out, &n) == -1);
    CHECK(psp_cobs_decode(e4, sizeof e4, out, sizeof out, &n) == -1);
    CHECK(psp_cobs_decode(ok, sizeof ok, out, 3, &n) == -2);
    CHECK(psp_cobs_decode(ok, sizeof ok, out, 4, &n) == 0);
    CHECK_EQ_U(n, 4);
    CHECK(psp_cobs_decode(ok, 0, out, sizeof out, &n) == 0);
    CHECK_EQ_U(n, 0);
}

static void t_roundtrip_hello(void)
{
    psp_msg m = sample_msg(PSP_HELLO, 0x1234);
    roundtrip(&m, "01 01 34 12 ef cd ab 89 67 45 23 01 01 02 03 64 00 03 05 c3 a9 74 c3 a9");
    m.u.hello.name_len = 0;
    roundtrip(&m, NULL);
    m.u.hello.name_len = 32;
    memset(m.u.hello.name, 0xF0, 32);
    roundtrip(&m, NULL);
}

static void t_roundtrip_samples(void)
{
    psp_msg m = sample_msg(PSP_SAMPLES, 65535);
    int i;
    roundtrip(&m, NULL);
    m.u.samples.count = 1;
    m.u.samples.samples[0].tick_us = 0x04030201u;
    m.u.samples.samples[0].lumbar_pitch = -32768;
    m.u.samples.samples[0].lumbar_roll = -1;
    m.u.samples.samples[0].pelvis_pitch = 1;
    m.u.samples.samples[0].pelvis_roll = 0x1234;
    roundtrip(&m, NULL);
    {
        uint8_t f[PSP_MAX_FRAME];
        uint8_t body[PSP_MAX_BODY];
        size_t n = psp_encode(&m, f, sizeof f);
        size_t blen;
        CHECK(psp_cobs_decode(f, n - 1, body, sizeof body, &blen) == 0);
        CHECK_EQ_U(blen, 4 + 1 + 12 + 2);
        CHECK(hex_eq(body, blen - 2, "01 02 ff ff 01 01 02 03 04 00 80 ff ff 01 00 34 12"));
    }
    m.u.samples.count = 16;
    for (i = 0; i < 16; i++) {
        m.u.samples.samples[i].tick_us = (uint32_t)i * 10000u;
        m.u.samples.samples[i].pelvis_roll = (int16_t)(-i);
    }
    roundtrip(&m, NULL);
}

static void t_roundtrip_raw(void)
{
    psp_msg m = sample_msg(PSP_RAW, 0xfffe);
    uint8_t f[PSP_MAX_FRAME];
    uint8_t g[PSP_MAX_FRAME];
    uint8_t body[PSP_MAX_BODY];
    size_t n;
    size_t blen;
    static const uint8_t accel[] = { 2, 4, 8, 16 };
    static const uint16_t gyro[] = { 125, 250, 500, 1000, 2000, 4000 };
    int i;
    int k;
    roundtrip(&m, NULL);
    /* one sample, field by field: count, mask, fs, u16 fs, tick, 6 + 6 i16 */
    m.u.raw.count = 1;
    m.u.raw.imu_mask = PSP_RAW_PELVIS;
    m.u.raw.accel_fs_g = 16;
    m.u.raw.gyro_fs_dps = 4000;
    m.u.raw.samples[0].tick_us = 0x04030201u;
    for (i = 0; i < 6; i++) {
        m.u.raw.samples[0].lumbar[i] = 0;
        m.u.raw.samples[0].pelvis[i] = (int16_t)(i == 0 ? -1 : i == 1 ? -32768 : i == 2 ? 32767 : 0x0102 * i);
    }
    roundtrip(&m, NULL);
    n = psp_encode_raw_imu(0xfffe, &m.u.raw, f, sizeof f);
    CHECK(n > 0 && n == psp_encode(&m, g, sizeof g) && memcmp(f, g, n) == 0);
    CHECK(psp_cobs_decode(f, n - 1, body, sizeof body, &blen) == 0);
    CHECK_EQ_U(blen, 4 + 5 + 28 + 2);
    CHECK(hex_eq(body, blen - 2,
                 "01 06 fe ff 01 02 10 a0 0f 01 02 03 04 00 00 00 00 00 00 00 00 00 00 00 00"
                 " ff ff 00 80 ff 7f 06 03 08 04 0a 05"));
    /* the largest RAW frame: 8 samples, body 235 bytes, one COBS block + delimiter */
    m = sample_msg(PSP_RAW, 3);
    m.u.raw.count = PSP_MAX_RAW_SAMPLES;
    for (i = 0; i < (int)PSP_MAX_RAW_SAMPLES; i++) {
        m.u.raw.samples[i].tick_us = (uint32_t)i * 2500u;
        m.u.raw.samples[i].lumbar[2] = (int16_t)(-i);
    }
    roundtrip(&m, NULL);
    n = psp_encode(&m, f, sizeof f);
    CHECK(psp_cobs_decode(f, n - 1, body, sizeof body, &blen) == 0);
    CHECK_EQ_U(blen, 235);
    CHECK(n <= 237);
    /* every listed full scale round-trips */
    m = sample_msg(PSP_RAW, 4);
    for (i = 0; i < 4; i++) {
        for (k = 0; k < 6; k++) {
            m.u.raw.accel_fs_g = accel[i];
            m.u.raw.gyro_fs_dps = gyro[k];
            CHECK(psp_raw_accel_fs_valid(accel[i]) && psp_raw_gyro_fs_valid(gyro[k]));
            roundtrip(&m, NULL);
        }
    }
}

static void t_roundtrip_status(void)
{
    psp_msg m = sample_msg(PSP_STATUS, 1);
    uint8_t f[PSP_MAX_FRAME];
    uint8_t body[PSP_MAX_BODY];
    size_t n;
    size_t blen;
    roundtrip(&m, NULL);
    n = psp_encode(&m, f, sizeof f);
    CHECK(psp_cobs_decode(f, n - 1, body, sizeof body, &blen) == 0);
    /* 3900 = 0x0f3c, -125 = 0xff83 */
    CHECK(hex_eq(body, blen - 2, "01 03 01 00 3c 0f ff 83 ff 05"));
    m.u.status.temperature_centi_c = -32768;
    roundtrip(&m, NULL);
}

static void t_roundtrip_event(void)
{
    psp_msg m = sample_msg(PSP_EVENT, 300);
    uint8_t f[PSP_MAX_FRAME];
    uint8_t body[PSP_MAX_BODY];
    size_t n;
    size_t blen;
    roundtrip(&m, NULL);
    n = psp_encode(&m, f, sizeof f);
    CHECK(psp_cobs_decode(f, n - 1, body, sizeof body, &blen) == 0);
    CHECK(hex_eq(body, blen - 2, "01 04 2c 01 ef be ad de 02 c8"));
}

static void t_roundtrip_ack(void)
{
    psp_msg m = sample_msg(PSP_ACK, 2);
    uint8_t f[PSP_MAX_FRAME];
    uint8_t body[PSP_MAX_BODY];
    size_t n;
    size_t blen;
    roundtrip(&m, NULL);
    n = psp_encode_ack(2, &m.u.ack, f, sizeof f);
    CHECK(psp_cobs_decode(f, n - 1, body, sizeof body, &blen) == 0);
    CHECK(hex_eq(body, blen - 2, "01 05 02 00 ef be 83 03"));
}

static void t_roundtrip_start_stop(void)
{
    psp_msg m = sample_msg(PSP_START, 9);
    uint8_t f[PSP_MAX_FRAME];
    uint8_t g[PSP_MAX_FRAME];
    size_t n;
    roundtrip(&m, NULL);
    m.u.start.sample_rate_hz = 0;
    roundtrip(&m, NULL);
    n = psp_encode_start(9, &m.u.start, f, sizeof f);
    CHECK(n > 0 && n == psp_encode(&m, g, sizeof g) && memcmp(f, g, n) == 0);
    m = sample_msg(PSP_STOP, 10);
    roundtrip(&m, NULL);
    n = psp_encode_stop(10, f, sizeof f);
    CHECK(n > 0 && n == psp_encode(&m, g, sizeof g) && memcmp(f, g, n) == 0);
    /* STOP seq 10: body 01 82 0a 00 + CRC */
    {
        uint8_t body[PSP_MAX_BODY];
        size_t blen;
        CHECK(psp_cobs_decode(f, n - 1, body, sizeof body, &blen) == 0);
        CHECK_EQ_U(blen, 6);
        CHECK(hex_eq(body, 4, "01 82 0a 00"));
    }
}

static void t_roundtrip_buzz_identify(void)
{
    psp_msg m = sample_msg(PSP_BUZZ, 11);
    uint8_t f[PSP_MAX_FRAME];
    uint8_t g[PSP_MAX_FRAME];
    uint8_t body[PSP_MAX_BODY];
    size_t n;
    size_t blen;
    roundtrip(&m, NULL);
    n = psp_encode_buzz(11, &m.u.buzz, f, sizeof f);
    CHECK(psp_cobs_decode(f, n - 1, body, sizeof body, &blen) == 0);
    CHECK(hex_eq(body, blen - 2, "01 83 0b 00 03 dc 05 64"));
    m = sample_msg(PSP_IDENTIFY, 12);
    roundtrip(&m, NULL);
    n = psp_encode_identify(12, f, sizeof f);
    CHECK(n > 0 && n == psp_encode(&m, g, sizeof g) && memcmp(f, g, n) == 0);
}

static void t_encode_rejects_invalid(void)
{
    uint8_t f[PSP_MAX_FRAME];
    uint8_t payload[PSP_MAX_PAYLOAD + 1];
    psp_msg m = sample_msg(PSP_SAMPLES, 1);
    size_t n;
    m.u.samples.count = 0;
    CHECK_EQ_U(psp_encode(&m, f, sizeof f), 0);
    m.u.samples.count = 17;
    CHECK_EQ_U(psp_encode(&m, f, sizeof f), 0);
    m = sample_msg(PSP_HELLO, 1);
    m.u.hello.name_len = 33;
    CHECK_EQ_U(psp_encode(&m, f, sizeof f), 0);
    m = sample_msg(0x42, 1);
    CHECK_EQ_U(psp_encode(&m, f, sizeof f), 0);
    /* RAW: count 0 / 9 and unlisted full scales are never sent */
    m = sample_msg(PSP_RAW, 1);
    CHECK(psp_encode(&m, f, sizeof f) > 0);
    m.u.raw.count = 0;
    CHECK_EQ_U(psp_encode(&m, f, sizeof f), 0);
    m.u.raw.count = PSP_MAX_RAW_SAMPLES + 1;
    CHECK_EQ_U(psp_encode_raw_imu(1, &m.u.raw, f, sizeof f), 0);
    m = sample_msg(PSP_RAW, 1);
    m.u.raw.accel_fs_g = 3;
    CHECK_EQ_U(psp_encode(&m, f, sizeof f), 0);
    m.u.raw.accel_fs_g = 0;
    CHECK_EQ_U(psp_encode(&m, f, sizeof f), 0);
    m = sample_msg(PSP_RAW, 1);
    m.u.raw.gyro_fs_dps = 300;
    CHECK_EQ_U(psp_encode(&m, f, sizeof f), 0);
    m.u.raw.gyro_fs_dps = 0;
    CHECK_EQ_U(psp_encode(&m, f, sizeof f), 0);
    CHECK(!psp_raw_accel_fs_valid(32) && !psp_raw_gyro_fs_valid(8000) && !psp_raw_gyro_fs_valid(1));
    m = sample_msg(PSP_STATUS, 1);
    n = psp_encode(&m, f, sizeof f);
    CHECK(n > 0);
    CHECK_EQ_U(psp_encode(&m, f, n - 1), 0);
    CHECK_EQ_U(psp_encode(&m, f, n), n);
    memset(payload, 0x33, sizeof payload);
    CHECK_EQ_U(psp_encode_raw(1, 0x7f, 1, payload, PSP_MAX_PAYLOAD + 1, f, sizeof f), 0);
    n = psp_encode_raw(1, 0x7f, 1, payload, PSP_MAX_PAYLOAD, f, sizeof f);
    CHECK(n > 0 && n <= PSP_MAX_FRAME);
}

static size_t body_of(const psp_msg *m, uint8_t *body)
{
    uint8_t f[PSP_MAX_FRAME];
    size_t n = psp_encode(m, f, sizeof f);
    size_t blen = 0;
    CHECK(psp_cobs_decode(f, n - 1, body, PSP_MAX_BODY, &blen) == 0);
    return blen;
}

static void set_crc(uint8_t *body, size_t len)
{
    uint16_t c = psp_crc16(body, len - 2);
    body[len - 2] = (uint8_t)(c & 0xFF);
    body[len - 1] = (uint8_t)(c >> 8);
}

static void t_parse_body_results(void)
{
    uint8_t body[PSP_MAX_BODY + 8];
    psp_msg m = sample_msg(PSP_STATUS, 77);
    psp_msg out;
    size_t n = body_of(&m, body);

    CHECK(psp_parse_body(body, n, &out) == PSP_OK);
    CHECK(psp_parse_body(body, 5, &out) == PSP_ERR_SHORT);
    CHECK(psp_parse_body(body, 0, &out) == PSP_ERR_SHORT);
    memset(body + n, 0, sizeof body - n);
    CHECK(psp_parse_body(body, PSP_MAX_BODY + 1, &out) == PSP_ERR_OVERSIZE);

    n = body_of(&m, body);
    body[4] ^= 1;
    CHECK(psp_parse_body(body, n, &out) == PSP_ERR_CRC);
    body[0] = 2; /* wrong version and wrong CRC: CRC is reported */
    CHECK(psp_parse_body(body, n, &out) == PSP_ERR_CRC);
    set_crc(body, n);
    CHECK(psp_parse_body(body, n, &out) == PSP_ERR_UNKNOWN_VERSION);

    n = body_of(&m, body);
    body[1] = 0x10;
    set_crc(body, n);
    memset(&out, 0, sizeof out);
    CHECK(psp_parse_body(body, n, &out) == PSP_ERR_UNKNOWN_TYPE);
    CHECK_EQ_U(out.type, 0x10);
    CHECK_EQ_U(out.seq, 77);

    n = body_of(&m, body);
    body[n - 3] = 0; /* drop last payload byte: move CRC one back */
    set_crc(body, n - 1);
    memset(&out, 0, sizeof out);
    CHECK(psp_parse_body(body, n - 1, &out) == PSP_ERR_BAD_LENGTH);
    CHECK_EQ_U(out.type, PSP_STATUS);
    CHECK_EQ_U(out.seq, 77);

    /* trailing bytes are ignored */
    n = body_of(&m, body);
    memmove(body + n + 1, body + n - 2, 2);
    body[n - 2] = 0xEE;
    body[n - 1] = 0xFF;
    set_crc(body, n + 1);
    CHECK(psp_parse_body(body, n + 1, &out) == PSP_OK);
    CHECK_EQ_U(out.u.status.battery_mv, 3900);

    /* SAMPLES count 0 / 17, HELLO name_len 33 */
    m = sample_msg(PSP_SAMPLES, 1);
    n = body_of(&m, body);
    body[4] = 0;
    set_crc(body, n);
    CHECK(psp_parse_body(body, n, &out) == PSP_ERR_BAD_LENGTH);
    body[4] = 17;
    set_crc(body, n);
    CHECK(psp_parse_body(body, n, &out) == PSP_ERR_BAD_LENGTH);
    body[4] = 2; /* fewer than present: fine, rest is trailing */
    set_crc(body, n);
    CHECK(psp_parse_body(body, n, &out) == PSP_OK);
    CHECK_EQ_U(out.u.samples.count, 2);
    m = sample_msg(PSP_HELLO, 1);
    m.u.hello.name_len = 32;
    n = body_of(&m, body);
    body[4 + 14] = 33;
    set_crc(body, n);
    CHECK(psp_parse_body(body, n, &out) == PSP_ERR_BAD_LENGTH);

    /* RAW: count 0 / 9, unlisted full scales, missing bytes -> bad length */
    m = sample_msg(PSP_RAW, 5);
    n = body_of(&m, body);
    CHECK(psp_parse_body(body, n, &out) == PSP_OK);
    CHECK_EQ_U(out.u.raw.gyro_fs_dps, 2000);
    body[4] = 0;
    set_crc(body, n);
    CHECK(psp_parse_body(body, n, &out) == PSP_ERR_BAD_LENGTH);
    body[4] = 9;
    set_crc(body, n);
    CHECK(psp_parse_body(body, n, &out) == PSP_ERR_BAD_LENGTH);
    body[4] = 1; /* fewer than present: fine, the rest is trailing */
    set_crc(body, n);
    CHECK(psp_parse_body(body, n, &out) == PSP_OK);
    CHECK_EQ_U(out.u.raw.count, 1);
    n = body_of(&m, body);
    body[4 + 2] = 12; /* accel_fs_g 12 */
    set_crc(body, n);
    CHECK(psp_parse_body(body, n, &out) == PSP_ERR_BAD_LENGTH);
    CHECK_EQ_U(out.type, PSP_RAW);
    CHECK_EQ_U(out.seq, 5);
    n = body_of(&m, body);
    body[4 + 3] = 0x00; /* gyro_fs_dps 2000 = 0x07d0 -> 0x0700 = 1792 */
    set_crc(body, n);
    CHECK(psp_parse_body(body, n, &out) == PSP_ERR_BAD_LENGTH);
    n = body_of(&m, body);
    body[n - 3] = 0; /* last sample one byte short: move CRC one back */
    set_crc(body, n - 1);
    CHECK(psp_parse_body(body, n - 1, &out) == PSP_ERR_BAD_LENGTH);
    set_crc(body, 4 + 4 + 2); /* header cut inside gyro_fs_dps */
    CHECK(psp_parse_body(body, 4 + 4 + 2, &out) == PSP_ERR_BAD_LENGTH);
}

/* Appends a frame for m to s. */
static size_t put_msg(uint8_t *s, size_t at, const psp_msg *m)
{
    size_t n = psp_encode(m, s + at, PSP_MAX_FRAME);
    CHECK(n > 0);
    return at + n;
}

static size_t put_body(uint8_t *s, size_t at, const uint8_t *body, size_t len)
{
    size_t n = psp_cobs_encode(body, len, s + at, 600);
    CHECK(n > 0);
    s[at + n] = 0;
    return at + n + 1;
}

static void t_decoder_error_kinds(void)
{
    uint8_t s[8192];
    uint8_t body[PSP_MAX_BODY + 8];
    size_t at = 0;
    size_t n;
    size_t i;
    capture cap;
    psp_counts c;
    psp_msg good = sample_msg(PSP_STATUS, 0);
    uint16_t seq = 0;

#define GOOD() (good.seq = seq++, at = put_msg(s, at, &good))
    GOOD();
    s[at++] = 0x00; /* empty */
    GOOD();
    s[at++] = 0x05; /* COBS */
    s[at++] = 0x01;
    s[at++] = 0x00;
    GOOD();
    good.seq = seq++;
    n = body_of(&good, body);
    body[5] ^= 0x10;
    at = put_body(s, at, body, n); /* CRC */
    GOOD();
    at = put_body(s, at, body, 5); /* short */
    GOOD();
    for (i = 0; i < 300; i++) { /* oversize, encoded */
        s[at++] = 0x7f;
    }
    s[at++] = 0;
    GOOD();
    memset(body, 0, sizeof body); /* oversize, decoded: 257 zero bytes */
    at = put_body(s, at, body, 257);
    GOOD();
    good.seq = seq++;
    n = body_of(&good, body);
    n -= 1; /* bad length: STATUS with 5 payload bytes */
    set_crc(body, n);
    at = put_body(s, at, body, n);
    GOOD();
    good.seq = seq++;
    n = body_of(&good, body);
    body[0] = 3; /* unknown version (consumes no seq in the tracker) */
    set_crc(body, n);
    at = put_body(s, at, body, n);
    GOOD();
    good.seq = seq++;
    n = body_of(&good, body);
    body[1] = 0x3c; /* unknown type */
    set_crc(body, n);
    at = put_body(s, at, body, n);
    GOOD();
#undef GOOD

    decode_all(s, at, &cap, &c);
    CHECK_EQ_U(c.frames, 10);
    CHECK_EQ_U(cap.n, 10);
    CHECK_EQ_U(c.empty, 1);
    CHECK_EQ_U(c.cobs, 1);
    CHECK_EQ_U(c.crc, 1);
    CHECK_EQ_U(c.shortbody, 1);
    CHECK_EQ_U(c.oversize, 2);
    CHECK_EQ_U(c.bad_length, 1);
    CHECK_EQ_U(c.unknown_version, 1);
    CHECK_EQ_U(c.unknown_type, 1);
    /* lost: the CRC frame and the unknown-version frame were not seen */
    CHECK_EQ_U(c.lost_dev, 2);
    CHECK_EQ_U(c.reset_dev, 0);
    CHECK_EQ_U(c.lost_host + c.reset_host, 0);
}

static psp_counts seqs(const uint8_t *types, const uint16_t *sq, size_t n)
{
    uint8_t s[4096];
    size_t at = 0;
    size_t i;
    capture cap;
    psp_counts c;
    for (i = 0; i < n; i++) {
        psp_msg m = sample_msg(types[i], sq[i]);
        if (types[i] == 0x7e) {
            uint8_t p[3] = { 1, 2, 3 };
            at += psp_encode_raw(1, 0x7e, sq[i], p, 3, s + at, PSP_MAX_FRAME);
        } else if (types[i] == 0xee) {
            uint8_t p[3] = { 1, 2, 3 };
            at += psp_encode_raw(2, PSP_STATUS, sq[i], p, 3, s + at, PSP_MAX_FRAME);
        } else {
            at = put_msg(s, at, &m);
        }
    }
    decode_all(s, at, &cap, &c);
    return c;
}

static void t_decoder_seq_tracking(void)
{
    psp_counts c;
    {
        static const uint8_t t[] = { 2, 2, 2, 2 };
        static const uint16_t q[] = { 65534, 65535, 0, 1 };
        c = seqs(t, q, 4);
        CHECK_EQ_U(c.lost_dev + c.reset_dev, 0);
    }
    {
        static const uint8_t t[] = { 2, 2, 2 };
        static const uint16_t q[] = { 500, 501, 505 };
        c = seqs(t, q, 3);
        CHECK_EQ_U(c.lost_dev, 3);
        CHECK_EQ_U(c.reset_dev, 0);
    }
    {
        static const uint8_t t[] = { 2, 2, 2, 2 };
        static const uint16_t q[] = { 10, 10, 5, 32773 };
        c = seqs(t, q, 4);
        CHECK_EQ_U(c.lost_dev, 32767);
        CHECK_EQ_U(c.reset_dev, 2);
    }
    {
        static const uint8_t t[] = { 2, 2 };
        static const uint16_t q[] = { 5, 32774 }; /* step 32768: reset */
        c = seqs(t, q, 2);
        CHECK_EQ_U(c.lost_dev, 0);
        CHECK_EQ_U(c.reset_dev, 1);
    }
    {
        /* first frame in each direction only sets the reference */
        static const uint8_t t[] = { 0x81, 0x02, 0x83, 0x05, 0x84, 0x03 };
        static const uint16_t q[] = { 1000, 7, 1002, 8, 999, 12 };
        c = seqs(t, q, 6);
        CHECK_EQ_U(c.lost_host, 1);
        CHECK_EQ_U(c.reset_host, 1);
        CHECK_EQ_U(c.lost_dev, 3);
        CHECK_EQ_U(c.reset_dev, 0);
    }
    {
        /* unknown types are tracked; unknown versions are not */
        static const uint8_t t[] = { 0x02, 0x7e, 0xee, 0x02 };
        static const uint16_t q[] = { 1, 2, 40000, 3 };
        c = seqs(t, q, 4);
        CHECK_EQ_U(c.lost_dev + c.reset_dev, 0);
        CHECK_EQ_U(c.unknown_type, 1);
        CHECK_EQ_U(c.unknown_version, 1);
    }
}

/* A stream with every message type and every error kind. */
static size_t mixed_stream(uint8_t *s)
{
    static const uint8_t types[] = { PSP_HELLO, PSP_SAMPLES, PSP_STATUS, PSP_EVENT, PSP_ACK,
                                     PSP_START, PSP_STOP, PSP_BUZZ, PSP_IDENTIFY };
    size_t at = 0;
    size_t i;
    uint8_t body[PSP_MAX_BODY];
    s[at++] = 0;
    for (i = 0; i < sizeof types; i++) {
        psp_msg m = sample_msg(types[i], (uint16_t)(i * 3));
        at = put_msg(s, at, &m);
        if (i == 2) {
            size_t n = body_of(&m, body);
            body[n - 1] ^= 1;
            at = put_body(s, at, body, n);
        }
        if (i == 4) {
            memset(s + at, 0x22, 280);
            at += 280;
            s[at++] = 0;
            s[at++] = 0;
        }
        if (i == 6) {
            s[at++] = 0x09;
            s[at++] = 0x01;
            s[at++] = 0x00;
        }
    }
    return at;
}

static void t_decoder_chunked_every_size(void)
{
    uint8_t s[8192];
    size_t n = mixed_stream(s);
    static char whole[32768];
    static char part[32768];
    psp_text t;
    size_t chunk;
    uint32_t x = 7;

    psp_text_init(&t, whole, sizeof whole);
    psp_text_decode_stream(&t, s, n, 0);
    CHECK(!t.overflow);
    CHECK(strstr(whole, "counts frames=9 ") != NULL);
    for (chunk = 1; chunk <= n; chunk++) {
        psp_text_init(&t, part, sizeof part);
        psp_text_decode_stream(&t, s, n, chunk);
        CHECK(strcmp(part, whole) == 0);
        if (strcmp(part, whole) != 0) {
            fprintf(stderr, "chunk size %u differs\n", (unsigned)chunk);
            break;
        }
    }
    /* random split points */
    for (chunk = 0; chunk < 200; chunk++) {
        psp_decoder dec;
        size_t off = 0;
        psp_decoder_init(&dec);
        psp_text_init(&t, part, sizeof part);
        while (off < n) {
            size_t k;
            x = x * 1103515245u + 12345u;
            k = (x >> 16) % 40;
            if (k > n - off) {
                k = n - off;
            }
            {
                capture cap;
                size_t j;
                memset(&cap, 0, sizeof cap);
                psp_decoder_feed(&dec, s + off, k, capture_msg, &cap);
                for (j = 0; j < cap.n; j++) {
                    psp_text_msg(&t, &cap.msgs[j]);
                }
            }
            off += k;
        }
        psp_text_counts(&t, &dec.counts);
        CHECK(strcmp(part, whole) == 0);
    }
}

static void t_text_format_golden(void)
{
    char buf[4096];
    psp_text t;
    psp_counts c;
    psp_msg m = sample_msg(PSP_HELLO, 0);
    msg_text(&m, buf, sizeof buf);
    CHECK_STR(buf, "hello seq=0 device_id=0123456789abcdef fw=1.2.3 rate=100 mask=3 name=c3a974c3a9\n");
    m.u.hello.name_len = 0;
    m.u.hello.device_id = 0xab;
    msg_text(&m, buf, sizeof buf);
    CHECK_STR(buf, "hello seq=0 device_id=00000000000000ab fw=1.2.3 rate=100 mask=3 name=\n");
    m = sample_msg(PSP_SAMPLES, 65535);
    m.u.samples.count = 2;
    msg_text(&m, buf, sizeof buf);
    CHECK_STR(buf, "samples seq=65535 count=2 tick=4294967000 lp=-1000 lr=-32768 pp=32767 pr=0 "
                   "tick=4294967100 lp=-1001 lr=-32768 pp=32767 pr=100\n");
    m = sample_msg(PSP_STATUS, 3);
    msg_text(&m, buf, sizeof buf);
    CHECK_STR(buf, "status seq=3 mv=3900 pct=255 temp=-125 flags=5\n");
    m = sample_msg(PSP_EVENT, 4);
    msg_text(&m, buf, sizeof buf);
    CHECK_STR(buf, "event seq=4 tick=3735928559 code=2 arg=200\n");
    m = sample_msg(PSP_ACK, 5);
    msg_text(&m, buf, sizeof buf);
    CHECK_STR(buf, "ack seq=5 acked_seq=48879 acked_type=0x83 result=3\n");
    m = sample_msg(PSP_START, 6);
    msg_text(&m, buf, sizeof buf);
    CHECK_STR(buf, "start seq=6 rate=65535\n");
    m = sample_msg(PSP_STOP, 7);
    msg_text(&m, buf, sizeof buf);
    CHECK_STR(buf, "stop seq=7\n");
    m = sample_msg(PSP_BUZZ, 8);
    msg_text(&m, buf, sizeof buf);
    CHECK_STR(buf, "buzz seq=8 pattern=3 duration_ms=1500 intensity=100\n");
    m = sample_msg(PSP_IDENTIFY, 9);
    msg_text(&m, buf, sizeof buf);
    CHECK_STR(buf, "identify seq=9\n");
    m = sample_msg(PSP_RAW, 10);
    m.u.raw.count = 1;
    m.u.raw.imu_mask = PSP_RAW_LUMBAR;
    msg_text(&m, buf, sizeof buf);
    CHECK_STR(buf, "raw seq=10 count=1 imu_mask=1 accel_fs_g=8 gyro_fs_dps=2000 tick_us=4294967000 "
                   "lumbar=-32768,-31768,-30768,-29768,-28768,-27768 "
                   "pelvis=32767,31767,30767,29767,28767,27767\n");
    m = sample_msg(0x07, 9);
    msg_text(&m, buf, sizeof buf);
    CHECK_STR(buf, "");
    memset(&c, 0, sizeof c);
    c.frames = 1;
    c.empty = 2;
    c.cobs = 3;
    c.crc = 4;
    c.shortbody = 5;
    c.oversize = 6;
    c.bad_length = 7;
    c.unknown_version = 8;
    c.unknown_type = 9;
    c.lost_dev = 10;
    c.lost_host = 11;
    c.reset_dev = 12;
    c.reset_host = 13;
    psp_text_init(&t, buf, sizeof buf);
    psp_text_counts(&t, &c);
    CHECK_STR(buf, "counts frames=1 empty=2 cobs=3 crc=4 short=5 oversize=6 bad_length=7 "
                   "unknown_version=8 unknown_type=9 lost_dev=10 lost_host=11 reset_dev=12 "
                   "reset_host=13\n");
}

static void t_hex_parser(void)
{
    uint8_t out[16];
    size_t n = 0;
    static const char ok[] = "0a 1B\n# comment 00 11\r\n\tff#x\n0102";
    CHECK(psp_hex_parse(ok, strlen(ok), out, sizeof out, &n) == 0);
    CHECK(hex_eq(out, n, "0a 1b ff 01 02"));
    CHECK(psp_hex_parse("0a 1", 4, out, sizeof out, &n) == -1);
    CHECK(psp_hex_parse("0g", 2, out, sizeof out, &n) == -1);
    CHECK(psp_hex_parse("0 a", 3, out, sizeof out, &n) == -1);
    CHECK(psp_hex_parse("01 02 03", 8, out, 2, &n) == -2);
    CHECK(psp_hex_parse("# only a comment", 16, out, sizeof out, &n) == 0);
    CHECK_EQ_U(n, 0);
}

typedef struct {
    psp_device_cmd_state st;
    int buzzes;
    uint8_t acks[16][4]; /* acked_seq lo/hi, type, result */
    int nacks;
} fake_device;

static void device_on_msg(void *ctx, const psp_msg *m)
{
    fake_device *d = (fake_device *)ctx;
    if (!PSP_TYPE_IS_HOST_TO_DEVICE(m->type)) {
        return;
    }
    if (psp_device_cmd_check(&d->st, m->type, m->seq) == PSP_CMD_ACT) {
        if (m->type == PSP_BUZZ) {
            d->buzzes++;
            psp_device_cmd_set_result(&d->st, d->buzzes > 1 ? PSP_ACK_BUSY : PSP_ACK_OK);
        }
    }
    if (d->nacks < 16) {
        d->acks[d->nacks][0] = (uint8_t)(m->seq & 0xFF);
        d->acks[d->nacks][1] = (uint8_t)(m->seq >> 8);
        d->acks[d->nacks][2] = m->type;
        d->acks[d->nacks][3] = d->st.last_result;
    }
    d->nacks++;
}

static void t_device_cmd_retry(void)
{
    psp_device_cmd_state st;
    psp_device_cmd_init(&st);
    CHECK(psp_device_cmd_check(&st, PSP_BUZZ, 7) == PSP_CMD_ACT);
    CHECK(psp_device_cmd_check(&st, PSP_BUZZ, 7) == PSP_CMD_REACK);
    CHECK(psp_device_cmd_check(&st, PSP_BUZZ, 7) == PSP_CMD_REACK);
    CHECK(psp_device_cmd_check(&st, PSP_BUZZ, 8) == PSP_CMD_ACT);
    CHECK(psp_device_cmd_check(&st, PSP_START, 8) == PSP_CMD_ACT); /* same seq, other type */
    psp_device_cmd_set_result(&st, PSP_ACK_INVALID_ARG);
    CHECK(psp_device_cmd_check(&st, PSP_START, 8) == PSP_CMD_REACK);
    CHECK_EQ_U(st.last_result, PSP_ACK_INVALID_ARG);
    CHECK(psp_device_cmd_check(&st, PSP_BUZZ, 8) == PSP_CMD_ACT); /* not the *last* one */
    CHECK_EQ_U(st.last_result, PSP_ACK_OK);
    CHECK(psp_device_cmd_check(&st, PSP_BUZZ, 9) == PSP_CMD_ACT);
    CHECK(psp_device_cmd_check(&st, PSP_BUZZ, 10) == PSP_CMD_ACT);
    psp_device_cmd_init(&st); /* reconnect */
    CHECK(psp_device_cmd_check(&st, PSP_BUZZ, 10) == PSP_CMD_ACT);

    /* end to end: the host's BUZZ is retried with the same seq; one buzz, two ACKs */
    {
        uint8_t s[256];
        size_t at = 0;
        fake_device d;
        psp_decoder dec;
        psp_msg m = sample_msg(PSP_BUZZ, 42);
        memset(&d, 0, sizeof d);
        psp_device_cmd_init(&d.st);
        at = put_msg(s, at, &m);
        at = put_msg(s, at, &m); /* retry after 500 ms, same seq */
        m.seq = 43;
        at = put_msg(s, at, &m);
        psp_decoder_init(&dec);
        psp_decoder_feed(&dec, s, at, device_on_msg, &d);
        CHECK_EQ_U(d.buzzes, 2);
        CHECK_EQ_U(d.nacks, 3);
        CHECK_EQ_U(d.acks[0][0], 42);
        CHECK_EQ_U(d.acks[1][0], 42);
        CHECK_EQ_U(d.acks[1][3], PSP_ACK_OK);
        CHECK_EQ_U(d.acks[2][0], 43);
        CHECK_EQ_U(d.acks[2][3], PSP_ACK_BUSY);
        CHECK_EQ_U(dec.counts.reset_host, 1); /* the spec's seq rule sees the retry */
    }
}

/* ---- vectors ---------------------------------------------------------------------- */

typedef void (*vector_fn)(const char *name, const uint8_t *b, size_t n, const char *expected);

static int for_each_vector(vector_fn fn)
{
    char path[2048];
    char *index;
    size_t ilen;
    char *line;
    int count = 0;
    sprintf(path, "%s/index.txt", g_vectors_dir);
    index = read_text_file(path, &ilen);
    CHECK(index != NULL);
    if (index == NULL) {
        return 0;
    }
    for (line = strtok(index, "\n"); line != NULL; line = strtok(NULL, "\n")) {
        char *hex;
        char *exp;
        size_t hlen;
        size_t elen;
        uint8_t *bytes;
        size_t n = 0;
        sprintf(path, "%s/%s.hex", g_vectors_dir, line);
        hex = read_text_file(path, &hlen);
        sprintf(path, "%s/%s.expected", g_vectors_dir, line);
        exp = read_text_file(path, &elen);
        CHECK(hex != NULL && exp != NULL);
        if (hex == NULL || exp == NULL) {
            fprintf(stderr, "vector %s: missing file\n", line);
            free(hex);
            free(exp);
            continue;
        }
        bytes = (uint8_t *)malloc(hlen / 2 + 1);
        CHECK(bytes != NULL && psp_hex_parse(hex, hlen, bytes, hlen / 2 + 1, &n) == 0);
        /* canonical text: LF only, ends with LF, no trailing spaces, counts last */
        CHECK(strchr(exp, '\r') == NULL);
        CHECK(elen > 0 && exp[elen - 1] == '\n');
        CHECK(strstr(exp, " \n") == NULL);
        CHECK(strstr(exp, "counts frames=") != NULL);
        fn(line, bytes, n, exp);
        free(bytes);
        free(hex);
        free(exp);
        count++;
    }
    free(index);
    return count;
}

static char g_textbuf[1 << 20];

static void vector_whole(const char *name, const uint8_t *b, size_t n, const char *expected)
{
    psp_text t;
    psp_text_init(&t, g_textbuf, sizeof g_textbuf);
    psp_text_decode_stream(&t, b, n, 0);
    CHECK(!t.overflow);
    if (strcmp(g_textbuf, expected) != 0) {
        fprintf(stderr, "vector %s:\n", name);
    }
    CHECK_STR(g_textbuf, expected);
}

static void vector_chunked(const char *name, const uint8_t *b, size_t n, const char *expected)
{
    size_t chunk;
    for (chunk = 1; chunk <= n; chunk++) {
        psp_text t;
        psp_text_init(&t, g_textbuf, sizeof g_textbuf);
        psp_text_decode_stream(&t, b, n, chunk);
        if (strcmp(g_textbuf, expected) != 0) {
            fprintf(stderr, "vector %s differs at chunk size %u\n", name, (unsigned)chunk);
            CHECK_STR(g_textbuf, expected);
            return;
        }
    }
    CHECK(n > 0);
}

static void t_vectors_decode(void)
{
    int n = for_each_vector(vector_whole);
    CHECK(n >= 30);
    printf("%d vectors decoded\n", n);
}

static void t_vectors_chunked(void)
{
    int n = for_each_vector(vector_chunked);
    CHECK(n >= 30);
    printf("%d vectors decoded at every chunk size\n", n);
}

static int hex2bin(const char *in, const char *out)
{
    size_t len;
    size_t n;
    char *text = read_text_file(in, &len);
    uint8_t *bytes;
    FILE *f;
    if (text == NULL) {
        return 1;
    }
    bytes = (uint8_t *)malloc(len / 2 + 1);
    if (bytes == NULL || psp_hex_parse(text, len, bytes, len / 2 + 1, &n) != 0) {
        return 1;
    }
    f = fopen(out, "wb");
    if (f == NULL || fwrite(bytes, 1, n, f) != n) {
        return 1;
    }
    fclose(f);
    free(bytes);
    free(text);
    return 0;
}

/* ---- main -------------------------------------------------------------------------- */

typedef struct {
    const char *name;
    void (*fn)(void);
} group;

static const group GROUPS[] = {
    { "crc_check_value", t_crc_check_value },
    { "cobs_roundtrip", t_cobs_roundtrip },
    { "cobs_edge_cases", t_cobs_edge_cases },
    { "cobs_decode_errors", t_cobs_decode_errors },
    { "roundtrip_hello", t_roundtrip_hello },
    { "roundtrip_samples", t_roundtrip_samples },
    { "roundtrip_raw", t_roundtrip_raw },
    { "roundtrip_status", t_roundtrip_status },
    { "roundtrip_event", t_roundtrip_event },
    { "roundtrip_ack", t_roundtrip_ack },
    { "roundtrip_start_stop", t_roundtrip_start_stop },
    { "roundtrip_buzz_identify", t_roundtrip_buzz_identify },
    { "encode_rejects_invalid", t_encode_rejects_invalid },
    { "parse_body_results", t_parse_body_results },
    { "decoder_error_kinds", t_decoder_error_kinds },
    { "decoder_seq_tracking", t_decoder_seq_tracking },
    { "decoder_chunked_every_size", t_decoder_chunked_every_size },
    { "text_format_golden", t_text_format_golden },
    { "hex_parser", t_hex_parser },
    { "device_cmd_retry", t_device_cmd_retry },
    { "vectors_decode", t_vectors_decode },
    { "vectors_chunked", t_vectors_chunked },
};

int main(int argc, char **argv)
{
    size_t i;
    if (argc == 4 && strcmp(argv[1], "hex2bin") == 0) {
        return hex2bin(argv[2], argv[3]);
    }
    if (argc < 2) {
        fprintf(stderr, "usage: psp_tests GROUP [VECTORS_DIR] | hex2bin IN OUT\n");
        return 2;
    }
    g_vectors_dir = argc >= 3 ? argv[2] : "vectors";
    for (i = 0; i < sizeof GROUPS / sizeof GROUPS[0]; i++) {
        if (strcmp(argv[1], GROUPS[i].name) == 0 || strcmp(argv[1], "all") == 0) {
            GROUPS[i].fn();
        }
    }
    if (g_checks == 0) {
        fprintf(stderr, "no checks ran for group '%s'\n", argv[1]);
        return 2;
    }
    printf("%d checks, %d failures\n", g_checks, g_failures);
    return g_failures ? 1 : 0;
}
