/*
 * psp.h - PostureStream Protocol (PSP) v1 reference codec.
 *
 * C99, no malloc, no globals, no I/O. Every buffer and state object is owned
 * by the caller. See firmware-protocol/SPEC.md for the wire format.
 *
 * Sending:   fill a message struct, call psp_encode_<type>() (or psp_encode())
 *            with a buffer of PSP_MAX_FRAME bytes; write the returned number of
 *            bytes to the link. The frame already ends with the 0x00 delimiter.
 * Receiving: psp_decoder_init() once, then psp_decoder_feed() with whatever
 *            chunk the link delivered. Each good message is handed to your
 *            callback; every bad frame is counted in dec->counts, never fatal.
 */
#ifndef PSP_H
#define PSP_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Sizes --------------------------------------------------------------- */

#define PSP_VERSION          1u
#define PSP_HEADER_SIZE      4u   /* version, type, seq */
#define PSP_CRC_SIZE         2u
#define PSP_MIN_BODY         6u   /* header + CRC, empty payload */
#define PSP_MAX_BODY         256u /* body = header + payload + CRC, before COBS */
#define PSP_MAX_PAYLOAD      (PSP_MAX_BODY - PSP_HEADER_SIZE - PSP_CRC_SIZE) /* 250 */
/* COBS adds one code byte per started 254-byte block: 256 -> at most 258. */
#define PSP_COBS_MAX_ENCODED(n) ((n) + 1u + (n) / 254u)
#define PSP_MAX_ENCODED      PSP_COBS_MAX_ENCODED(PSP_MAX_BODY) /* 258 */
#define PSP_MAX_FRAME        (PSP_MAX_ENCODED + 1u)             /* + 0x00 = 259 */

#define PSP_MAX_SAMPLES      16u
#define PSP_MAX_RAW_SAMPLES  8u   /* RAW: 5 + 28 x 8 = 229-byte payload */
#define PSP_RAW_SAMPLE_SIZE  28u
#define PSP_MAX_NAME         32u
#define PSP_ANGLE_NA         (-32768) /* angle not available */
#define PSP_BATTERY_PCT_UNKNOWN 255u

/* ---- Message types -------------------------------------------------------- */

enum psp_type {
    /* device -> host (high bit clear) */
    PSP_HELLO    = 0x01,
    PSP_SAMPLES  = 0x02,
    PSP_STATUS   = 0x03,
    PSP_EVENT    = 0x04,
    PSP_ACK      = 0x05,
    PSP_RAW      = 0x06,
    /* host -> device (high bit set) */
    PSP_START    = 0x81,
    PSP_STOP     = 0x82,
    PSP_BUZZ     = 0x83,
    PSP_IDENTIFY = 0x84
};

#define PSP_TYPE_IS_HOST_TO_DEVICE(t) (((t) & 0x80u) != 0u)

/* HELLO sensor_mask bits */
#define PSP_SENSOR_LUMBAR    0x01u
#define PSP_SENSOR_PELVIS    0x02u
/* RAW imu_mask bits (same values as PSP_SENSOR_*) */
#define PSP_RAW_LUMBAR       0x01u
#define PSP_RAW_PELVIS       0x02u
/* STATUS flags bits */
#define PSP_STATUS_CHARGING      0x01u
#define PSP_STATUS_LUMBAR_FAULT  0x02u
#define PSP_STATUS_PELVIS_FAULT  0x04u
/* EVENT codes */
#define PSP_EVENT_CALIBRATE_REQUEST 1u
#define PSP_EVENT_SENSOR_REINIT     2u
#define PSP_EVENT_LOW_BATTERY       3u
#define PSP_EVENT_SNOOZE            4u
#define PSP_EVENT_SESSION_DONE      5u  /* arg: session minutes, 0 = host default */
/* ACK results */
#define PSP_ACK_OK            0u
#define PSP_ACK_UNSUPPORTED   1u
#define PSP_ACK_INVALID_ARG   2u
#define PSP_ACK_BUSY          3u
/* BUZZ patterns */
#define PSP_BUZZ_SHORT        1u
#define PSP_BUZZ_DOUBLE       2u
#define PSP_BUZZ_LONG         3u

/* ---- Payloads ------------------------------------------------------------- */

typedef struct {
    uint64_t device_id;
    uint8_t  fw_major, fw_minor, fw_patch;
    uint16_t sample_rate_hz;
    uint8_t  sensor_mask;
    uint8_t  name_len;               /* 0..32 */
    uint8_t  name[PSP_MAX_NAME];     /* UTF-8, not NUL-terminated */
} psp_hello;

typedef struct {
    uint32_t tick_us;
    int16_t  lumbar_pitch, lumbar_roll;  /* 0.01 deg, PSP_ANGLE_NA = n/a */
    int16_t  pelvis_pitch, pelvis_roll;
} psp_sample;

