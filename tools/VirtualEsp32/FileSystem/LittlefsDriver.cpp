//
// LockFirmware virtual ESP32: the driver of drive I: over littlefs (see LittlefsDriver.h).
//

#include <nf_sys_io_filesystem.h>

#include "LittlefsDriver.h"
#include "LittlefsVolume.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

namespace
{
struct FileHandle
{
    lfs_file_t file;
};

struct FindHandle
{
    lfs_dir_t directory;
};

HRESULT FileResult(int result)
{
    return result >= 0 ? S_OK : CLR_E_FILE_IO;
}

lfs_t *Fs()
{
    return LittlefsVolume::FileSystem();
}

uint32_t AttributesOf(const struct lfs_info &info)
{
    return info.type == LFS_TYPE_DIR ? FileAttributes::FileAttributes_Directory : FileAttributes::FileAttributes_Normal;
}
} // namespace

//--// stream

void LittlefsDriver::Initialize()
{
}

bool LittlefsDriver::InitializeVolume(const VOLUME_ID *volume, const char *path)
{
    (void)volume;
    (void)path;

    // the ESP32 mounts its config partition at boot; here drive I: is mounted when it is added
    return LittlefsVolume::Mount();
}

bool LittlefsDriver::UninitializeVolume(const VOLUME_ID *volume)
{
    (void)volume;

    // never unmounted: a host that stops is a device losing power
    return TRUE;
}

STREAM_DRIVER_DETAILS *LittlefsDriver::DriverDetails(const VOLUME_ID *volume)
{
    (void)volume;

    static STREAM_DRIVER_DETAILS details = {DIRECT_IO, NULL, NULL, 0, 0, TRUE, TRUE, TRUE, 0, 0};
    return &details;
}

HRESULT LittlefsDriver::Open(const VOLUME_ID *volume, const char *path, void *&handle)
{
    (void)volume;

    char lfsPath[FS_MAX_PATH_LENGTH];
    struct lfs_info info;
    bool exists;

    HRESULT hr = Lookup(path, lfsPath, sizeof(lfsPath), &info, &exists);
    if (hr != S_OK)
    {
        return hr;
    }

    // upstream: fopen(path, stat(path) == 0 ? "r+" : "w+")
    int flags = exists ? LFS_O_RDWR : LFS_O_RDWR | LFS_O_CREAT | LFS_O_TRUNC;

    FileHandle *fileHandle = static_cast<FileHandle *>(calloc(1, sizeof(FileHandle)));
    if (fileHandle == NULL)
    {
        return CLR_E_OUT_OF_MEMORY;
    }

    if (lfs_file_open(Fs(), &fileHandle->file, lfsPath, flags) < 0)
    {
        free(fileHandle);
        return CLR_E_FILE_IO;
    }

    // esp_littlefs's open: sync the file, then stamp the mtime of a file opened for writing
    lfs_file_sync(Fs(), &fileHandle->file);
    LittlefsVolume::UpdateModificationTime(lfsPath);

    handle = fileHandle;
    return S_OK;
}

HRESULT LittlefsDriver::Close(void *handle)
{
    if (handle == NULL)
    {
        return CLR_E_INVALID_PARAMETER;
    }

    FileHandle *fileHandle = static_cast<FileHandle *>(handle);
    int result = lfs_file_close(Fs(), &fileHandle->file);
    free(fileHandle);

    return FileResult(result);
}

HRESULT LittlefsDriver::Read(void *handle, uint8_t *buffer, int size, int *bytesRead)
{
    if (handle == NULL || buffer == NULL || size < 0 || bytesRead == NULL)
    {
        return CLR_E_INVALID_PARAMETER;
    }

    lfs_ssize_t count = lfs_file_read(Fs(), &static_cast<FileHandle *>(handle)->file, buffer, size);
    if (count < 0)
    {
        return CLR_E_FILE_IO;
    }

    // as upstream: nothing read at the end of the file is signalled as -1
    *bytesRead = count > 0 ? (int)count : -1;
    return S_OK;
}

HRESULT LittlefsDriver::Write(void *handle, uint8_t *buffer, int size, int *bytesWritten)
{
    if (handle == NULL || size < 0 || bytesWritten == NULL)
    {
        return CLR_E_INVALID_PARAMETER;
    }

    // fwrite + fflush reach littlefs as one write, which is not a commit
    lfs_ssize_t count = lfs_file_write(Fs(), &static_cast<FileHandle *>(handle)->file, buffer, size);
    if (count < size)
    {
        return CLR_E_FILE_IO;
    }

    *bytesWritten = (int)count;
    return S_OK;
}

