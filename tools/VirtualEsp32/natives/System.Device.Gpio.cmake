#
# System.Device.Gpio (managed 1.1.62, native checksum 0x097E7BC5): upstream's real natives (the ones the ESP32
# firmware compiles) in place of the posix stubs, over our pin model (gpio/cpu_gpio.cpp) and the bench link.
#
set(GPIO_NATIVE_DIR ${NF_INTERPRETER_DIR}/src/System.Device.Gpio)

get_target_property(NANOCLR_SOURCES ${NANOCLR} SOURCES)
list(FILTER NANOCLR_SOURCES EXCLUDE REGEX "System\\.Device\\.Gpio/.*_stubs\\.cpp$")
set_property(TARGET ${NANOCLR} PROPERTY SOURCES ${NANOCLR_SOURCES})

target_sources(${NANOCLR} PRIVATE
    ${GPIO_NATIVE_DIR}/sys_dev_gpio_native_System_Device_Gpio_GpioController.cpp
    ${GPIO_NATIVE_DIR}/sys_dev_gpio_native_System_Device_Gpio_GpioPin.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/gpio/cpu_gpio.cpp
)
# sys_dev_gpio_native_target.h: the ESP32 target's (it only includes the common header)
target_include_directories(${NANOCLR} PRIVATE ${NF_INTERPRETER_DIR}/targets/ESP32/_nanoCLR/System.Device.Gpio)
