//
// LockFirmware virtual ESP32: Mbed TLS 3.6 configuration for the host build of the
// nanoFramework.System.Security.Cryptography natives. Only what they call: HMAC-SHA256/512 (md)
// and AES ECB/CBC (cipher). No TLS, no entropy, no time: the host has no use for them.
//

#ifndef NF_MBEDTLS_CONFIG_H
#define NF_MBEDTLS_CONFIG_H

#define MBEDTLS_PLATFORM_C

#define MBEDTLS_AES_C
#define MBEDTLS_CIPHER_C
#define MBEDTLS_CIPHER_MODE_CBC

#define MBEDTLS_MD_C
#define MBEDTLS_SHA256_C
#define MBEDTLS_SHA512_C

#endif // NF_MBEDTLS_CONFIG_H