HRESULT LittlefsDriver::Flush(void *handle)
{
    // fflush empties newlib's buffer into littlefs and stops there: littlefs commits at sync or close only
    return handle == NULL ? CLR_E_INVALID_PARAMETER : S_OK;
}

HRESULT LittlefsDriver::Seek(void *handle, int64_t offset, uint32_t origin, int64_t *position)
{
    if (handle == NULL || origin > SEEKORIGIN_END)
    {
        return CLR_E_INVALID_PARAMETER;
    }

    // SEEKORIGIN_BEGIN/CURRENT/END have the values of LFS_SEEK_SET/CUR/END
    lfs_soff_t at = lfs_file_seek(Fs(), &static_cast<FileHandle *>(handle)->file, (lfs_soff_t)offset, (int)origin);
    if (at < 0)
    {
        return CLR_E_FILE_IO;
    }

    *position = at;
    return S_OK;
}

HRESULT LittlefsDriver::GetLength(void *handle, int64_t *length)
{
    if (handle == NULL)
    {
        return CLR_E_INVALID_PARAMETER;
    }

    lfs_soff_t size = lfs_file_size(Fs(), &static_cast<FileHandle *>(handle)->file);
    if (size < 0)
    {
        return CLR_E_FILE_IO;
    }

    *length = size;
    return S_OK;
}

HRESULT LittlefsDriver::SetLength(void *handle, int64_t length)
{
    if (handle == NULL || length < 0)
    {
        return CLR_E_INVALID_PARAMETER;
    }

    return FileResult(lfs_file_truncate(Fs(), &static_cast<FileHandle *>(handle)->file, (lfs_off_t)length));
}

//--// file system

HRESULT LittlefsDriver::FindOpen(const VOLUME_ID *volume, const char *path, void *&handle)
{
    (void)volume;

    char lfsPath[FS_MAX_PATH_LENGTH];
    if (!ToLittlefsPath(path, lfsPath, sizeof(lfsPath)))
    {
        return CLR_E_PATH_TOO_LONG;
    }

    FindHandle *findHandle = static_cast<FindHandle *>(calloc(1, sizeof(FindHandle)));
    if (findHandle == NULL)
    {
        return CLR_E_OUT_OF_MEMORY;
    }

    if (lfs_dir_open(Fs(), &findHandle->directory, lfsPath) < 0)
    {
        free(findHandle);
        return CLR_E_FILE_IO;
    }

    handle = findHandle;
    return S_OK;
}

HRESULT LittlefsDriver::FindNext(void *handle, FS_FILEINFO *fileInfo, bool *found)
{
    if (handle == NULL || fileInfo == NULL || found == NULL)
    {
        return CLR_E_INVALID_PARAMETER;
    }

    struct lfs_info info;
    int result;

    // the VFS's readdir does not return "." and ".."
    do
    {
        result = lfs_dir_read(Fs(), &static_cast<FindHandle *>(handle)->directory, &info);
    } while (result > 0 && (strcmp(info.name, ".") == 0 || strcmp(info.name, "..") == 0));

    *found = result > 0;
    if (result <= 0)
    {
        return FileResult(result);
    }

    // the caller frees the name
    fileInfo->FileNameSize = hal_strlen_s(info.name);
    fileInfo->FileName = platform_malloc(fileInfo->FileNameSize + 1);
    if (fileInfo->FileName == NULL)
    {
        return CLR_E_OUT_OF_MEMORY;
    }

    hal_strcpy_s((char *)fileInfo->FileName, fileInfo->FileNameSize + 1, info.name);
    fileInfo->Attributes = AttributesOf(info);
    fileInfo->Size = info.size;
    return S_OK;
}

HRESULT LittlefsDriver::FindClose(void *handle)
{
    if (handle != NULL)
    {
        lfs_dir_close(Fs(), &static_cast<FindHandle *>(handle)->directory);
        free(handle);
    }

    return S_OK;
}

HRESULT LittlefsDriver::GetFileInfo(const VOLUME_ID *volume, const char *path, FS_FILEINFO *fileInfo, bool *found)
{
    (void)volume;

    char lfsPath[FS_MAX_PATH_LENGTH];
    struct lfs_info info;

    HRESULT hr = Lookup(path, lfsPath, sizeof(lfsPath), &info, found);
    if (hr == S_OK && *found)
    {
        fileInfo->Attributes = AttributesOf(info);
        fileInfo->Size = info.size;
        if (strcmp(lfsPath, "/") == 0)
        {
            // as upstream for the root
            fileInfo->FileNameSize = 1;
        }
    }

    return hr;
}

