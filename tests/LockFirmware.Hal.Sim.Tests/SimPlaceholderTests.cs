// Removed as soon as the first adapter test lands.
namespace LockFirmware.Hal.Sim.Tests { }
