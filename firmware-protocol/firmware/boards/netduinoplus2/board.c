/*
 * board.c - the HAL for QEMU's netduinoplus2 machine (STM32F405, Cortex-M4),
 * the emulated board the firmware-in-the-loop tests run.
 *
 * Real peripherals of QEMU's STM32F405 model: USART1 (0x40011000, QEMU's
 * first -serial) for the host link, read and written through its data
 * register with the RX interrupt; SysTick for the microsecond clock.
 * QEMU models no I2C controller, so the two IMUs are register-level
 * ICM-42688-P models (sim/) fed by the scripted wearer (sim/ps_motion.h),
 * whose clock starts at the first sample after START. The button follows the
 * script too; the battery reads a constant 3870 mV. Log lines (BUZZ, sensor
 * faults) go out through semihosting (run QEMU with -semihosting-config).
 */
#include "ps_device.h"
#include "ps_icm42688_model.h"
#include "stm32f4_regs.h"

#define CPU_HZ       168000000u   /* QEMU's netduinoplus2 system clock */
#define RX_RING_SIZE 512u         /* power of two */

struct ps_hal {
    volatile uint32_t ms;
    volatile uint8_t  rx[RX_RING_SIZE];
    volatile uint32_t rx_head;
    uint32_t          rx_tail;
    ps_icm42688_model imu[2];
    int               motion_started;
    uint32_t          motion_origin_us;
};

/* The one global: the board's state and the device, reachable from the ISRs. */
static struct {
    struct ps_hal hal;
    ps_device     dev;
} board;

void ps_systick_handler(void) { board.hal.ms++; }

void ps_usart1_handler(void)
{
    while (USART_SR(USART1_BASE) & USART_SR_RXNE) {
        uint8_t byte = (uint8_t)USART_DR(USART1_BASE);
        uint32_t head = board.hal.rx_head;
        if (head - board.hal.rx_tail < RX_RING_SIZE) {
            board.hal.rx[head % RX_RING_SIZE] = byte;
            board.hal.rx_head = head + 1u;
        }
    }
}

/* ARM semihosting SYS_WRITE0: the debugger (here QEMU) prints a C string. */
static void semihosting_write0(const char *text)
{
    register uint32_t op __asm("r0") = 0x04u;
    register const char *arg __asm("r1") = text;
    __asm volatile("bkpt 0xAB" : "+r"(op) : "r"(arg) : "memory");
}

/* ---- HAL --------------------------------------------------------------------- */

uint32_t ps_hal_micros(ps_hal *hal)
{
    uint32_t ms, ticks;
    do {
        ms = hal->ms;
        ticks = SYST_RVR - SYST_CVR;
    } while (ms != hal->ms);
    return ms * 1000u + ticks / (CPU_HZ / 1000000u);
}

void ps_hal_link_write(ps_hal *hal, const uint8_t *data, size_t len)
{
    size_t i;
    (void)hal;
    for (i = 0; i < len; i++) {
        while (!(USART_SR(USART1_BASE) & USART_SR_TXE)) { }
        USART_DR(USART1_BASE) = data[i];
    }
}

static uint32_t motion_time(ps_hal *hal)
{
    return ps_hal_micros(hal) - hal->motion_origin_us;
}

static ps_icm42688_model *imu_at(ps_hal *hal, uint8_t addr7)
{
    unsigned i;
    for (i = 0; i < 2u; i++) {
        if (hal->imu[i].addr7 == addr7) return &hal->imu[i];
    }
    return 0;
}

int ps_hal_i2c_write(ps_hal *hal, uint8_t addr7, uint8_t reg, const uint8_t *data, size_t len)
{
    ps_icm42688_model *m = imu_at(hal, addr7);
    return m == 0 ? -1 : ps_icm42688_model_write(m, reg, data, len);
}

int ps_hal_i2c_read(ps_hal *hal, uint8_t addr7, uint8_t reg, uint8_t *data, size_t len)
{
    ps_icm42688_model *m = imu_at(hal, addr7);
    if (m == 0) return -1;
    if (reg == PS_ICM42688_TEMP_DATA1 && len > 2u) { /* a sample read: the wearer moves on */
        ps_motion_imu imus[2];
        uint32_t t;
        int present;
        if (!hal->motion_started && board.dev.streaming) {
            hal->motion_started = 1;
            hal->motion_origin_us = ps_hal_micros(hal);
        }
        t = hal->motion_started ? motion_time(hal) : 0u;
        ps_motion_imus_at(t, imus);
        hal->imu[0].signal = imus[0];
        hal->imu[1].signal = imus[1];
        present = ps_motion_pelvis_present(t);
        if (!present && hal->imu[1].present) ps_icm42688_model_reset(&hal->imu[1]); /* unplugged: loses its setup */
        hal->imu[1].present = (uint8_t)present;
    }
    return ps_icm42688_model_read(m, reg, data, len);
}

void ps_hal_motor(ps_hal *hal, uint8_t intensity_pct)
{
    (void)hal;
    semihosting_write0(intensity_pct != 0u ? "motor on\n" : "motor off\n");
}

int ps_hal_button_down(ps_hal *hal)
{
    return hal->motion_started && ps_motion_button_down(motion_time(hal));
}

uint16_t ps_hal_battery_mv(ps_hal *hal)
{
    (void)hal;
    return 3870;
}

void ps_hal_log(ps_hal *hal, const char *line)
{
    (void)hal;
    semihosting_write0(line);
    semihosting_write0("\n");
}

/* ---- bring-up ------------------------------------------------------------------ */

static void board_init(void)
{
    RCC_APB2ENR |= 1u << 4; /* USART1 (QEMU does not model RCC; a real chip needs it) */
    USART_BRR(USART1_BASE) = CPU_HZ / 2u / 115200u;
    USART_CR1(USART1_BASE) = USART_CR1_UE | USART_CR1_TE | USART_CR1_RE | USART_CR1_RXNEIE;
    NVIC_ISER(USART1_IRQ / 32u) = 1u << (USART1_IRQ % 32u);

    ps_icm42688_model_init(&board.hal.imu[0], PS_ICM42688_ADDR_AD0_LOW);
    ps_icm42688_model_init(&board.hal.imu[1], PS_ICM42688_ADDR_AD0_HIGH);

    SYST_RVR = CPU_HZ / 1000u - 1u;
    SYST_CVR = 0;
    SYST_CSR = SYST_CSR_ENABLE | SYST_CSR_TICKINT | SYST_CSR_CLKSOURCE;
}

int main(void)
{
    ps_device_config cfg;
    board_init();
    ps_device_config_defaults(&cfg);
    cfg.device_id = 0x5053464d51454d55ull; /* "PSFMQEMU" */
    cfg.name = "qemu-netduinoplus2";
    ps_device_init(&board.dev, &board.hal, &cfg);
    semihosting_write0("posturestream firmware up\n");
    for (;;) {
        while (board.hal.rx_tail != board.hal.rx_head) {
            uint8_t byte = board.hal.rx[board.hal.rx_tail % RX_RING_SIZE];
            board.hal.rx_tail++;
            ps_device_receive(&board.dev, &byte, 1);
        }
        ps_device_poll(&board.dev);
        __asm volatile("wfi");
    }
}
