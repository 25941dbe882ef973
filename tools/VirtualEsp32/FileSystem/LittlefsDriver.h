//
// LockFirmware virtual ESP32: the file-system and stream driver of drive I:, over littlefs.
// It plays nanoFramework's ESP32 driver (targets/ESP32/_littlefs/littlefs_FS_Driver.cpp, which goes through
// newlib and the ESP-IDF VFS to esp_littlefs) by calling littlefs the way esp_littlefs does for each of those
// calls. What matters for data on flash:
//   - open: an existing file is opened read-write ("r+"), a missing one created and truncated ("w+"); esp_littlefs
//     syncs the file after opening and, for a writable file, sets its mtime attribute (a metadata commit);
//   - write: lfs_file_write; the upstream driver's fflush after each fwrite reaches littlefs as nothing more;
//   - Flush (FileStream.Flush): fflush, which is NOT a commit (LITTLEFS_FLUSH_FILE_EVERY_WRITE is off);
//   - close: lfs_file_close, the commit. Until then a reset loses what was written.
//

#ifndef LITTLEFS_DRIVER_H
#define LITTLEFS_DRIVER_H

#include <nanoHAL_v2.h>
#include <nanoPAL_FileSystem.h>
#include <lfs.h>

struct LittlefsDriver
{
    static STREAM_DRIVER_INTERFACE StreamInterface;
    static FILESYSTEM_DRIVER_INTERFACE FileSystemInterface;

    // stream
    static void Initialize();
    static bool InitializeVolume(const VOLUME_ID *volume, const char *path);
    static bool UninitializeVolume(const VOLUME_ID *volume);
    static STREAM_DRIVER_DETAILS *DriverDetails(const VOLUME_ID *volume);
    static HRESULT Open(const VOLUME_ID *volume, const char *path, void *&handle);
    static HRESULT Close(void *handle);
    static HRESULT Read(void *handle, uint8_t *buffer, int size, int *bytesRead);
    static HRESULT Write(void *handle, uint8_t *buffer, int size, int *bytesWritten);
    static HRESULT Flush(void *handle);
    static HRESULT Seek(void *handle, int64_t offset, uint32_t origin, int64_t *position);
    static HRESULT GetLength(void *handle, int64_t *length);
    static HRESULT SetLength(void *handle, int64_t length);

    // file system
    static HRESULT FindOpen(const VOLUME_ID *volume, const char *path, void *&handle);
    static HRESULT FindNext(void *handle, FS_FILEINFO *fileInfo, bool *found);
    static HRESULT FindClose(void *handle);
    static HRESULT GetFileInfo(const VOLUME_ID *volume, const char *path, FS_FILEINFO *fileInfo, bool *found);
    static HRESULT CreateDirectory(const VOLUME_ID *volume, const char *path);
    static HRESULT Move(const VOLUME_ID *volume, const char *oldPath, const char *newPath);
    static HRESULT Delete(const VOLUME_ID *volume, const char *path, bool recursive);
    static HRESULT GetAttributes(const VOLUME_ID *volume, const char *path, uint32_t *attributes);
    static HRESULT SetAttributes(const VOLUME_ID *volume, const char *path, uint32_t attributes);
    static HRESULT Format(const VOLUME_ID *volume, const char *volumeLabel, uint32_t parameters);
    static bool LoadMedia(const void *media);
    static HRESULT GetSizeInfo(const VOLUME_ID *volume, int64_t *totalSize, int64_t *totalFreeSpace);
    static HRESULT FlushAll(const VOLUME_ID *volume);
    static HRESULT GetVolumeLabel(const VOLUME_ID *volume, char *volumeLabel, int32_t volumeLabelLength);

  private:
    static HRESULT Lookup(const char *path, char *lfsPath, size_t size, struct lfs_info *info, bool *found);
    static bool ToLittlefsPath(const char *path, char *buffer, size_t bufferSize);
    static HRESULT RemoveTree(char *path, size_t bufferSize);
};

#endif // LITTLEFS_DRIVER_H
