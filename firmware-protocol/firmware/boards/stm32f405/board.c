/*
 * board.c - the HAL for an STM32F405 board (not run on real hardware: it is
 * built and linked in CI; the emulated board in ../netduinoplus2 runs the
 * same core).
 *
 * Wiring (README.md, "STM32F405"):
 *   USART2 PA2 TX / PA3 RX (AF7), 115200 8N1  -> USB-serial bridge or BLE UART module
 *   I2C1   PB6 SCL / PB7 SDA (AF4), 400 kHz   -> lumbar ICM-42688-P at 0x68, pelvis at 0x69
 *   TIM3_CH3 PB0 (AF2), 20 kHz PWM            -> motor driver MOSFET
 *   PC13 to GND, internal pull-up              -> button
 *   PB1 = ADC12_IN9 behind a 100k/100k divider -> battery
 * Clock: the 16 MHz HSI the chip starts on (no PLL): ample for 400 Hz.
 */
#include "ps_device.h"
#include "stm32f4_regs.h"

#define CPU_HZ        16000000u
#define I2C_TIMEOUT   20000u   /* polling iterations, ~5 ms at 16 MHz */
#define RX_RING_SIZE  256u     /* power of two */

struct ps_hal {
    volatile uint32_t ms;                  /* SysTick count */
    volatile uint8_t  rx[RX_RING_SIZE];    /* filled by the USART2 interrupt */
    volatile uint32_t rx_head;
    uint32_t          rx_tail;
};

/* The one global: the board's state and the device, reachable from the ISRs. */
static struct {
    struct ps_hal hal;
    ps_device     dev;
} board;

void ps_systick_handler(void) { board.hal.ms++; }

void ps_usart2_handler(void)
{
    while (USART_SR(USART2_BASE) & USART_SR_RXNE) {
        uint8_t byte = (uint8_t)USART_DR(USART2_BASE);
        uint32_t head = board.hal.rx_head;
        if (head - board.hal.rx_tail < RX_RING_SIZE) { /* full: drop, the decoder resyncs */
            board.hal.rx[head % RX_RING_SIZE] = byte;
            board.hal.rx_head = head + 1u;
        }
    }
}

/* ---- HAL --------------------------------------------------------------------- */

uint32_t ps_hal_micros(ps_hal *hal)
{
    uint32_t ms, ticks;
    do { /* re-read if SysTick wrapped in between */
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
        while (!(USART_SR(USART2_BASE) & USART_SR_TXE)) { }
        USART_DR(USART2_BASE) = data[i];
    }
}

static int wait_sr1(uint32_t flag)
{
    uint32_t n;
    for (n = 0; n < I2C_TIMEOUT; n++) {
        uint32_t sr1 = I2C_SR1;
        if (sr1 & I2C_SR1_AF) {      /* NACK: the sensor is not there */
            I2C_SR1 = ~I2C_SR1_AF;
            return -1;
        }
        if (sr1 & flag) return 0;
    }
    return -1;
}

static int i2c_fail(void)
{
    I2C_CR1 |= I2C_CR1_STOP;
    return -1;
}

/* START, address + W, register: the common head of both transfers. */
static int i2c_begin(uint8_t addr7, uint8_t reg)
{
    I2C_CR1 |= I2C_CR1_START;
    if (wait_sr1(I2C_SR1_SB) != 0) return -1;
    I2C_DR = (uint32_t)addr7 << 1;
    if (wait_sr1(I2C_SR1_ADDR) != 0) return -1;
    (void)I2C_SR2;                     /* reading SR1 then SR2 clears ADDR */
    I2C_DR = reg;
    return wait_sr1(I2C_SR1_TXE);
}

int ps_hal_i2c_write(ps_hal *hal, uint8_t addr7, uint8_t reg, const uint8_t *data, size_t len)
{
    size_t i;
    (void)hal;
    if (i2c_begin(addr7, reg) != 0) return i2c_fail();
    for (i = 0; i < len; i++) {
        I2C_DR = data[i];
        if (wait_sr1(I2C_SR1_TXE) != 0) return i2c_fail();
    }
    if (wait_sr1(I2C_SR1_BTF) != 0) return i2c_fail();
    I2C_CR1 |= I2C_CR1_STOP;
    return 0;
}

int ps_hal_i2c_read(ps_hal *hal, uint8_t addr7, uint8_t reg, uint8_t *data, size_t len)
{
    size_t i;
    (void)hal;
    if (len == 0u) return 0;
    if (i2c_begin(addr7, reg) != 0) return i2c_fail();
    if (wait_sr1(I2C_SR1_BTF) != 0) return i2c_fail();
    I2C_CR1 |= I2C_CR1_START | I2C_CR1_ACK; /* repeated START, ACK all but the last byte */
    if (wait_sr1(I2C_SR1_SB) != 0) return i2c_fail();
    I2C_DR = ((uint32_t)addr7 << 1) | 1u;
    if (wait_sr1(I2C_SR1_ADDR) != 0) return i2c_fail();
    if (len == 1u) I2C_CR1 &= ~I2C_CR1_ACK;
    (void)I2C_SR2;
    for (i = 0; i < len; i++) {
        if (i + 1u == len) I2C_CR1 |= I2C_CR1_STOP; /* NACK + STOP after the last byte */
        if (wait_sr1(I2C_SR1_RXNE) != 0) return i2c_fail();
        data[i] = (uint8_t)I2C_DR;
        if (i + 2u == len) I2C_CR1 &= ~I2C_CR1_ACK;
    }
    return 0;
}

