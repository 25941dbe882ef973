// Board: the courier's keypad, an ESP32-WROOM-32 module with a 3x4 membrane keypad, an LED, a buzzer and 3 x AA.
// Data only: pins and settings the keypad app reads. Wiring and pins to avoid: boards/esp32-keypad/README.md.
namespace LockFirmware.Keypad
{
    internal static class Board
    {
        public const string Name = "esp32-keypad";

        // nanoff --target for a firmware with Bluetooth (ESP32_BLE_REV3 for rev 3 silicon).
        public const string NanoffTarget = "ESP32_BLE_REV0";

        // Keypad rows: inputs with pull-downs, RTC GPIOs (they wake the chip: ext1 "any high").
        public static readonly int[] RowPins = { 32, 33, 25, 26 };

        // Keypad columns: outputs, all high between scans and asleep.
        public static readonly int[] ColumnPins = { 27, 14, 13 };

        // The key at each (row, column), row by row.
        public const string Layout = "123456789*0#";

        public const int Led = 19;
        public const int Buzzer = 18;          // active buzzer through an NPN transistor

        // Battery voltage through a 1:1 divider (2 x 1 Mohm) on ADC1 channel 7; wired, not read by the firmware yet.
        public const int BatterySense = 35;

        // The keypad's flash region file (two 4 KB sectors: counter reservation and pairing).
        public const string FlashFile = "I:\\keypad.flash";

        public const ulong WakeRowMask = (1UL << 32) | (1UL << 33) | (1UL << 25) | (1UL << 26);
    }
}
