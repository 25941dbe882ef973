#
# nanoFramework.Device.Bluetooth (managed 1.1.123, native checksum 0xE610B405): upstream's ESP32 method table and
# header (its NimBLE includes answered by ble/shim), our peripheral-role natives over a loopback TCP link
# (ble/BleLink.cpp), central-role natives (ble/BleGattClient.cpp, BleWatcher.cpp) over the same link to another
# virtual device found in the air (ble/BleAir.cpp).
#
set(BLE_NATIVE_DIR ${NF_INTERPRETER_DIR}/targets/ESP32/_nanoCLR/nanoFramework.Device.Bluetooth)
target_sources(${NANOCLR} PRIVATE
    ${BLE_NATIVE_DIR}/sys_dev_ble_native.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/ble/BleLink.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/ble/BleGattServer.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/ble/BleDevice.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/ble/BleAtt.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/ble/BleAir.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/ble/BleCentral.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/ble/BleScanner.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/ble/BleWatcher.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/ble/BleGattClient.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/ble/BleNotModelled.cpp
)
target_include_directories(${NANOCLR} PRIVATE ${BLE_NATIVE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/ble/shim)