typedef struct {
    uint8_t    count;                /* 1..16 */
    psp_sample samples[PSP_MAX_SAMPLES];
} psp_samples;

/* One raw reading of both IMUs. Physical value = raw x full scale / 32768
 * (accelerometer in g, gyroscope in deg/s); axes as SPEC section 3 states. */
typedef struct {
    uint32_t tick_us;
    int16_t  lumbar[6];              /* ax, ay, az, gx, gy, gz */
    int16_t  pelvis[6];
} psp_raw_sample;

typedef struct {
    uint8_t  count;                  /* 1..8 */
    uint8_t  imu_mask;               /* PSP_RAW_LUMBAR | PSP_RAW_PELVIS: readings valid */
    uint8_t  accel_fs_g;             /* 2, 4, 8, 16 */
    uint16_t gyro_fs_dps;            /* 125, 250, 500, 1000, 2000, 4000 */
    psp_raw_sample samples[PSP_MAX_RAW_SAMPLES];
} psp_raw;

typedef struct {
    uint16_t battery_mv;
    uint8_t  battery_pct;            /* 255 = unknown */
    int16_t  temperature_centi_c;
    uint8_t  flags;
} psp_status;

typedef struct {
    uint32_t tick_us;
    uint8_t  code;
    uint8_t  arg;
} psp_event;

typedef struct {
    uint16_t acked_seq;
    uint8_t  acked_type;
    uint8_t  result;
} psp_ack;

typedef struct {
    uint16_t sample_rate_hz;         /* 0 = keep current */
} psp_start;

typedef struct {
    uint8_t  pattern;
    uint16_t duration_ms;
    uint8_t  intensity;              /* 0..100 */
} psp_buzz;

/* A decoded (or to-be-encoded) message. STOP and IDENTIFY have no payload. */
typedef struct {
    uint8_t  type;                   /* enum psp_type */
    uint16_t seq;
    union {
        psp_hello   hello;
        psp_samples samples;
        psp_status  status;
        psp_event   event;
        psp_ack     ack;
        psp_start   start;
        psp_buzz    buzz;
        psp_raw     raw;
    } u;
} psp_msg;

/* ---- CRC and COBS --------------------------------------------------------- */

/* CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, xorout 0. */
uint16_t psp_crc16(const uint8_t *data, size_t len);
/* Continue a CRC over more data (start with crc = 0xFFFF). */
uint16_t psp_crc16_update(uint16_t crc, const uint8_t *data, size_t len);

/* COBS-encode len bytes (no delimiter written). Returns the encoded length,
 * or 0 if cap is too small (cap >= PSP_COBS_MAX_ENCODED(len) always suffices).
 * A final 254-byte block is not followed by an extra 0x01 code byte. */
size_t psp_cobs_encode(const uint8_t *in, size_t len, uint8_t *out, size_t cap);

/* COBS-decode len bytes (delimiter excluded). Returns 0 on success and sets
 * *out_len, or -1 on a COBS error (a 0x00 inside the data, or a code byte
 * whose block runs past the end), or -2 if the result does not fit in cap.
 * in and out may be the same buffer (in-place decoding). */
int psp_cobs_decode(const uint8_t *in, size_t len, uint8_t *out, size_t cap,
                    size_t *out_len);

/* ---- Encoding ------------------------------------------------------------- */

/* Each function writes a complete frame (COBS(body) + 0x00) into out and
 * returns its length, or 0 if the message is invalid (SAMPLES count outside
 * 1..16, HELLO name_len > 32, RAW count outside 1..8 or a full scale that is
 * not one of the listed codes, unknown type) or cap is too small.
 * A buffer of PSP_MAX_FRAME bytes is always large enough. */
size_t psp_encode(const psp_msg *msg, uint8_t *out, size_t cap);

size_t psp_encode_hello(uint16_t seq, const psp_hello *m, uint8_t *out, size_t cap);
size_t psp_encode_samples(uint16_t seq, const psp_samples *m, uint8_t *out, size_t cap);
size_t psp_encode_raw_imu(uint16_t seq, const psp_raw *m, uint8_t *out, size_t cap);
size_t psp_encode_status(uint16_t seq, const psp_status *m, uint8_t *out, size_t cap);
size_t psp_encode_event(uint16_t seq, const psp_event *m, uint8_t *out, size_t cap);
size_t psp_encode_ack(uint16_t seq, const psp_ack *m, uint8_t *out, size_t cap);
size_t psp_encode_start(uint16_t seq, const psp_start *m, uint8_t *out, size_t cap);
size_t psp_encode_stop(uint16_t seq, uint8_t *out, size_t cap);
size_t psp_encode_buzz(uint16_t seq, const psp_buzz *m, uint8_t *out, size_t cap);
size_t psp_encode_identify(uint16_t seq, uint8_t *out, size_t cap);

