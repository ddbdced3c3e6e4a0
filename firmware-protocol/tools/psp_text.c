/*
 * psp_text.c - canonical text form of PSP messages. See psp_text.h.
 */
#include "psp_text.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void psp_text_init(psp_text *t, char *buf, size_t cap)
{
    t->buf = buf;
    t->cap = cap;
    t->len = 0;
    t->overflow = 0;
    if (cap > 0) {
        buf[0] = '\0';
    }
}

static void put(psp_text *t, const char *fmt, ...)
{
    va_list ap;
    int n;
    if (t->overflow || t->len >= t->cap) {
        t->overflow = 1;
        return;
    }
    va_start(ap, fmt);
    n = vsnprintf(t->buf + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= t->cap - t->len) {
        t->overflow = 1;
        t->buf[t->len] = '\0';
        return;
    }
    t->len += (size_t)n;
}

void psp_text_msg(psp_text *t, const psp_msg *m)
{
    size_t i;
    switch (m->type) {
    case PSP_HELLO: {
        const psp_hello *h = &m->u.hello;
        put(t, "hello seq=%u device_id=%016" PRIx64 " fw=%u.%u.%u rate=%u mask=%u name=",
            (unsigned)m->seq, h->device_id, (unsigned)h->fw_major,
            (unsigned)h->fw_minor, (unsigned)h->fw_patch,
            (unsigned)h->sample_rate_hz, (unsigned)h->sensor_mask);
        for (i = 0; i < h->name_len && i < PSP_MAX_NAME; i++) {
            put(t, "%02x", (unsigned)h->name[i]);
        }
        put(t, "\n");
        break;
    }
    case PSP_SAMPLES: {
        const psp_samples *s = &m->u.samples;
        put(t, "samples seq=%u count=%u", (unsigned)m->seq, (unsigned)s->count);
        for (i = 0; i < s->count && i < PSP_MAX_SAMPLES; i++) {
            const psp_sample *x = &s->samples[i];
            put(t, " tick=%lu lp=%d lr=%d pp=%d pr=%d", (unsigned long)x->tick_us,
                (int)x->lumbar_pitch, (int)x->lumbar_roll, (int)x->pelvis_pitch,
                (int)x->pelvis_roll);
        }
        put(t, "\n");
        break;
    }
    case PSP_RAW: {
        const psp_raw *r = &m->u.raw;
        put(t, "raw seq=%u count=%u imu_mask=%u accel_fs_g=%u gyro_fs_dps=%u",
            (unsigned)m->seq, (unsigned)r->count, (unsigned)r->imu_mask,
            (unsigned)r->accel_fs_g, (unsigned)r->gyro_fs_dps);
        for (i = 0; i < r->count && i < PSP_MAX_RAW_SAMPLES; i++) {
            const psp_raw_sample *x = &r->samples[i];
            put(t, " tick_us=%lu lumbar=%d,%d,%d,%d,%d,%d pelvis=%d,%d,%d,%d,%d,%d",
                (unsigned long)x->tick_us, (int)x->lumbar[0], (int)x->lumbar[1],
                (int)x->lumbar[2], (int)x->lumbar[3], (int)x->lumbar[4],
                (int)x->lumbar[5], (int)x->pelvis[0], (int)x->pelvis[1],
                (int)x->pelvis[2], (int)x->pelvis[3], (int)x->pelvis[4],
                (int)x->pelvis[5]);
        }
        put(t, "\n");
        break;
    }
    case PSP_STATUS:
        put(t, "status seq=%u mv=%u pct=%u temp=%d flags=%u\n", (unsigned)m->seq,
            (unsigned)m->u.status.battery_mv, (unsigned)m->u.status.battery_pct,
            (int)m->u.status.temperature_centi_c, (unsigned)m->u.status.flags);
        break;
    case PSP_EVENT:
        put(t, "event seq=%u tick=%lu code=%u arg=%u\n", (unsigned)m->seq,
            (unsigned long)m->u.event.tick_us, (unsigned)m->u.event.code,
            (unsigned)m->u.event.arg);
        break;
    case PSP_ACK:
        put(t, "ack seq=%u acked_seq=%u acked_type=0x%02x result=%u\n",
            (unsigned)m->seq, (unsigned)m->u.ack.acked_seq,
            (unsigned)m->u.ack.acked_type, (unsigned)m->u.ack.result);
        break;
    case PSP_START:
        put(t, "start seq=%u rate=%u\n", (unsigned)m->seq,
            (unsigned)m->u.start.sample_rate_hz);
        break;
    case PSP_STOP:
        put(t, "stop seq=%u\n", (unsigned)m->seq);
        break;
    case PSP_BUZZ:
        put(t, "buzz seq=%u pattern=%u duration_ms=%u intensity=%u\n",
            (unsigned)m->seq, (unsigned)m->u.buzz.pattern,
            (unsigned)m->u.buzz.duration_ms, (unsigned)m->u.buzz.intensity);
        break;
    case PSP_IDENTIFY:
        put(t, "identify seq=%u\n", (unsigned)m->seq);
        break;
    default:
        break; /* unknown types are never printed */
    }
}

void psp_text_counts(psp_text *t, const psp_counts *c)
{
    put(t,
        "counts frames=%lu empty=%lu cobs=%lu crc=%lu short=%lu oversize=%lu "
        "bad_length=%lu unknown_version=%lu unknown_type=%lu lost_dev=%lu "
        "lost_host=%lu reset_dev=%lu reset_host=%lu\n",
        (unsigned long)c->frames, (unsigned long)c->empty, (unsigned long)c->cobs,
        (unsigned long)c->crc, (unsigned long)c->shortbody,
        (unsigned long)c->oversize, (unsigned long)c->bad_length,
        (unsigned long)c->unknown_version, (unsigned long)c->unknown_type,
        (unsigned long)c->lost_dev, (unsigned long)c->lost_host,
        (unsigned long)c->reset_dev, (unsigned long)c->reset_host);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

int psp_hex_parse(const char *text, size_t len, uint8_t *out, size_t cap,
                  size_t *out_len)
{
    size_t i = 0;
    size_t o = 0;
    while (i < len) {
        char c = text[i];
        if (c == '#') {
            while (i < len && text[i] != '\n') {
                i++;
            }
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            i++;
        } else {
            int hi = hexval(c);
            int lo = i + 1 < len ? hexval(text[i + 1]) : -1;
            if (hi < 0 || lo < 0) {
                return -1;
            }
            if (o >= cap) {
                return -2;
            }
            out[o++] = (uint8_t)(hi * 16 + lo);
            i += 2;
        }
    }
    *out_len = o;
    return 0;
}

static void on_msg(void *ctx, const psp_msg *msg)
{
    psp_text_msg((psp_text *)ctx, msg);
}

void psp_text_decode_stream(psp_text *t, const uint8_t *data, size_t len,
                            size_t chunk)
{
    psp_decoder dec;
    size_t off = 0;
    psp_decoder_init(&dec);
    if (chunk == 0) {
        chunk = len > 0 ? len : 1;
    }
    while (off < len) {
        size_t n = len - off < chunk ? len - off : chunk;
        psp_decoder_feed(&dec, data + off, n, on_msg, t);
        off += n;
    }
    psp_text_counts(t, &dec.counts);
}
