// Board: Espressif ESP32-S3-DevKitC-1. Data only: pins and settings the app reads.
// Wiring and pins to avoid: boards/esp32-s3-devkitc/README.md.
namespace LockFirmware.Device
{
    internal static class Board
    {
        public const string Name = "esp32-s3-devkitc";

        // nanoff --target. ESP32_S3_BLE was dropped from nf-interpreter main on 2026-06-02 (df0676f46); its
        // configuration lives on as ESP32_S3_QUAD. Whether the image nanoff serves under that name has Bluetooth
        // could not be checked from our build machines: see README.md, "Firmware target", before flashing.
        public const string NanoffTarget = "ESP32_S3_QUAD";

        // H-bridge (DRV8833 AIN1/AIN2).
        public const int MotorIn1 = 4;
        public const int MotorIn2 = 5;
        public const int MotorSleep = 10;       // DRV8833 nSLEEP: the driver sleeps while the motor coasts; -1 tied high

        // Switches to ground, internal pull-ups, active low.
        public const int BoltExtendedSwitch = 6;
        public const int BoltRetractedSwitch = 7;
        public const int DoorSensor = 15;       // reed switch; -1 when the door has no sensor
        public const int InsideButton = 16;

        public const int Led = 17;
        public const int Buzzer = 18;

        // The flash region: one file per 4 KiB sector on the internal littlefs volume (docs/flash-format.md).
        public const string FlashFiles = "I:\\lockfw-";

        // Power (docs/power.md; the current table and battery are in power.json beside this file).
        // Mains-powered: never sleeps, advertises all the time. Battery: the sleep policy (Core/Power).
        public const bool MainsPowered = false;
        public const int WakeToReadyMs = 2500;  // deep-sleep wake to advertising, the budget in power.json
        public const int OutsideWakePin = -1;   // a wired wake line (active high, external pull-down); -1 none
        public const int OutsideTouchPad = 9;   // touch pad 9 = GPIO9, an electrode on the outside escutcheon; -1 none
        public const int BatteryAdcPin = -1;    // no battery divider on this board: low battery is not measured
    }
}
