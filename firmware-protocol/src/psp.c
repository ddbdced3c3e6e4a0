/*
 * psp.c - PostureStream Protocol (PSP) v1 reference codec. See psp.h.
 */
#include "psp.h"

#include <string.h>

/* ---- Little-endian helpers ------------------------------------------------ */

static void put_u16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v & 0xFFu);
    p[1] = (uint8_t)(v >> 8);
}

static void put_u32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v & 0xFFu);
    p[1] = (uint8_t)((v >> 8) & 0xFFu);
    p[2] = (uint8_t)((v >> 16) & 0xFFu);
    p[3] = (uint8_t)(v >> 24);
}

static void put_u64(uint8_t *p, uint64_t v)
{
    put_u32(p, (uint32_t)(v & 0xFFFFFFFFu));
    put_u32(p + 4, (uint32_t)(v >> 32));
}

static void put_i16(uint8_t *p, int16_t v)
{
    /* two's complement bit pattern without relying on implementation-defined casts */
    put_u16(p, (uint16_t)(v < 0 ? (uint16_t)(65536L + (long)v) : (uint16_t)v));
}

static uint16_t get_u16(const uint8_t *p)
{
    return (uint16_t)(p[0] | ((uint16_t)p[1] << 8));
}

static uint32_t get_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
           ((uint32_t)p[3] << 24);
}

static uint64_t get_u64(const uint8_t *p)
{
    return (uint64_t)get_u32(p) | ((uint64_t)get_u32(p + 4) << 32);
}

static int16_t get_i16(const uint8_t *p)
{
    uint16_t u = get_u16(p);
    return u >= 0x8000u ? (int16_t)((long)u - 65536L) : (int16_t)u;
}

/* ---- CRC-16/CCITT-FALSE ---------------------------------------------------- */

uint16_t psp_crc16_update(uint16_t crc, const uint8_t *data, size_t len)
{
    size_t i;
    int bit;
    for (i = 0; i < len; i++) {
        crc = (uint16_t)(crc ^ ((uint16_t)data[i] << 8));
        for (bit = 0; bit < 8; bit++) {
            if (crc & 0x8000u) {
                crc = (uint16_t)((crc << 1) ^ 0x1021u);
            } else {
                crc = (uint16_t)(crc << 1);
            }
        }
    }
    return crc;
}

uint16_t psp_crc16(const uint8_t *data, size_t len)
{
    return psp_crc16_update(0xFFFFu, data, len);
}

/* ---- COBS ------------------------------------------------------------------ */

size_t psp_cobs_encode(const uint8_t *in, size_t len, uint8_t *out, size_t cap)
{
    size_t code_pos = 0; /* where the current block's code byte goes */
    size_t o = 1;        /* next data byte position */
    uint8_t code = 1;    /* 1 + number of data bytes in the current block */
    size_t i;

    if (cap < 1) {
        return 0;
    }
    for (i = 0; i < len; i++) {
        if (in[i] == 0) {
            out[code_pos] = code;
            code_pos = o++;
            code = 1;
            if (code_pos >= cap) {
                return 0;
            }
        } else {
            if (o >= cap) {
                return 0;
            }
            out[o++] = in[i];
            code++;
            if (code == 0xFF) {
                out[code_pos] = code;
                code = 1;
                if (i + 1 == len) {
                    /* a final full block needs no further code byte */
                    return o;
                }
                code_pos = o++;
                if (code_pos >= cap) {
                    return 0;
                }
            }
        }
    }
    out[code_pos] = code;
    return o;
}

int psp_cobs_decode(const uint8_t *in, size_t len, uint8_t *out, size_t cap,
                    size_t *out_len)
{
    size_t i = 0;
    size_t o = 0;
    while (i < len) {
        uint8_t code = in[i++];
        size_t run;
        if (code == 0) {
            return -1;
        }
        run = (size_t)code - 1u;
        if (run > len - i) {
            return -1; /* block runs past the end of the frame */
        }
        if (run > cap - o) {
            return -2;
        }
        for (; run > 0; run--) {
            uint8_t b = in[i++];
            if (b == 0) {
                return -1;
            }
            out[o++] = b; /* o < i always, so in-place is safe */
        }
        if (code != 0xFF && i < len) {
            if (o >= cap) {
                return -2;
            }
            out[o++] = 0;
        }
    }
    *out_len = o;
    return 0;
}

/* ---- Encoding -------------------------------------------------------------- */

