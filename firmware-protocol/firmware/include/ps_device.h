/*
 * ps_device.h - the PostureStream device program: sampling loop, PSP frames,
 * host commands, button, battery and sensor health.
 *
 * C99, no malloc, no globals: everything lives in one ps_device the board
 * owns. The board calls ps_device_init() once, ps_device_receive() with every
 * chunk of bytes the host link delivers, and ps_device_poll() as often as it
 * can (at least once per millisecond; a 1 kHz tick plus WFI is enough).
 *
 * Built with PS_FW_ON_DEVICE_FUSION defined, the device sends SAMPLES (tilt
 * angles worked out on the device) instead of RAW.
 */
#ifndef PS_DEVICE_H
#define PS_DEVICE_H

#include <stdint.h>
#include "psp.h"
#include "ps_buzz.h"
#include "ps_hal.h"
#include "ps_icm42688.h"

#define PS_FW_MAJOR 0u
#define PS_FW_MINOR 1u
#define PS_FW_PATCH 0u

#define PS_RATE_DEFAULT_HZ   100u
#define PS_RATE_MIN_HZ       25u
#define PS_RATE_MAX_HZ       400u
#define PS_BATCH_MAX_SAMPLES 8u        /* RAW carries at most 8; SAMPLES use the same batching */
#define PS_BATCH_MAX_AGE_US  50000u    /* no sample waits longer than 50 ms to be sent */
#define PS_BUTTON_DEBOUNCE_US 20000u
#define PS_BUTTON_LONG_US    1500000u  /* held this long: snooze; shorter: calibrate */
#define PS_REINIT_PERIOD_US  1000000u  /* a faulted IMU is probed once a second */
#define PS_BATTERY_REARM_MV  100u      /* low battery is re-armed this far above the threshold */

/* Which IMU is which: index 0 lumbar, 1 pelvis (bits PSP_RAW_LUMBAR, PSP_RAW_PELVIS). */
#define PS_IMU_LUMBAR 0u
#define PS_IMU_PELVIS 1u

typedef struct {
    uint64_t    device_id;
    const char *name;             /* UTF-8, up to 32 bytes are sent */
    uint8_t     imu_addr[2];      /* I2C addresses: lumbar, pelvis */
    uint16_t    status_period_s;  /* STATUS every N seconds */
    uint16_t    low_battery_mv;   /* EVENT low battery below this */
} ps_device_config;

/* Defaults: id 0, name "posturestream", IMUs at 0x68 (lumbar) and 0x69
 * (pelvis), STATUS every 10 s, low battery below 3450 mV. */
void ps_device_config_defaults(ps_device_config *cfg);

typedef struct {
    ps_hal              *hal;
    ps_device_config     cfg;
    psp_decoder          rx;
    psp_device_cmd_state cmd;
    uint16_t             tx_seq;

    uint16_t rate_hz;
    uint32_t period_us;
    uint8_t  streaming;
    uint32_t next_sample_us;

    ps_icm42688 imu[2];
    uint8_t     imu_ok;           /* PSP_RAW_* bits of the IMUs answering */
    uint32_t    last_probe_us;
    int16_t     temperature_centi_c;

#ifdef PS_FW_ON_DEVICE_FUSION
    psp_samples batch;
#else
    psp_raw     batch;
#endif

    uint32_t last_status_us;
    uint8_t  low_battery;         /* EVENT sent, waiting for the voltage to recover */

    uint8_t  button_raw;
    uint8_t  button_down;         /* debounced */
    uint8_t  button_long_sent;
    uint32_t button_change_us;
    uint32_t button_press_us;

    ps_buzz  buzz;
    uint32_t buzzes;              /* BUZZ commands acted on, for diagnostics */

    uint8_t  frame[PSP_MAX_FRAME];
} ps_device;

/* Brings up both IMUs (one that does not answer is a fault from the start),
 * then sends a 0x00 (to end any partial frame at the receiver) and HELLO.
 * The device does not stream until START. */
void ps_device_init(ps_device *d, ps_hal *hal, const ps_device_config *cfg);

/* The host link was (re)established (BLE connect, USB-CDC DTR): forget the
 * last command (the retry rule starts over) and say HELLO. */
void ps_device_connected(ps_device *d);

/* Bytes from the host link, any chunk size. Commands are acted on and ACKed
 * before this returns. */
void ps_device_receive(ps_device *d, const uint8_t *bytes, size_t len);

/* Does whatever is due now: a sample, a frame, STATUS, button, buzz, probing
 * a faulted IMU. */
void ps_device_poll(ps_device *d);

#endif /* PS_DEVICE_H */
