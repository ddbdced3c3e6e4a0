# Boots IMAGE on QEMU's netduinoplus2 for two seconds with USART1 written to a file, then
# decodes that file with psp_dump: the firmware must have sent HELLO (its name) and STATUS,
# with no decoding errors. Args: QEMU, IMAGE, DUMP, WORK.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(
  COMMAND ${QEMU} -M netduinoplus2 -nographic -monitor none -kernel ${IMAGE}
          -serial file:${WORK}/usart1.bin
          -semihosting-config enable=on,target=native,chardev=semihosting
          -chardev file,id=semihosting,path=${WORK}/semihosting.log
  TIMEOUT 2
  RESULT_VARIABLE qemu_result
  ERROR_VARIABLE qemu_error)
# Killed by the timeout is the normal end; anything else is QEMU failing to start.
if(NOT qemu_result MATCHES "timeout" AND NOT qemu_result EQUAL 0)
  message(FATAL_ERROR "qemu-system-arm failed (${qemu_result}): ${qemu_error}")
endif()
execute_process(COMMAND ${DUMP} ${WORK}/usart1.bin OUTPUT_VARIABLE decoded RESULT_VARIABLE dump_result)
file(READ ${WORK}/semihosting.log semihosting)
message("${decoded}semihosting: ${semihosting}")
# "qemu-netduinoplus2" as the lowercase hex of its UTF-8 bytes
if(NOT decoded MATCHES "hello seq=0 device_id=5053464d51454d55 fw=0.1.0 rate=100 mask=3 name=71656d752d6e65746475696e6f706c757332")
  message(FATAL_ERROR "no HELLO from the firmware")
endif()
if(NOT decoded MATCHES "status seq=1 mv=3870 pct=69 temp=31[0-9][0-9] flags=0")
  message(FATAL_ERROR "no STATUS from the firmware")
endif()
if(NOT decoded MATCHES "counts frames=[0-9]+ empty=1 cobs=0 crc=0 short=0 oversize=0 bad_length=0")
  message(FATAL_ERROR "decoding errors in the firmware's output")
endif()
if(NOT semihosting MATCHES "posturestream firmware up")
  message(FATAL_ERROR "no semihosting log line")
endif()
