/*
 * ps_hal.h - the hardware a PostureStream device needs, as seven functions.
 *
 * A port provides these for its board (see README.md, "Porting"). The device
 * core calls them only from ps_device_poll() / ps_device_receive(), never from
 * an interrupt. `struct ps_hal` is the board's own state (peripheral handles,
 * the millisecond counter, the RX ring...); the core only passes it through.
 */
#ifndef PS_HAL_H
#define PS_HAL_H

#include <stddef.h>
#include <stdint.h>

typedef struct ps_hal ps_hal;

/* I2C register access, 7-bit address. Return 0 on success, -1 when the
 * device does not answer (NACK, bus timeout): the core treats that as a
 * sensor fault. Reads of several bytes auto-increment the register. */
int ps_hal_i2c_write(ps_hal *hal, uint8_t addr7, uint8_t reg, const uint8_t *data, size_t len);
int ps_hal_i2c_read(ps_hal *hal, uint8_t addr7, uint8_t reg, uint8_t *data, size_t len);

/* Free-running microsecond clock; wraps at 2^32 (every ~71.6 min), which the
 * host expects: PSP ticks are exactly this counter. */
uint32_t ps_hal_micros(ps_hal *hal);

/* Sends bytes to the host link (UART, USB-CDC, BLE NUS). Blocks or queues;
 * must take a whole PSP frame (up to 259 bytes) at once. */
void ps_hal_link_write(ps_hal *hal, const uint8_t *data, size_t len);

/* Vibration motor: 0 = off, 1..100 = drive strength in percent. */
void ps_hal_motor(ps_hal *hal, uint8_t intensity_pct);

/* 1 while the (single) button is held down, raw and undebounced. */
int ps_hal_button_down(ps_hal *hal);

/* Battery voltage in millivolts, read from the ADC and scaled by the board's
 * divider; 0 when the board cannot measure it. */
uint16_t ps_hal_battery_mv(ps_hal *hal);

/* Optional diagnostics line (semihosting, RTT, a debug UART); may do nothing. */
void ps_hal_log(ps_hal *hal, const char *line);

#endif /* PS_HAL_H */