size_t psp_encode_raw(uint8_t version, uint8_t type, uint16_t seq,
                      const uint8_t *payload, size_t payload_len,
                      uint8_t *out, size_t cap)
{
    uint8_t body[PSP_MAX_BODY];
    size_t n;
    size_t enc;
    uint16_t crc;

    if (payload_len > PSP_MAX_PAYLOAD) {
        return 0;
    }
    body[0] = version;
    body[1] = type;
    put_u16(body + 2, seq);
    if (payload_len > 0) {
        memcpy(body + PSP_HEADER_SIZE, payload, payload_len);
    }
    n = PSP_HEADER_SIZE + payload_len;
    crc = psp_crc16(body, n);
    put_u16(body + n, crc);
    n += PSP_CRC_SIZE;

    if (cap < 1) {
        return 0;
    }
    enc = psp_cobs_encode(body, n, out, cap - 1u);
    if (enc == 0) {
        return 0;
    }
    out[enc] = 0x00;
    return enc + 1u;
}

int psp_raw_accel_fs_valid(uint8_t accel_fs_g)
{
    return accel_fs_g == 2u || accel_fs_g == 4u || accel_fs_g == 8u || accel_fs_g == 16u;
}

int psp_raw_gyro_fs_valid(uint16_t gyro_fs_dps)
{
    return gyro_fs_dps == 125u || gyro_fs_dps == 250u || gyro_fs_dps == 500u ||
           gyro_fs_dps == 1000u || gyro_fs_dps == 2000u || gyro_fs_dps == 4000u;
}

/* RAW header fields a receiver must be able to trust: a wrong full scale
 * would silently scale every reading. */
static int raw_header_valid(uint8_t count, uint8_t accel_fs_g, uint16_t gyro_fs_dps)
{
    return count >= 1u && count <= PSP_MAX_RAW_SAMPLES &&
           psp_raw_accel_fs_valid(accel_fs_g) && psp_raw_gyro_fs_valid(gyro_fs_dps);
}

/* Serialises msg's payload into p (at least PSP_MAX_PAYLOAD bytes).
 * Returns the payload length, or -1 if msg is not encodable. */
static int payload_of(const psp_msg *msg, uint8_t *p)
{
    size_t i;
    switch (msg->type) {
    case PSP_HELLO: {
        const psp_hello *h = &msg->u.hello;
        if (h->name_len > PSP_MAX_NAME) {
            return -1;
        }
        put_u64(p, h->device_id);
        p[8] = h->fw_major;
        p[9] = h->fw_minor;
        p[10] = h->fw_patch;
        put_u16(p + 11, h->sample_rate_hz);
        p[13] = h->sensor_mask;
        p[14] = h->name_len;
        if (h->name_len > 0) {
            memcpy(p + 15, h->name, h->name_len);
        }
        return 15 + (int)h->name_len;
    }
    case PSP_SAMPLES: {
        const psp_samples *s = &msg->u.samples;
        if (s->count < 1 || s->count > PSP_MAX_SAMPLES) {
            return -1;
        }
        p[0] = s->count;
        for (i = 0; i < s->count; i++) {
            uint8_t *q = p + 1 + i * 12u;
            const psp_sample *x = &s->samples[i];
            put_u32(q, x->tick_us);
            put_i16(q + 4, x->lumbar_pitch);
            put_i16(q + 6, x->lumbar_roll);
            put_i16(q + 8, x->pelvis_pitch);
            put_i16(q + 10, x->pelvis_roll);
        }
        return 1 + 12 * (int)s->count;
    }
    case PSP_RAW: {
        const psp_raw *r = &msg->u.raw;
        int axis;
        if (!raw_header_valid(r->count, r->accel_fs_g, r->gyro_fs_dps)) {
            return -1;
        }
        p[0] = r->count;
        p[1] = r->imu_mask;
        p[2] = r->accel_fs_g;
        put_u16(p + 3, r->gyro_fs_dps);
        for (i = 0; i < r->count; i++) {
            uint8_t *q = p + 5 + i * PSP_RAW_SAMPLE_SIZE;
            const psp_raw_sample *x = &r->samples[i];
            put_u32(q, x->tick_us);
            for (axis = 0; axis < 6; axis++) {
                put_i16(q + 4 + 2 * axis, x->lumbar[axis]);
                put_i16(q + 16 + 2 * axis, x->pelvis[axis]);
            }
        }
        return 5 + (int)PSP_RAW_SAMPLE_SIZE * (int)r->count;
    }
    case PSP_STATUS:
        put_u16(p, msg->u.status.battery_mv);
        p[2] = msg->u.status.battery_pct;
        put_i16(p + 3, msg->u.status.temperature_centi_c);
        p[5] = msg->u.status.flags;
        return 6;
    case PSP_EVENT:
        put_u32(p, msg->u.event.tick_us);
        p[4] = msg->u.event.code;
        p[5] = msg->u.event.arg;
        return 6;
    case PSP_ACK:
        put_u16(p, msg->u.ack.acked_seq);
        p[2] = msg->u.ack.acked_type;
        p[3] = msg->u.ack.result;
        return 4;
    case PSP_START:
        put_u16(p, msg->u.start.sample_rate_hz);
        return 2;
    case PSP_STOP:
    case PSP_IDENTIFY:
        return 0;
    case PSP_BUZZ:
        p[0] = msg->u.buzz.pattern;
        put_u16(p + 1, msg->u.buzz.duration_ms);
        p[3] = msg->u.buzz.intensity;
        return 4;
    default:
        return -1;
    }
}

