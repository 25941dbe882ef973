//
// LockFirmware virtual ESP32: the emulated NOR partition behind drive I: (see VirtualNorFlash.h).
//

#include "VirtualNorFlash.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

namespace
{
struct FlashState
{
    int file = -1;
    uint8_t image[VirtualNorFlash::PartitionSize];
    uint64_t cutAt = 0;
    uint64_t operations = 0;
    uint64_t programs = 0;
    uint64_t programBytes = 0;
    uint64_t erases = 0;
    uint32_t erasesPerSector[VirtualNorFlash::SectorCount] = {};
    int statsFile = -1;
};

// Created on first use: drive I: is mounted while the host library is loaded, before or after the
// dynamic initialisation of this file's globals.
FlashState &Flash()
{
    static FlashState state;
    return state;
}
} // namespace

bool VirtualNorFlash::Open()
{
    const char *path = getenv("VESP32_FLASH");
    const char *cut = getenv("VESP32_FLASH_CUT");

    path = (path && *path) ? path : "vesp32-flash.bin";
    Flash().cutAt = (cut && *cut) ? strtoull(cut, nullptr, 10) : 0;
    const char *stats = getenv("VESP32_FLASH_STATS");
    if (stats && *stats)
    {
        Flash().statsFile = open(stats, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    }

    Flash().file = open(path, O_RDWR | O_CREAT, 0644);
    if (Flash().file < 0)
    {
        fprintf(stderr, "vesp32-flash: cannot open image '%s'\n", path);
        return false;
    }

    // a new (or short) image reads erased where it holds nothing, as a fresh chip
    memset(Flash().image, 0xFF, PartitionSize);
    ssize_t stored = pread(Flash().file, Flash().image, PartitionSize, 0);
    if (stored < (ssize_t)PartitionSize && !Persist(0, PartitionSize))
    {
        return false;
    }

    WriteStats();
    return true;
}

bool VirtualNorFlash::Read(uint32_t sector, uint32_t offset, void *buffer, uint32_t size)
{
    if (!InRange(sector, offset, size))
    {
        return false;
    }

    memcpy(buffer, &Flash().image[sector * SectorSize + offset], size);
    return true;
}

bool VirtualNorFlash::Program(uint32_t sector, uint32_t offset, const void *data, uint32_t size)
{
    if (!InRange(sector, offset, size))
    {
        return false;
    }

    // at a power cut only the first half of the data reaches the cells: a torn program
    bool cut = CountOperation();
    uint32_t reached = cut ? size / 2 : size;

    // NOR: a program only clears bits
    uint8_t *cell = &Flash().image[sector * SectorSize + offset];
    const uint8_t *bytes = static_cast<const uint8_t *>(data);
    for (uint32_t i = 0; i < reached; i++)
    {
        cell[i] &= bytes[i];
    }

    Flash().programs++;
    Flash().programBytes += size;
    bool persisted = Persist(sector * SectorSize + offset, reached);
    WriteStats();
    if (cut)
    {
        PowerCut("program", sector, offset, size);
    }

    return persisted;
}

bool VirtualNorFlash::Erase(uint32_t sector)
{
    if (!InRange(sector, 0, SectorSize))
    {
        return false;
    }

    // at a power cut only the first half of the sector is reset: a torn erase
    bool cut = CountOperation();
    uint32_t reached = cut ? SectorSize / 2 : SectorSize;

    memset(&Flash().image[sector * SectorSize], 0xFF, reached);
    Flash().erases++;
    Flash().erasesPerSector[sector]++;
    bool persisted = Persist(sector * SectorSize, reached);
    WriteStats();
    if (cut)
    {
        PowerCut("erase", sector, 0, SectorSize);
    }

    return persisted;
}

bool VirtualNorFlash::InRange(uint32_t sector, uint32_t offset, uint32_t size)
{
    return Flash().file >= 0 && sector < SectorCount && offset <= SectorSize && size <= SectorSize - offset;
}

bool VirtualNorFlash::Persist(uint32_t address, uint32_t size)
{
    return pwrite(Flash().file, &Flash().image[address], size, address) == (ssize_t)size;
}

// Counts a program or erase; true when it is the one the power cut was set for.
bool VirtualNorFlash::CountOperation()
{
    Flash().operations++;
    return Flash().cutAt != 0 && Flash().operations == Flash().cutAt;
}

// The image already holds the torn operation; the host stops at once, as a chip losing power, without closing
// a file or unmounting. What the program printed before is flushed so the test can read its acknowledgements.
void VirtualNorFlash::PowerCut(const char *what, uint32_t sector, uint32_t offset, uint32_t size)
{
    fflush(stdout);
    fprintf(
        stderr,
        "vesp32-flash: power cut at operation %llu (%s, sector %u, offset %u, %u bytes)\n",
        (unsigned long long)Flash().operations,
        what,
        sector,
        offset,
        size);
    _exit(VIRTUAL_NOR_FLASH_POWER_CUT_EXIT);
}

// The counters, rewritten after every program and erase, so they are current however the host stops.
void VirtualNorFlash::WriteStats()
{
    if (Flash().statsFile < 0)
    {
        return;
    }

    static char text[64 * 12 + 256];
    int length = snprintf(
        text,
        sizeof(text),
        "operations %llu\nprograms %llu\nprogram_bytes %llu\nerases %llu\nerases_per_sector",
        (unsigned long long)Flash().operations,
        (unsigned long long)Flash().programs,
        (unsigned long long)Flash().programBytes,
        (unsigned long long)Flash().erases);
    for (uint32_t i = 0; i < SectorCount && length < (int)sizeof(text) - 12; i++)
    {
        length += snprintf(text + length, sizeof(text) - length, " %u", Flash().erasesPerSector[i]);
    }
    length += snprintf(text + length, sizeof(text) - length, "\n");

    if (pwrite(Flash().statsFile, text, length, 0) == length)
    {
        ftruncate(Flash().statsFile, length);
    }
}
