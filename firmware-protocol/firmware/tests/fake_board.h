/*
 * fake_board.h - the host tests' board: a clock the test moves, two
 * register-level ICM-42688-P models on a fake I2C bus fed by the scripted
 * wearer, and a host link that decodes every frame the device writes with
 * the PSP reference decoder.
 */
#ifndef FAKE_BOARD_H
#define FAKE_BOARD_H

#include "ps_device.h"
#include "ps_icm42688_model.h"
#include "fake_trace.h"

#define FAKE_MAX_MSGS 4096

typedef struct {
    psp_msg  msg;
    uint32_t at_us;              /* fake time the frame was written */
} fake_frame;

struct ps_hal {
    uint32_t now_us;
    uint32_t motion_origin_us;   /* scenario time 0 */
    int      follow_motion;      /* update the IMUs and button from ps_motion */
    ps_icm42688_model imu[2];
    const fake_trace *replay;    /* when set, the data registers play this trace */
    uint32_t replay_origin_us;   /* trace sample k is in the registers from origin + (k+1) periods */
    int      button;
    uint16_t battery_mv;
    uint8_t  motor;              /* current drive */
    unsigned motor_starts;       /* off -> on transitions */
    unsigned log_lines;
    char     last_log[96];
    unsigned buzz_logs;          /* log lines starting with "buzz" */
    psp_decoder link;
    fake_frame frames[FAKE_MAX_MSGS];
    unsigned frame_count;
    size_t   bytes_written;
};

typedef struct {
    struct ps_hal hal;
    ps_device dev;
    uint16_t host_seq;
} fake_board;

/* Models at 0x68/0x69 powered on, battery 3900 mV, time 1 s, then the device boots. */
void fake_board_boot(fake_board *b);
/* Moves time forward in 250 us steps, polling the device at each. */
void fake_board_run_ms(fake_board *b, uint32_t ms);
/* Replay mode: from now on the IMUs' data registers hold the trace's samples on
 * its rate's grid (as a chip's ODR clock latches them), starting one period
 * after now; WHO_AM_I, configuration and the sensors' power are still the
 * models'. The scripted wearer stops driving the board. */
void fake_board_replay(fake_board *b, const fake_trace *t);
/* Sends one host command frame to the device (seq given, so retries can repeat it). */
void fake_board_send(fake_board *b, const psp_msg *cmd);
/* Convenience: START(rate), STOP, BUZZ, IDENTIFY with the next host seq. */
void fake_board_start(fake_board *b, uint16_t rate_hz);
void fake_board_stop(fake_board *b);
void fake_board_identify(fake_board *b);

/* Frames of a type from index `from` on; returns the count, fills `out` (may be NULL). */
unsigned fake_board_find(const fake_board *b, unsigned from, uint8_t type, const fake_frame **out, unsigned max);

#endif /* FAKE_BOARD_H */