size_t psp_encode(const psp_msg *msg, uint8_t *out, size_t cap)
{
    uint8_t payload[PSP_MAX_PAYLOAD];
    int n = payload_of(msg, payload);
    if (n < 0) {
        return 0;
    }
    return psp_encode_raw(PSP_VERSION, msg->type, msg->seq, payload, (size_t)n,
                          out, cap);
}

size_t psp_encode_hello(uint16_t seq, const psp_hello *m, uint8_t *out, size_t cap)
{
    psp_msg msg;
    msg.type = PSP_HELLO;
    msg.seq = seq;
    msg.u.hello = *m;
    return psp_encode(&msg, out, cap);
}

size_t psp_encode_samples(uint16_t seq, const psp_samples *m, uint8_t *out, size_t cap)
{
    psp_msg msg;
    msg.type = PSP_SAMPLES;
    msg.seq = seq;
    msg.u.samples = *m;
    return psp_encode(&msg, out, cap);
}

size_t psp_encode_raw_imu(uint16_t seq, const psp_raw *m, uint8_t *out, size_t cap)
{
    psp_msg msg;
    msg.type = PSP_RAW;
    msg.seq = seq;
    msg.u.raw = *m;
    return psp_encode(&msg, out, cap);
}

size_t psp_encode_status(uint16_t seq, const psp_status *m, uint8_t *out, size_t cap)
{
    psp_msg msg;
    msg.type = PSP_STATUS;
    msg.seq = seq;
    msg.u.status = *m;
    return psp_encode(&msg, out, cap);
}

size_t psp_encode_event(uint16_t seq, const psp_event *m, uint8_t *out, size_t cap)
{
    psp_msg msg;
    msg.type = PSP_EVENT;
    msg.seq = seq;
    msg.u.event = *m;
    return psp_encode(&msg, out, cap);
}

size_t psp_encode_ack(uint16_t seq, const psp_ack *m, uint8_t *out, size_t cap)
{
    psp_msg msg;
    msg.type = PSP_ACK;
    msg.seq = seq;
    msg.u.ack = *m;
    return psp_encode(&msg, out, cap);
}

size_t psp_encode_start(uint16_t seq, const psp_start *m, uint8_t *out, size_t cap)
{
    psp_msg msg;
    msg.type = PSP_START;
    msg.seq = seq;
    msg.u.start = *m;
    return psp_encode(&msg, out, cap);
}

size_t psp_encode_stop(uint16_t seq, uint8_t *out, size_t cap)
{
    return psp_encode_raw(PSP_VERSION, PSP_STOP, seq, NULL, 0, out, cap);
}

size_t psp_encode_buzz(uint16_t seq, const psp_buzz *m, uint8_t *out, size_t cap)
{
    psp_msg msg;
    msg.type = PSP_BUZZ;
    msg.seq = seq;
    msg.u.buzz = *m;
    return psp_encode(&msg, out, cap);
}

size_t psp_encode_identify(uint16_t seq, uint8_t *out, size_t cap)
{
    return psp_encode_raw(PSP_VERSION, PSP_IDENTIFY, seq, NULL, 0, out, cap);
}

/* ---- Parsing ----------------------------------------------------------------- */

