//
// LockFirmware virtual ESP32: the file systems of the target, as an ESP32 build without SD card has them:
// littlefs only, drive I: on the internal flash, present from boot.
//

#include <nf_sys_io_filesystem.h>

#include "LittlefsDriver.h"

FILESYSTEM_INTERFACES g_AvailableFSInterfaces[] = {
    {&LittlefsDriver::FileSystemInterface, &LittlefsDriver::StreamInterface},
};

const size_t g_InstalledFSCount = ARRAYSIZE(g_AvailableFSInterfaces);

// DriveInfo.MountRemovableVolumes: the lock has no SD card or USB drive, so there is nothing to mount.
void FS_MountRemovableVolumes()
{
}

namespace
{
// The ESP32 mounts drive I: while it boots, before any managed code runs; the host does it when the
// nanoCLR library is loaded. FS_MountVolume is not used: it also posts a media-insert event to managed
// code, and at that point the event queue does not exist yet.
struct InternalDrive
{
    FileSystemVolume volume;
    char rootName[FS_NAME_MAXLENGTH];

    InternalDrive() : volume(), rootName(INTERNAL_DRIVE0_LETTER)
    {
        FileSystemVolumeList::Initialize();
        FS_Initialize();
        FileSystemVolumeList::AddVolume(
            &volume,
            rootName,
            0,
            &LittlefsDriver::StreamInterface,
            &LittlefsDriver::FileSystemInterface,
            FileSystemVolumeList::GetNextFreeVolumeId(),
            TRUE);
    }
};

InternalDrive s_internalDrive;
} // namespace
