//
// LockFirmware virtual ESP32: littlefs on the emulated NOR partition, configured as esp_littlefs configures it
// on the ESP32 (joltwallet/esp_littlefs Kconfig defaults, which nanoFramework's ESP32 build keeps):
// block 4096 (the flash sector), read and prog size 128, cache 512, lookahead 128, block_cycles 512,
// names up to 64 bytes (LITTLEFS_OBJ_NAME_LEN), mounted at boot and formatted if mounting fails.
//

#ifndef LITTLEFS_VOLUME_H
#define LITTLEFS_VOLUME_H

#include <lfs.h>

struct LittlefsVolume
{
    // Mounts the volume (formatting a blank or unreadable partition); false if the flash cannot be opened.
    static bool Mount();

    // The mounted file system, or nullptr.
    static lfs_t *FileSystem();

    // esp_littlefs (CONFIG_LITTLEFS_USE_MTIME, seconds): a file opened for writing gets its mtime attribute
    // set, which is one metadata commit.
    static int UpdateModificationTime(const char *path);

  private:
    static int ReadBlock(const lfs_config *config, lfs_block_t block, lfs_off_t offset, void *buffer, lfs_size_t size);
    static int ProgramBlock(
        const lfs_config *config,
        lfs_block_t block,
        lfs_off_t offset,
        const void *buffer,
        lfs_size_t size);
    static int EraseBlock(const lfs_config *config, lfs_block_t block);
    static int Sync(const lfs_config *config);
};

#endif // LITTLEFS_VOLUME_H
