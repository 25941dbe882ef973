#
# nanoFramework.Hardware.Esp32 (managed 1.6.42, native checksum 0x6A20A689): upstream's ESP32 method table, our
# Sleep (esp32/Esp32Sleep.cpp: wake sources recorded, light sleep until timer or pin) and stubs for the rest.
#
set(ESP32_NATIVE_DIR ${NF_INTERPRETER_DIR}/targets/ESP32/_nanoCLR/nanoFramework.Hardware.ESP32)
target_sources(${NANOCLR} PRIVATE
    ${ESP32_NATIVE_DIR}/nanoFramework_hardware_esp32_native.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/esp32/Esp32Sleep.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/esp32/Esp32NotModelled.cpp
)
target_include_directories(${NANOCLR} PRIVATE ${ESP32_NATIVE_DIR})
