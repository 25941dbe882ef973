// Removed as soon as the first adapter lands.
namespace LockFirmware.Hal.Sim { internal static class SimPlaceholder { } }