HRESULT LittlefsDriver::CreateDirectory(const VOLUME_ID *volume, const char *path)
{
    (void)volume;

    char lfsPath[FS_MAX_PATH_LENGTH];
    if (!ToLittlefsPath(path, lfsPath, sizeof(lfsPath)))
    {
        return CLR_E_PATH_TOO_LONG;
    }

    // every missing directory along the path, as upstream's segment loop
    for (char *slash = strchr(lfsPath + 1, '/');; slash = strchr(slash + 1, '/'))
    {
        if (slash != NULL)
        {
            *slash = '\0';
        }

        int result = lfs_mkdir(Fs(), lfsPath);
        if (result < 0 && result != LFS_ERR_EXIST)
        {
            return CLR_E_FILE_IO;
        }

        if (slash == NULL)
        {
            return S_OK;
        }

        *slash = '/';
    }
}

HRESULT LittlefsDriver::Move(const VOLUME_ID *volume, const char *oldPath, const char *newPath)
{
    (void)volume;

    char from[FS_MAX_PATH_LENGTH];
    char to[FS_MAX_PATH_LENGTH];
    if (!ToLittlefsPath(oldPath, from, sizeof(from)) || !ToLittlefsPath(newPath, to, sizeof(to)))
    {
        return CLR_E_PATH_TOO_LONG;
    }

    int result = lfs_rename(Fs(), from, to);
    return result == LFS_ERR_NOTEMPTY ? S_FALSE : FileResult(result);
}

HRESULT LittlefsDriver::Delete(const VOLUME_ID *volume, const char *path, bool recursive)
{
    (void)volume;

    char lfsPath[FS_MAX_PATH_LENGTH];
    struct lfs_info info;
    bool found;

    HRESULT hr = Lookup(path, lfsPath, sizeof(lfsPath), &info, &found);
    if (hr != S_OK || !found)
    {
        return hr != S_OK ? hr : CLR_E_FILE_NOT_FOUND;
    }

    int result = lfs_remove(Fs(), lfsPath);
    if (result == LFS_ERR_NOTEMPTY)
    {
        if (!recursive)
        {
            return CLR_E_DIRECTORY_NOT_EMPTY;
        }

        return RemoveTree(lfsPath, sizeof(lfsPath));
    }

    return FileResult(result);
}

HRESULT LittlefsDriver::GetAttributes(const VOLUME_ID *volume, const char *path, uint32_t *attributes)
{
    (void)volume;

    char lfsPath[FS_MAX_PATH_LENGTH];
    struct lfs_info info;
    bool found;

    *attributes = EMPTY_ATTRIBUTE;
    HRESULT hr = Lookup(path, lfsPath, sizeof(lfsPath), &info, &found);
    if (hr == S_OK && found)
    {
        // as upstream: a file has no attribute bits, a directory the directory bit
        *attributes = info.type == LFS_TYPE_DIR ? FileAttributes::FileAttributes_Directory : 0;
    }

    return hr;
}

HRESULT LittlefsDriver::SetAttributes(const VOLUME_ID *volume, const char *path, uint32_t attributes)
{
    (void)volume;
    (void)attributes;

    char lfsPath[FS_MAX_PATH_LENGTH];
    struct lfs_info info;
    bool found;

    // as upstream: the path must exist; littlefs keeps no attributes, so nothing is stored
    HRESULT hr = Lookup(path, lfsPath, sizeof(lfsPath), &info, &found);
    return hr != S_OK ? hr : found ? S_OK : CLR_E_FILE_IO;
}

HRESULT LittlefsDriver::Format(const VOLUME_ID *volume, const char *volumeLabel, uint32_t parameters)
{
    (void)volume;
    (void)volumeLabel;
    (void)parameters;

    // as upstream's ESP32 littlefs driver
    return CLR_E_NOT_SUPPORTED;
}

bool LittlefsDriver::LoadMedia(const void *media)
{
    (void)media;
    return TRUE;
}

HRESULT LittlefsDriver::GetSizeInfo(const VOLUME_ID *volume, int64_t *totalSize, int64_t *totalFreeSpace)
{
    (void)volume;

    // as upstream: not reported
    *totalSize = -1;
    *totalFreeSpace = -1;
    return S_OK;
}

