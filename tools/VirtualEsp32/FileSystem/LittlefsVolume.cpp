//
// LockFirmware virtual ESP32: littlefs on the emulated NOR partition (see LittlefsVolume.h).
//

#include "LittlefsVolume.h"
#include "VirtualNorFlash.h"

#include <stdio.h>
#include <time.h>

namespace
{
// esp_littlefs's attribute type for the modification time
const uint8_t ModificationTimeAttribute = 't';

lfs_t s_fileSystem;
bool s_mounted = false;

lfs_config MakeConfig(
    int (*read)(const lfs_config *, lfs_block_t, lfs_off_t, void *, lfs_size_t),
    int (*prog)(const lfs_config *, lfs_block_t, lfs_off_t, const void *, lfs_size_t),
    int (*erase)(const lfs_config *, lfs_block_t),
    int (*sync)(const lfs_config *))
{
    lfs_config config = {};
    config.read = read;
    config.prog = prog;
    config.erase = erase;
    config.sync = sync;
    config.block_size = VirtualNorFlash::SectorSize;
    config.block_count = VirtualNorFlash::SectorCount;
    config.read_size = 128;
    config.prog_size = 128;
    config.cache_size = 512;
    config.lookahead_size = 128;
    config.block_cycles = 512;
    config.name_max = 64;
    return config;
}
} // namespace

bool LittlefsVolume::Mount()
{
    if (s_mounted)
    {
        return true;
    }

    if (!VirtualNorFlash::Open())
    {
        return false;
    }

    // littlefs keeps a pointer to its configuration: a static, made here, on first use
    static const lfs_config config = MakeConfig(ReadBlock, ProgramBlock, EraseBlock, Sync);

    // as esp_littlefs with format_if_mount_failed: a blank partition is formatted at the first boot
    if (lfs_mount(&s_fileSystem, &config) != LFS_ERR_OK)
    {
        if (lfs_format(&s_fileSystem, &config) != LFS_ERR_OK || lfs_mount(&s_fileSystem, &config) != LFS_ERR_OK)
        {
            fprintf(stderr, "vesp32-flash: cannot mount or format littlefs on drive I:\n");
            return false;
        }
    }

    s_mounted = true;
    return true;
}

lfs_t *LittlefsVolume::FileSystem()
{
    return s_mounted ? &s_fileSystem : nullptr;
}

int LittlefsVolume::UpdateModificationTime(const char *path)
{
    time_t now = time(nullptr);
    return lfs_setattr(&s_fileSystem, path, ModificationTimeAttribute, &now, sizeof(now));
}

int LittlefsVolume::ReadBlock(const lfs_config *, lfs_block_t block, lfs_off_t offset, void *buffer, lfs_size_t size)
{
    return VirtualNorFlash::Read(block, offset, buffer, size) ? LFS_ERR_OK : LFS_ERR_IO;
}

int LittlefsVolume::ProgramBlock(
    const lfs_config *,
    lfs_block_t block,
    lfs_off_t offset,
    const void *buffer,
    lfs_size_t size)
{
    return VirtualNorFlash::Program(block, offset, buffer, size) ? LFS_ERR_OK : LFS_ERR_IO;
}

int LittlefsVolume::EraseBlock(const lfs_config *, lfs_block_t block)
{
    return VirtualNorFlash::Erase(block) ? LFS_ERR_OK : LFS_ERR_IO;
}

int LittlefsVolume::Sync(const lfs_config *)
{
    // every program and erase reaches the image file before it returns
    return LFS_ERR_OK;
}