psp_result psp_parse_body(const uint8_t *body, size_t len, psp_msg *msg)
{
    const uint8_t *p;
    size_t n; /* payload length */
    size_t i;

    if (len > PSP_MAX_BODY) {
        return PSP_ERR_OVERSIZE;
    }
    if (len < PSP_MIN_BODY) {
        return PSP_ERR_SHORT;
    }
    n = len - PSP_HEADER_SIZE - PSP_CRC_SIZE;
    if (psp_crc16(body, len - PSP_CRC_SIZE) != get_u16(body + len - PSP_CRC_SIZE)) {
        return PSP_ERR_CRC;
    }
    if (body[0] != PSP_VERSION) {
        return PSP_ERR_UNKNOWN_VERSION;
    }
    msg->type = body[1];
    msg->seq = get_u16(body + 2);
    p = body + PSP_HEADER_SIZE;

    switch (msg->type) {
    case PSP_HELLO: {
        psp_hello *h = &msg->u.hello;
        if (n < 15 || p[14] > PSP_MAX_NAME || n < 15u + p[14]) {
            return PSP_ERR_BAD_LENGTH;
        }
        h->device_id = get_u64(p);
        h->fw_major = p[8];
        h->fw_minor = p[9];
        h->fw_patch = p[10];
        h->sample_rate_hz = get_u16(p + 11);
        h->sensor_mask = p[13];
        h->name_len = p[14];
        memset(h->name, 0, sizeof h->name);
        if (h->name_len > 0) {
            memcpy(h->name, p + 15, h->name_len);
        }
        return PSP_OK;
    }
    case PSP_SAMPLES: {
        psp_samples *s = &msg->u.samples;
        if (n < 1 || p[0] < 1 || p[0] > PSP_MAX_SAMPLES || n < 1u + 12u * p[0]) {
            return PSP_ERR_BAD_LENGTH;
        }
        s->count = p[0];
        for (i = 0; i < s->count; i++) {
            const uint8_t *q = p + 1 + i * 12u;
            psp_sample *x = &s->samples[i];
            x->tick_us = get_u32(q);
            x->lumbar_pitch = get_i16(q + 4);
            x->lumbar_roll = get_i16(q + 6);
            x->pelvis_pitch = get_i16(q + 8);
            x->pelvis_roll = get_i16(q + 10);
        }
        return PSP_OK;
    }
    case PSP_RAW: {
        psp_raw *r = &msg->u.raw;
        int axis;
        if (n < 5 || !raw_header_valid(p[0], p[2], get_u16(p + 3)) ||
            n < 5u + PSP_RAW_SAMPLE_SIZE * p[0]) {
            return PSP_ERR_BAD_LENGTH;
        }
        r->count = p[0];
        r->imu_mask = p[1];
        r->accel_fs_g = p[2];
        r->gyro_fs_dps = get_u16(p + 3);
        for (i = 0; i < r->count; i++) {
            const uint8_t *q = p + 5 + i * PSP_RAW_SAMPLE_SIZE;
            psp_raw_sample *x = &r->samples[i];
            x->tick_us = get_u32(q);
            for (axis = 0; axis < 6; axis++) {
                x->lumbar[axis] = get_i16(q + 4 + 2 * axis);
                x->pelvis[axis] = get_i16(q + 16 + 2 * axis);
            }
        }
        return PSP_OK;
    }
    case PSP_STATUS:
        if (n < 6) {
            return PSP_ERR_BAD_LENGTH;
        }
        msg->u.status.battery_mv = get_u16(p);
        msg->u.status.battery_pct = p[2];
        msg->u.status.temperature_centi_c = get_i16(p + 3);
        msg->u.status.flags = p[5];
        return PSP_OK;
    case PSP_EVENT:
        if (n < 6) {
            return PSP_ERR_BAD_LENGTH;
        }
        msg->u.event.tick_us = get_u32(p);
        msg->u.event.code = p[4];
        msg->u.event.arg = p[5];
        return PSP_OK;
    case PSP_ACK:
        if (n < 4) {
            return PSP_ERR_BAD_LENGTH;
        }
        msg->u.ack.acked_seq = get_u16(p);
        msg->u.ack.acked_type = p[2];
        msg->u.ack.result = p[3];
        return PSP_OK;
    case PSP_START:
        if (n < 2) {
            return PSP_ERR_BAD_LENGTH;
        }
        msg->u.start.sample_rate_hz = get_u16(p);
        return PSP_OK;
    case PSP_STOP:
    case PSP_IDENTIFY:
        return PSP_OK;
    case PSP_BUZZ:
        if (n < 4) {
            return PSP_ERR_BAD_LENGTH;
        }
        msg->u.buzz.pattern = p[0];
        msg->u.buzz.duration_ms = get_u16(p + 1);
        msg->u.buzz.intensity = p[3];
        return PSP_OK;
    default:
        return PSP_ERR_UNKNOWN_TYPE;
    }
}

