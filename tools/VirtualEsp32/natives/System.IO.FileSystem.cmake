#
# System.IO.FileSystem (managed 1.1.93, native checksum 0x1777E2FE): upstream's natives over our drive I:,
# littlefs v2.11.2 (BSD-3-Clause, built from its tarball) on an emulated NOR partition in a host file.
# Upstream parts that fit a host are compiled as they are (two with an LP64 type fix, below); the ESP32 ones (the littlefs driver over
# ESP-IDF's VFS, the SD card natives, the runtime's file stream the posix target leaves out) are replaced by
# our glue in FileSystem/, which follows their behaviour and esp_littlefs's commit rules.
#
set(FILESYSTEM_NATIVE_DIR ${NF_INTERPRETER_DIR}/src/System.IO.FileSystem)

# Two upstream files assume int64_t is CLR_INT64 (long long), as on the 32-bit targets; on a 64-bit Linux host
# int64_t is long. They are compiled from a copy with the two types spelled out (nanoCLR/Lp64Fixes.cmake).
vesp32_lp64_copy(src/System.IO.FileSystem/nf_sys_io_filesystem_System_IO_NativeFileStream.cpp
    "int64_t *timeoutTicks;" "CLR_INT64 *timeoutTicks;" NATIVE_FILE_STREAM_SRC)
vesp32_lp64_copy(src/System.IO.FileSystem/nf_sys_io_filesystem_System_IO_DriveInfo.cpp
    "SetInteger(totalSize);" "SetInteger((CLR_INT64)totalSize);" DRIVE_INFO_SRC)

add_library(vesp32_littlefs STATIC ${LITTLEFS_DIR}/lfs.c ${LITTLEFS_DIR}/lfs_util.c)
set_target_properties(vesp32_littlefs PROPERTIES POSITION_INDEPENDENT_CODE ON C_VISIBILITY_PRESET hidden)
target_include_directories(vesp32_littlefs PUBLIC ${LITTLEFS_DIR})
# esp_littlefs: names up to LITTLEFS_OBJ_NAME_LEN (64) bytes; littlefs's debug trace off, warnings and errors on
target_compile_definitions(vesp32_littlefs PUBLIC LFS_NAME_MAX=64 LFS_NO_DEBUG)

target_sources(${NANOCLR} PRIVATE
    ${FILESYSTEM_NATIVE_DIR}/nf_sys_io_filesystem.cpp
    ${FILESYSTEM_NATIVE_DIR}/nf_sys_io_filesystem_System_IO_Directory.cpp
    ${DRIVE_INFO_SRC}
    ${NATIVE_FILE_STREAM_SRC}
    ${FILESYSTEM_NATIVE_DIR}/nf_sys_io_filesystem_System_IO_NativeFindFile.cpp
    ${FILESYSTEM_NATIVE_DIR}/nf_sys_io_filesystem_System_IO_NativeIO.cpp
    ${FILESYSTEM_NATIVE_DIR}/nf_sys_io_filesystem_nanoFramework_System_IO_FileSystem_SDCard_stubs.cpp
    ${NF_INTERPRETER_DIR}/src/PAL/FileSystem/nanoPAL_FileSystem.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/FileSystem/CLR_RT_FileStream.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/FileSystem/LittlefsDriver.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/FileSystem/LittlefsVolume.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/FileSystem/Target_FileSystem.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/FileSystem/VirtualNorFlash.cpp
)
set_source_files_properties(${FILESYSTEM_NATIVE_DIR}/nf_sys_io_filesystem_System_IO_NativeIO.cpp
    TARGET_DIRECTORY ${NANOCLR}
    PROPERTIES COMPILE_OPTIONS "-include;${CMAKE_CURRENT_SOURCE_DIR}/FileSystem/PosixPalCompat.h")
target_include_directories(${NANOCLR} PRIVATE ${FILESYSTEM_NATIVE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/FileSystem)
target_link_libraries(${NANOCLR} PRIVATE vesp32_littlefs)
