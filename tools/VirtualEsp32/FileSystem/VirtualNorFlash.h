//
// LockFirmware virtual ESP32: the emulated NOR partition behind drive I:.
// The partition lives in a host file (the image) that is updated at every program and erase, so it persists
// across runs and a killed host leaves it as the chip would be. Programs can only clear bits (NOR), an erase
// sets a whole 4 KiB sector to 0xFF. Every program and erase is counted; the host can be told to lose power
// at the Nth one (the operation is left torn and the process exits at once).
//
// Environment (read once, when drive I: is mounted):
//   VESP32_FLASH        image file (default vesp32-flash.bin in the working directory); created erased
//   VESP32_FLASH_CUT    N >= 1: power cut at the Nth block program or erase of this run
//   VESP32_FLASH_STATS  file that holds the counters (programs, bytes programmed, erases, erases per sector),
//                       rewritten after every program and erase
//

#ifndef VIRTUAL_NOR_FLASH_H
#define VIRTUAL_NOR_FLASH_H

#include <stdint.h>

// exit code of a host that lost power at an injected cut
#define VIRTUAL_NOR_FLASH_POWER_CUT_EXIT 86

struct VirtualNorFlash
{
    static const uint32_t SectorSize = 4096;

    // nanoFramework's ESP32 4 MB partition table: the "config" partition that holds drive I:, 256 KiB.
    static const uint32_t PartitionSize = 0x40000;
    static const uint32_t SectorCount = PartitionSize / SectorSize;

    static bool Open();
    static bool Read(uint32_t sector, uint32_t offset, void *buffer, uint32_t size);
    static bool Program(uint32_t sector, uint32_t offset, const void *data, uint32_t size);
    static bool Erase(uint32_t sector);

  private:
    static bool InRange(uint32_t sector, uint32_t offset, uint32_t size);
    static bool Persist(uint32_t address, uint32_t size);
    static bool CountOperation();
    static void PowerCut(const char *what, uint32_t sector, uint32_t offset, uint32_t size);
    static void WriteStats();
};

#endif // VIRTUAL_NOR_FLASH_H
