/*
 * stm32f4_regs.h - the few STM32F405 and Cortex-M4 registers the boards use,
 * by address (RM0090 memory map and register descriptions; ARMv7-M ARM for
 * SysTick and NVIC). Written out here instead of pulling in a vendor CMSIS
 * pack, so the build needs nothing but the compiler.
 */
#ifndef STM32F4_REGS_H
#define STM32F4_REGS_H

#include <stdint.h>

#define REG32(addr) (*(volatile uint32_t *)(addr))

/* Cortex-M4 core */
#define SYST_CSR    REG32(0xE000E010u)   /* SysTick control and status */
#define SYST_RVR    REG32(0xE000E014u)   /* reload value */
#define SYST_CVR    REG32(0xE000E018u)   /* current value */
#define SYST_CSR_ENABLE    (1u << 0)
#define SYST_CSR_TICKINT   (1u << 1)
#define SYST_CSR_CLKSOURCE (1u << 2)    /* processor clock */
#define NVIC_ISER(n) REG32(0xE000E100u + 4u * (n))

/* RCC */
#define RCC_BASE     0x40023800u
#define RCC_AHB1ENR  REG32(RCC_BASE + 0x30u)
#define RCC_APB1ENR  REG32(RCC_BASE + 0x40u)
#define RCC_APB2ENR  REG32(RCC_BASE + 0x44u)

/* GPIO port n (A = 0) */
#define GPIO_BASE(n)    (0x40020000u + 0x400u * (n))
#define GPIO_MODER(n)   REG32(GPIO_BASE(n) + 0x00u)
#define GPIO_OTYPER(n)  REG32(GPIO_BASE(n) + 0x04u)
#define GPIO_PUPDR(n)   REG32(GPIO_BASE(n) + 0x0Cu)
#define GPIO_IDR(n)     REG32(GPIO_BASE(n) + 0x10u)
#define GPIO_AFRL(n)    REG32(GPIO_BASE(n) + 0x20u)
#define GPIO_AFRH(n)    REG32(GPIO_BASE(n) + 0x24u)
#define PORT_A 0u
#define PORT_B 1u
#define PORT_C 2u

/* USART1 (APB2) and USART2 (APB1) */
#define USART1_BASE 0x40011000u
#define USART2_BASE 0x40004400u
#define USART_SR(b)  REG32((b) + 0x00u)
#define USART_DR(b)  REG32((b) + 0x04u)
#define USART_BRR(b) REG32((b) + 0x08u)
#define USART_CR1(b) REG32((b) + 0x0Cu)
#define USART_SR_RXNE (1u << 5)
#define USART_SR_TXE  (1u << 7)
#define USART_CR1_RE     (1u << 2)
#define USART_CR1_TE     (1u << 3)
#define USART_CR1_RXNEIE (1u << 5)
#define USART_CR1_UE     (1u << 13)
#define USART1_IRQ 37u
#define USART2_IRQ 38u

/* I2C1 */
#define I2C1_BASE  0x40005400u
#define I2C_CR1    REG32(I2C1_BASE + 0x00u)
#define I2C_CR2    REG32(I2C1_BASE + 0x04u)
#define I2C_DR     REG32(I2C1_BASE + 0x10u)
#define I2C_SR1    REG32(I2C1_BASE + 0x14u)
#define I2C_SR2    REG32(I2C1_BASE + 0x18u)
#define I2C_CCR    REG32(I2C1_BASE + 0x1Cu)
#define I2C_TRISE  REG32(I2C1_BASE + 0x20u)
#define I2C_CR1_PE    (1u << 0)
#define I2C_CR1_START (1u << 8)
#define I2C_CR1_STOP  (1u << 9)
#define I2C_CR1_ACK   (1u << 10)
#define I2C_SR1_SB    (1u << 0)
#define I2C_SR1_ADDR  (1u << 1)
#define I2C_SR1_BTF   (1u << 2)
#define I2C_SR1_RXNE  (1u << 6)
#define I2C_SR1_TXE   (1u << 7)
#define I2C_SR1_AF    (1u << 10)   /* acknowledge failure: nobody answered */

/* ADC1 */
#define ADC1_BASE  0x40012000u
#define ADC_SR     REG32(ADC1_BASE + 0x00u)
#define ADC_CR2    REG32(ADC1_BASE + 0x08u)
#define ADC_SMPR2  REG32(ADC1_BASE + 0x10u)
#define ADC_SQR3   REG32(ADC1_BASE + 0x34u)
#define ADC_DR     REG32(ADC1_BASE + 0x4Cu)
#define ADC_SR_EOC     (1u << 1)
#define ADC_CR2_ADON   (1u << 0)
#define ADC_CR2_SWSTART (1u << 30)

/* TIM3 (motor PWM) */
#define TIM3_BASE  0x40000400u
#define TIM3_CR1   REG32(TIM3_BASE + 0x00u)
#define TIM3_CCMR2 REG32(TIM3_BASE + 0x1Cu)
#define TIM3_CCER  REG32(TIM3_BASE + 0x20u)
#define TIM3_PSC   REG32(TIM3_BASE + 0x28u)
#define TIM3_ARR   REG32(TIM3_BASE + 0x2Cu)
#define TIM3_CCR3  REG32(TIM3_BASE + 0x3Cu)

#endif /* STM32F4_REGS_H */
