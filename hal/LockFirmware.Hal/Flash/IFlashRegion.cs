namespace LockFirmware.Hal.Flash
{
    /// <summary>
    /// A region of NOR flash, as the chip behaves: erased bytes read 0xFF, programming only clears bits
    /// (1 to 0), erasing sets a whole sector back to 0xFF, and power can fail at any byte of either.
    /// Addresses are byte offsets from the start of the region. On the ESP32 the region is a pre-allocated
    /// file with the same contract; on the host it is a strict model (Hal.Sim).
    /// </summary>
    public interface IFlashRegion
    {
        int SectorSize { get; }

        int SectorCount { get; }

        void Read(int address, byte[] buffer, int offset, int count);

        /// <summary>Programs bytes: each stored byte becomes (old AND new). Setting a bit that is 0 is a caller error.</summary>
        void Program(int address, byte[] data, int offset, int count);

        void EraseSector(int sector);
    }
}
