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
        public const int MotorSleep = 23;       // DRV8833 nSLEEP: the driver sleeps while the motor coasts; -1 tied high

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

        // Power (docs/power.md; the current table and battery are in power.json beside this file).
        // Mains-powered: never sleeps, advertises all the time. Battery: the sleep policy (Core/Power).
        public const bool MainsPowered = false;
        public const int WakeToReadyMs = 2500;  // deep-sleep wake to advertising, the budget in power.json
        public const int OutsideWakePin = -1;   // a wired wake line (active high, external pull-down); -1 none
        public const int OutsideTouchPad = 0;   // touch pad T0 = GPIO4, an electrode on the outside escutcheon; -1 none
        public const int BatteryAdcPin = -1;    // no battery divider on this board: low battery is not measured
    }
}