/* ---- Incremental decoder ------------------------------------------------------ */

void psp_decoder_init(psp_decoder *dec)
{
    memset(dec, 0, sizeof *dec);
}

static void track_seq(psp_decoder *dec, uint8_t type, uint16_t seq)
{
    int dir = PSP_TYPE_IS_HOST_TO_DEVICE(type) ? 1 : 0;
    if (dec->have_seq[dir]) {
        uint16_t step = (uint16_t)(seq - dec->last_seq[dir] - 1u);
        if (step >= 1u && step <= 32767u) {
            if (dir) {
                dec->counts.lost_host += step;
            } else {
                dec->counts.lost_dev += step;
            }
        } else if (step != 0u) {
            if (dir) {
                dec->counts.reset_host++;
            } else {
                dec->counts.reset_dev++;
            }
        }
    }
    dec->have_seq[dir] = 1;
    dec->last_seq[dir] = seq;
}

/* Handles one complete encoded frame (the delimiter has just been seen).
 * Returns 1 if a message was delivered. */
static int end_frame(psp_decoder *dec, psp_msg_fn on_msg, void *ctx)
{
    size_t body_len = 0;
    psp_msg msg;
    psp_result r;
    int rc;

    if (dec->overflow) {
        dec->counts.oversize++;
        return 0;
    }
    if (dec->len == 0) {
        dec->counts.empty++;
        return 0;
    }
    /* decode in place; 258 encoded bytes decode to at most 257 */
    rc = psp_cobs_decode(dec->buf, dec->len, dec->buf, sizeof dec->buf, &body_len);
    if (rc == -1) {
        dec->counts.cobs++;
        return 0;
    }
    if (rc != 0) {
        dec->counts.oversize++;
        return 0;
    }
    r = psp_parse_body(dec->buf, body_len, &msg);
    switch (r) {
    case PSP_OK:
        track_seq(dec, msg.type, msg.seq);
        dec->counts.frames++;
        if (on_msg != NULL) {
            on_msg(ctx, &msg);
        }
        return 1;
    case PSP_ERR_UNKNOWN_TYPE:
        track_seq(dec, msg.type, msg.seq);
        dec->counts.unknown_type++;
        return 0;
    case PSP_ERR_BAD_LENGTH:
        track_seq(dec, msg.type, msg.seq);
        dec->counts.bad_length++;
        return 0;
    case PSP_ERR_SHORT:
        dec->counts.shortbody++;
        return 0;
    case PSP_ERR_OVERSIZE:
        dec->counts.oversize++;
        return 0;
    case PSP_ERR_CRC:
        dec->counts.crc++;
        return 0;
    case PSP_ERR_UNKNOWN_VERSION:
    default:
        dec->counts.unknown_version++;
        return 0;
    }
}

size_t psp_decoder_feed(psp_decoder *dec, const uint8_t *data, size_t len,
                        psp_msg_fn on_msg, void *ctx)
{
    size_t delivered = 0;
    size_t i;
    for (i = 0; i < len; i++) {
        uint8_t b = data[i];
        if (b == 0x00) {
            delivered += (size_t)end_frame(dec, on_msg, ctx);
            dec->len = 0;
            dec->overflow = 0;
        } else if (dec->overflow) {
            /* discard until the next delimiter */
        } else if (dec->len < sizeof dec->buf) {
            dec->buf[dec->len++] = b;
        } else {
            dec->overflow = 1;
        }
    }
    return delivered;
}

/* ---- Device command retry ------------------------------------------------------ */

void psp_device_cmd_init(psp_device_cmd_state *st)
{
    st->valid = 0;
    st->last_type = 0;
    st->last_seq = 0;
    st->last_result = PSP_ACK_OK;
}

psp_cmd_action psp_device_cmd_check(psp_device_cmd_state *st, uint8_t type,
                                    uint16_t seq)
{
    if (st->valid && st->last_type == type && st->last_seq == seq) {
        return PSP_CMD_REACK;
    }
    st->valid = 1;
    st->last_type = type;
    st->last_seq = seq;
    st->last_result = PSP_ACK_OK;
    return PSP_CMD_ACT;
}

void psp_device_cmd_set_result(psp_device_cmd_state *st, uint8_t result)
{
    st->last_result = result;
}
