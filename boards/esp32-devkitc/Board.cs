// Board: Espressif ESP32-DevKitC with an ESP32-WROOM-32 module. Data only: pins and settings the app reads.
// Wiring and pins to avoid: boards/esp32-devkitc/README.md.
namespace LockFirmware.Device
{
    internal static class Board
    {
        public const string Name = "esp32-devkitc";

        // nanoff --target for a firmware with Bluetooth (ESP32_BLE_REV3 for rev 3 silicon).
        public const string NanoffTarget = "ESP32_BLE_REV0";

        // H-bridge (DRV8833 AIN1/AIN2).
        public const int MotorIn1 = 25;
        public const int MotorIn2 = 26;

        // Switches to ground, internal pull-ups, active low.
        public const int BoltExtendedSwitch = 32;
        public const int BoltRetractedSwitch = 33;
        public const int DoorSensor = 27;       // reed switch; -1 when the door has no sensor
        public const int InsideButton = 14;

        public const int Led = 19;
        public const int Buzzer = 18;           // active buzzer through an NPN transistor

        // The flash region: one file per 4 KiB sector on the internal littlefs volume, I:\lockfw-00.sec to -19.sec
        // (hal/LockFirmware.Hal.Esp32/FileFlashRegion.cs, docs/flash-format.md).
        public const string FlashFiles = "I:\\lockfw-";

        // Light sleep pauses BLE; keypads reach the lock over BLE, so this board stays awake.
        public const bool LightSleepWhenIdle = false;
        public const ulong WakePins = (1UL << DoorSensor) | (1UL << InsideButton);
    }
}