void ps_hal_motor(ps_hal *hal, uint8_t intensity_pct)
{
    (void)hal;
    TIM3_CCR3 = (uint32_t)intensity_pct * (TIM3_ARR + 1u) / 100u;
}

int ps_hal_button_down(ps_hal *hal)
{
    (void)hal;
    return (GPIO_IDR(PORT_C) & (1u << 13)) == 0u; /* pulled up; pressed = low */
}

uint16_t ps_hal_battery_mv(ps_hal *hal)
{
    uint32_t n;
    (void)hal;
    ADC_CR2 |= ADC_CR2_SWSTART;
    for (n = 0; n < 10000u && !(ADC_SR & ADC_SR_EOC); n++) { }
    /* 12 bits of a 3.3 V reference, times 2 for the divider. */
    return (uint16_t)((ADC_DR & 0xFFFu) * 3300u * 2u / 4095u);
}

void ps_hal_log(ps_hal *hal, const char *line)
{
    (void)hal;
    (void)line; /* no debug channel on this board; see README for SWO/RTT */
}

/* ---- bring-up ------------------------------------------------------------------ */

static void set_af(uint32_t port, uint32_t pin, uint32_t af)
{
    GPIO_MODER(port) = (GPIO_MODER(port) & ~(3u << (2u * pin))) | (2u << (2u * pin));
    if (pin < 8u) GPIO_AFRL(port) = (GPIO_AFRL(port) & ~(0xFu << (4u * pin))) | (af << (4u * pin));
    else GPIO_AFRH(port) = (GPIO_AFRH(port) & ~(0xFu << (4u * (pin - 8u)))) | (af << (4u * (pin - 8u)));
}

static void board_init(void)
{
    RCC_AHB1ENR |= (1u << PORT_A) | (1u << PORT_B) | (1u << PORT_C);
    RCC_APB1ENR |= (1u << 17) | (1u << 21) | (1u << 1); /* USART2, I2C1, TIM3 */
    RCC_APB2ENR |= (1u << 8);                            /* ADC1 */

    set_af(PORT_A, 2, 7); set_af(PORT_A, 3, 7);
    USART_BRR(USART2_BASE) = (CPU_HZ + 115200u / 2u) / 115200u;
    USART_CR1(USART2_BASE) = USART_CR1_UE | USART_CR1_TE | USART_CR1_RE | USART_CR1_RXNEIE;
    NVIC_ISER(USART2_IRQ / 32u) = 1u << (USART2_IRQ % 32u);

    set_af(PORT_B, 6, 4); set_af(PORT_B, 7, 4);
    GPIO_OTYPER(PORT_B) |= (1u << 6) | (1u << 7);       /* open drain */
    GPIO_PUPDR(PORT_B) = (GPIO_PUPDR(PORT_B) & ~(0xFu << 12)) | (0x5u << 12);
    I2C_CR2 = CPU_HZ / 1000000u;                         /* APB1 clock in MHz */
    I2C_CCR = (1u << 15) | 14u;                          /* fast mode, 16 MHz / (3 x 14) = 381 kHz */
    I2C_TRISE = 6u;                                      /* 300 ns x 16 MHz + 1 */
    I2C_CR1 = I2C_CR1_PE;

    set_af(PORT_B, 0, 2);
    TIM3_PSC = 0;
    TIM3_ARR = CPU_HZ / 20000u - 1u;                     /* 20 kHz: above hearing */
    TIM3_CCMR2 = 6u << 4;                                /* CH3 PWM mode 1 */
    TIM3_CCER = 1u << 8;                                 /* CH3 output enable */
    TIM3_CCR3 = 0;
    TIM3_CR1 = 1u;

    GPIO_MODER(PORT_C) &= ~(3u << 26);                   /* PC13 input */
    GPIO_PUPDR(PORT_C) = (GPIO_PUPDR(PORT_C) & ~(3u << 26)) | (1u << 26);

    GPIO_MODER(PORT_B) |= 3u << 2;                       /* PB1 analog */
    ADC_SMPR2 = 7u << 27;                                /* IN9: 480 cycles, a high-impedance divider */
    ADC_SQR3 = 9u;
    ADC_CR2 = ADC_CR2_ADON;

    SYST_RVR = CPU_HZ / 1000u - 1u;
    SYST_CVR = 0;
    SYST_CSR = SYST_CSR_ENABLE | SYST_CSR_TICKINT | SYST_CSR_CLKSOURCE;
}

int main(void)
{
    ps_device_config cfg;
    board_init();
    ps_device_config_defaults(&cfg);
    /* The 96-bit factory unique ID (RM0090 39.1) folded into the 64-bit device id. */
    cfg.device_id = ((uint64_t)(REG32(0x1FFF7A14u) ^ REG32(0x1FFF7A18u)) << 32) | REG32(0x1FFF7A10u);
    ps_device_init(&board.dev, &board.hal, &cfg);
    for (;;) {
        while (board.hal.rx_tail != board.hal.rx_head) {
            uint8_t byte = board.hal.rx[board.hal.rx_tail % RX_RING_SIZE];
            board.hal.rx_tail++;
            ps_device_receive(&board.dev, &byte, 1);
        }
        ps_device_poll(&board.dev);
        __asm volatile("wfi"); /* SysTick wakes us every millisecond */
    }
}
