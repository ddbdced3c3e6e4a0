/*
 * startup.c - reset and vector table for the STM32F405 (Cortex-M4).
 *
 * Copies .data from flash, clears .bss and calls main(). Every exception and
 * interrupt the board does not handle stops in ps_unhandled (visible in a
 * debugger). Boards provide ps_systick_handler and ps_usart_handler.
 */
#include <stdint.h>

extern uint32_t ps_data_start, ps_data_end, ps_data_load, ps_bss_start, ps_bss_end, ps_stack_top;
extern int main(void);
void ps_reset_handler(void);
void ps_unhandled(void);
void ps_systick_handler(void);
void ps_usart1_handler(void) __attribute__((weak, alias("ps_unhandled")));
void ps_usart2_handler(void) __attribute__((weak, alias("ps_unhandled")));

#define IRQ_COUNT 82u /* STM32F405: IRQ 0 .. 81 (RM0090 table 61) */

typedef void (*vector)(void);
#define U ps_unhandled

/* Word 0 is the initial stack pointer, then the handlers (ARMv7-M B1.5.3). */
typedef struct {
    uint32_t *initial_sp;
    vector handlers[15 + IRQ_COUNT];
} vector_table;

__attribute__((section(".isr_vector"), used))
static const vector_table vectors = {
    &ps_stack_top, {
    ps_reset_handler,
    ps_unhandled,                     /* NMI */
    ps_unhandled,                     /* HardFault */
    ps_unhandled,                     /* MemManage */
    ps_unhandled,                     /* BusFault */
    ps_unhandled,                     /* UsageFault */
    0, 0, 0, 0,
    ps_unhandled,                     /* SVCall */
    ps_unhandled,                     /* DebugMonitor */
    0,
    ps_unhandled,                     /* PendSV */
    ps_systick_handler,
    /* IRQs (U = ps_unhandled); USART1 is IRQ 37, USART2 IRQ 38 */
    U, U, U, U, U, U, U, U, U, U,  /* IRQ 0..9 */
    U, U, U, U, U, U, U, U, U, U,  /* IRQ 10..19 */
    U, U, U, U, U, U, U, U, U, U,  /* IRQ 20..29 */
    U, U, U, U, U, U, U, ps_usart1_handler, ps_usart2_handler, U,  /* IRQ 30..39 */
    U, U, U, U, U, U, U, U, U, U,  /* IRQ 40..49 */
    U, U, U, U, U, U, U, U, U, U,  /* IRQ 50..59 */
    U, U, U, U, U, U, U, U, U, U,  /* IRQ 60..69 */
    U, U, U, U, U, U, U, U, U, U,  /* IRQ 70..79 */
    U, U,  /* IRQ 80..81 */
} };

void ps_unhandled(void)
{
    for (;;) { }
}

void ps_reset_handler(void)
{
    uint32_t *src = &ps_data_load, *dst = &ps_data_start;
    while (dst < &ps_data_end) *dst++ = *src++;
    for (dst = &ps_bss_start; dst < &ps_bss_end; ) *dst++ = 0;
    (void)main();
    for (;;) { }
}