HRESULT LittlefsDriver::FlushAll(const VOLUME_ID *volume)
{
    (void)volume;
    return CLR_E_INVALID_DRIVER;
}

HRESULT LittlefsDriver::GetVolumeLabel(const VOLUME_ID *volume, char *volumeLabel, int32_t volumeLabelLength)
{
    (void)volume;
    (void)volumeLabel;
    (void)volumeLabelLength;
    return CLR_E_INVALID_DRIVER;
}

//--//

// The littlefs path of a drive path and what is there; the root is a directory that is always found.
HRESULT LittlefsDriver::Lookup(const char *path, char *lfsPath, size_t size, struct lfs_info *info, bool *found)
{
    if (!ToLittlefsPath(path, lfsPath, size))
    {
        *found = false;
        return CLR_E_PATH_TOO_LONG;
    }

    if (strcmp(lfsPath, "/") == 0)
    {
        info->type = LFS_TYPE_DIR;
        info->size = 0;
        *found = true;
        return S_OK;
    }

    *found = lfs_stat(Fs(), lfsPath, info) == LFS_ERR_OK;
    return S_OK;
}

// "\dir\file.sec" (relative to the drive) -> "/dir/file.sec"
bool LittlefsDriver::ToLittlefsPath(const char *path, char *buffer, size_t bufferSize)
{
    size_t length = 0;

    if (*path == '\\' || *path == '/')
    {
        path++;
    }

    buffer[length++] = '/';
    for (; *path != '\0'; path++)
    {
        if (length + 1 >= bufferSize)
        {
            return false;
        }

        buffer[length++] = *path == '\\' ? '/' : *path;
    }

    buffer[length] = '\0';
    return true;
}

// Removes a directory with everything under it; path is a buffer of bufferSize bytes, restored on return.
HRESULT LittlefsDriver::RemoveTree(char *path, size_t bufferSize)
{
    lfs_dir_t directory;
    struct lfs_info info;
    size_t length = strlen(path);
    HRESULT hr = S_OK;

    if (lfs_dir_open(Fs(), &directory, path) < 0)
    {
        return CLR_E_FILE_IO;
    }

    while (hr == S_OK && lfs_dir_read(Fs(), &directory, &info) > 0)
    {
        if (strcmp(info.name, ".") == 0 || strcmp(info.name, "..") == 0)
        {
            continue;
        }

        if (snprintf(path + length, bufferSize - length, "/%s", info.name) >= (int)(bufferSize - length))
        {
            hr = CLR_E_PATH_TOO_LONG;
        }
        else if (info.type == LFS_TYPE_DIR)
        {
            hr = RemoveTree(path, bufferSize);
        }
        else
        {
            hr = FileResult(lfs_remove(Fs(), path));
        }

        path[length] = '\0';
    }

    lfs_dir_close(Fs(), &directory);
    return hr == S_OK ? FileResult(lfs_remove(Fs(), path)) : hr;
}

//--//

STREAM_DRIVER_INTERFACE LittlefsDriver::StreamInterface = {
    &LittlefsDriver::Initialize,
    &LittlefsDriver::InitializeVolume,
    &LittlefsDriver::UninitializeVolume,
    &LittlefsDriver::DriverDetails,
    &LittlefsDriver::Open,
    &LittlefsDriver::Close,
    &LittlefsDriver::Read,
    &LittlefsDriver::Write,
    &LittlefsDriver::Flush,
    &LittlefsDriver::Seek,
    &LittlefsDriver::GetLength,
    &LittlefsDriver::SetLength,
};

FILESYSTEM_DRIVER_INTERFACE LittlefsDriver::FileSystemInterface = {
    &LittlefsDriver::FindOpen,
    &LittlefsDriver::FindNext,
    &LittlefsDriver::FindClose,
    &LittlefsDriver::GetFileInfo,
    &LittlefsDriver::CreateDirectory,
    &LittlefsDriver::Move,
    &LittlefsDriver::Delete,
    &LittlefsDriver::GetAttributes,
    &LittlefsDriver::SetAttributes,
    &LittlefsDriver::Format,
    &LittlefsDriver::LoadMedia,
    &LittlefsDriver::GetSizeInfo,
    &LittlefsDriver::FlushAll,
    &LittlefsDriver::GetVolumeLabel,
    "LITTLEFS",
    0,
};
