#
# nanoFramework.System.Security.Cryptography (managed 1.0.43, native checksum 0x1A1CC3FD):
# upstream's natives (HMACSHA256, HMACSHA512, Aes ECB/CBC) over Mbed TLS 3.6 with our minimal config
# (include/nf_mbedtls_config.h), the same Mbed TLS API the ESP32 build uses through ESP-IDF.
#
set(CRYPTO_NATIVE_DIR ${NF_INTERPRETER_DIR}/src/nanoFramework.System.Security.Cryptography)
set(MBEDTLS_CONFIG_DEFINITION MBEDTLS_CONFIG_FILE="nf_mbedtls_config.h")

add_library(vesp32_mbedtls STATIC
    ${MBEDTLS_DIR}/library/aes.c
    ${MBEDTLS_DIR}/library/cipher.c
    ${MBEDTLS_DIR}/library/cipher_wrap.c
    ${MBEDTLS_DIR}/library/constant_time.c
    ${MBEDTLS_DIR}/library/md.c
    ${MBEDTLS_DIR}/library/platform.c
    ${MBEDTLS_DIR}/library/platform_util.c
    ${MBEDTLS_DIR}/library/sha256.c
    ${MBEDTLS_DIR}/library/sha512.c
)
set_target_properties(vesp32_mbedtls PROPERTIES POSITION_INDEPENDENT_CODE ON C_VISIBILITY_PRESET hidden)
target_include_directories(vesp32_mbedtls
    PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include ${MBEDTLS_DIR}/include
    PRIVATE ${MBEDTLS_DIR}/library)
target_compile_definitions(vesp32_mbedtls PUBLIC ${MBEDTLS_CONFIG_DEFINITION})

target_sources(${NANOCLR} PRIVATE
    ${CRYPTO_NATIVE_DIR}/nf_sys_sec_cryptography.cpp
    ${CRYPTO_NATIVE_DIR}/nf_sys_sec_cryptography_System_Security_Cryptography_Aes.cpp
    ${CRYPTO_NATIVE_DIR}/nf_sys_sec_cryptography_System_Security_Cryptography_HMACSHA256.cpp
    ${CRYPTO_NATIVE_DIR}/nf_sys_sec_cryptography_System_Security_Cryptography_HMACSHA512.cpp
)
target_include_directories(${NANOCLR} PRIVATE ${CRYPTO_NATIVE_DIR})
target_link_libraries(${NANOCLR} PRIVATE vesp32_mbedtls)
