//
// LockFirmware virtual ESP32: the runtime's file stream (declared in nanoCLR_FileStream.h), which the
// System.IO.FileSystem natives call and the posix target does not build. Our implementation, for drivers
// that do their own buffering (DIRECT_IO, as the ESP32 littlefs driver): every call goes to the driver.
//

#include <nf_sys_io_filesystem.h>

HRESULT CLR_RT_FileStream::CreateInstance(CLR_RT_HeapBlock &ref, const char *path, int bufferSize)
{
    NANOCLR_HEADER();
    (void)bufferSize;

    char *rootName;
    char *relativePath;
    uint32_t rootNameLength = 0;
    FileSystemVolume *volume;
    CLR_RT_FileStream *stream;

    NANOCLR_CHECK_HRESULT(SplitFilePath(path, rootName, rootNameLength, relativePath));

    volume = FileSystemVolumeList::FindVolume(rootName, rootNameLength);
    if (volume == NULL || !volume->ValidateStreamDriver() ||
        volume->DriverDetails()->bufferingStrategy != DIRECT_IO)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_DRIVER);
    }

    NANOCLR_CHECK_HRESULT(CLR_RT_HeapBlock_BinaryBlob::CreateInstance(
        ref,
        sizeof(CLR_RT_FileStream),
        NULL,
        CLR_RT_FileStream::RelocationHandler,
        0));

    stream = (CLR_RT_FileStream *)ref.DereferenceBinaryBlob()->GetData();
    CLR_RT_Memory::ZeroFill(stream, sizeof(CLR_RT_FileStream));
    stream->m_driver = volume;
    stream->m_driverDetails = volume->DriverDetails();

    NANOCLR_CHECK_HRESULT(volume->Open(relativePath, stream->m_handle));

    NANOCLR_NOCLEANUP();
}

// "I:\dir\file" -> root "I:" (length 2), relative "\dir\file"; "I:" alone -> relative "\".
HRESULT CLR_RT_FileStream::SplitFilePath(
    const char *fullPath,
    char *&rootName,
    uint32_t &rootNameLength,
    char *&relativePath)
{
    static char root[] = "\\";
    const char *c = fullPath;

    if (fullPath == NULL)
    {
        return CLR_E_INVALID_PARAMETER;
    }

    while (*c != '\\' && *c != '/' && *c != '\0')
    {
        c++;
    }

    rootName = const_cast<char *>(fullPath);
    rootNameLength = (uint32_t)(c - fullPath);
    relativePath = *c == '\0' ? root : const_cast<char *>(c);

    if (rootNameLength >= FS_NAME_MAXLENGTH || hal_strlen_s(relativePath) >= FS_MAX_PATH_LENGTH)
    {
        return CLR_E_PATH_TOO_LONG;
    }

    return S_OK;
}

void CLR_RT_FileStream::RelocationHandler(CLR_RT_HeapBlock_BinaryBlob *ptr)
{
    ((CLR_RT_FileStream *)ptr->GetData())->Relocate();
}

void CLR_RT_FileStream::Relocate()
{
    // DIRECT_IO: no buffer on the managed heap
}

HRESULT CLR_RT_FileStream::AssignStorage(uint8_t *storageIn, size_t sizeIn, uint8_t *storageOut, size_t sizeOut)
{
    m_dataIn = storageIn;
    m_dataInSize = (int)sizeIn;
    m_dataOut = storageOut;
    m_dataOutSize = (int)sizeOut;
    return S_OK;
}

HRESULT CLR_RT_FileStream::Read(uint8_t *buffer, int count, int *bytesRead)
{
    return m_driver->Read(m_handle, buffer, count, bytesRead);
}

HRESULT CLR_RT_FileStream::Write(uint8_t *buffer, int count, int *bytesWritten)
{
    return m_driver->Write(m_handle, buffer, count, bytesWritten);
}

HRESULT CLR_RT_FileStream::Seek(int64_t offset, uint32_t origin, int64_t *position)
{
    return m_driver->Seek(m_handle, offset, origin, position);
}

HRESULT CLR_RT_FileStream::Flush()
{
    return m_driver->Flush(m_handle);
}

HRESULT CLR_RT_FileStream::GetLength(int64_t *length)
{
    return m_driver->GetLength(m_handle, length);
}

HRESULT CLR_RT_FileStream::SetLength(int64_t length)
{
    return m_driver->SetLength(m_handle, length);
}

HRESULT CLR_RT_FileStream::Close()
{
    return m_driver->Close(m_handle);
}
