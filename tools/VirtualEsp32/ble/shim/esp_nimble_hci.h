//
// LockFirmware virtual ESP32: stands in for the NimBLE/FreeRTOS headers that upstream's Bluetooth native header
// (sys_dev_ble_native.h -> sys_ble.h -> nimble_utils.h) includes. Only names, so that header parses: the host
// has no NimBLE; ble/*.cpp implement the natives over a loopback TCP link. The other headers in this folder are
// empty on purpose.
//
#ifndef VESP32_NIMBLE_SHIM_H
#define VESP32_NIMBLE_SHIM_H

#include <stdint.h>

typedef void *SemaphoreHandle_t;
typedef void *EventGroupHandle_t;
typedef uint64_t u64_t;
typedef uint8_t u8_t;

struct ble_gatt_access_ctxt;
struct ble_gap_event;
struct os_mbuf;
typedef struct vesp32_ble_uuid ble_uuid_t;
typedef struct vesp32_ble_uuid16 ble_uuid16_t;
typedef struct vesp32_ble_uuid32 ble_uuid32_t;
typedef struct vesp32_ble_uuid128 ble_uuid128_t;
typedef union vesp32_ble_uuid_any ble_uuid_any_t;
typedef struct vesp32_ble_addr ble_addr_t;
typedef struct vesp32_ble_gatt_chr_def ble_gatt_chr_def;
typedef struct vesp32_ble_gatt_dsc_def ble_gatt_dsc_def;
typedef struct vesp32_ble_gatt_svc_def ble_gatt_svc_def;

#endif