/* Low level: frame an arbitrary version/type/payload (payload_len <= 250).
 * Used for tests and for types this codec does not know. */
size_t psp_encode_raw(uint8_t version, uint8_t type, uint16_t seq,
                      const uint8_t *payload, size_t payload_len,
                      uint8_t *out, size_t cap);

/* 1 if the code is a RAW full scale this version knows (2/4/8/16 g;
 * 125/250/500/1000/2000/4000 deg/s), else 0. */
int psp_raw_accel_fs_valid(uint8_t accel_fs_g);
int psp_raw_gyro_fs_valid(uint16_t gyro_fs_dps);

/* ---- Parsing one body ------------------------------------------------------ */

typedef enum {
    PSP_OK = 0,
    PSP_ERR_SHORT,            /* body < 6 bytes */
    PSP_ERR_OVERSIZE,         /* body > 256 bytes */
    PSP_ERR_CRC,              /* CRC mismatch */
    PSP_ERR_UNKNOWN_VERSION,  /* CRC fine, version != 1 */
    PSP_ERR_UNKNOWN_TYPE,     /* CRC fine, version 1, type not known: skip */
    PSP_ERR_BAD_LENGTH        /* payload too short, or count/name_len/full scale out of range */
} psp_result;

/* Check and parse one decoded body (after COBS, without delimiter). Checks in
 * this order: size, CRC, version, type, payload length. msg->type and
 * msg->seq are filled whenever the result is PSP_OK, PSP_ERR_UNKNOWN_TYPE or
 * PSP_ERR_BAD_LENGTH. Payload bytes after a type's fields are ignored. */
psp_result psp_parse_body(const uint8_t *body, size_t len, psp_msg *msg);

/* ---- Incremental stream decoder -------------------------------------------- */

typedef struct {
    uint32_t frames;           /* messages decoded and delivered */
    uint32_t empty;            /* zero-length frames (0x00 0x00), not errors */
    uint32_t cobs;             /* COBS errors */
    uint32_t crc;              /* CRC mismatches */
    uint32_t shortbody;        /* body < 6 bytes */
    uint32_t oversize;         /* body > 256 bytes, or > 258 encoded bytes */
    uint32_t bad_length;       /* payload too short / count / name_len / RAW full scale */
    uint32_t unknown_version;
    uint32_t unknown_type;     /* skipped, forward compatible */
    uint32_t lost_dev;         /* frames lost, device -> host (type < 0x80) */
    uint32_t lost_host;        /* frames lost, host -> device (type >= 0x80) */
    uint32_t reset_dev;        /* seq resets (duplicate/backwards), device -> host */
    uint32_t reset_host;       /* seq resets, host -> device */
} psp_counts;

typedef void (*psp_msg_fn)(void *ctx, const psp_msg *msg);

typedef struct {
    uint8_t    buf[PSP_MAX_ENCODED]; /* encoded bytes of the current frame */
    uint16_t   len;
    uint8_t    overflow;       /* current frame exceeded PSP_MAX_ENCODED */
    uint8_t    have_seq[2];    /* [0] device->host, [1] host->device */
    uint16_t   last_seq[2];
    psp_counts counts;
} psp_decoder;

void psp_decoder_init(psp_decoder *dec);

/* Feed len bytes of any size (1 byte, a BLE notification, a whole file).
 * Calls on_msg(ctx, &msg) for each good message, in order; on_msg may be
 * NULL. Returns the number of messages delivered by this call. The message
 * pointer is only valid during the callback. */
size_t psp_decoder_feed(psp_decoder *dec, const uint8_t *data, size_t len,
                        psp_msg_fn on_msg, void *ctx);

/* ---- Device side of the command retry rule -------------------------------- */

typedef enum {
    PSP_CMD_ACT = 0,   /* new command: act on it, then ACK */
    PSP_CMD_REACK      /* repeat of the last command acted on: ACK again only */
} psp_cmd_action;

typedef struct {
    uint8_t  valid;
    uint8_t  last_type;
    uint16_t last_seq;
    uint8_t  last_result;      /* result sent in the last ACK, for re-ACKs */
} psp_device_cmd_state;

/* Call at boot and whenever the host link is (re)connected. */
void psp_device_cmd_init(psp_device_cmd_state *st);

/* Classify an incoming host command. Same type and same seq as the last
 * command acted on -> PSP_CMD_REACK (answer with st->last_result); otherwise
 * PSP_CMD_ACT, and the command becomes the new "last" with result OK. */
psp_cmd_action psp_device_cmd_check(psp_device_cmd_state *st, uint8_t type,
                                    uint16_t seq);

/* Record the ACK result of the command just acted on (default PSP_ACK_OK). */
void psp_device_cmd_set_result(psp_device_cmd_state *st, uint8_t result);

#ifdef __cplusplus
}
#endif

#endif /* PSP_H */
