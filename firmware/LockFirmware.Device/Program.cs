using System;
using System.Device.Gpio;
using System.Threading;
using LockFirmware.Core;
using LockFirmware.Core.Access;
using LockFirmware.Core.Common;
using LockFirmware.Core.Lock;
using LockFirmware.Core.Power;
using LockFirmware.Core.Protocol;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Esp32;
using LockFirmware.Hal.Lock;
using LockFirmware.Hal.Power;

namespace LockFirmware.Device
{
    /// <summary>
    /// The lock on an ESP32: wires LockCore to the ESP32 adapters with the pins of the board chosen at build time
    /// (boards/), the way LockSim wires it to simulated hardware, and runs the loop: wait for a pin edge, a BLE
    /// write or the next deadline, feed Core, then do what the sleep policy says (radio, light or deep sleep). No policy here.
    /// </summary>
    public static class Program
    {
        private static readonly AutoResetEvent Wake = new AutoResetEvent(false);

        public static void Main()
        {
            Action changed = Signal;
            var gpio = new GpioController();
            var hardware = new LockHardware();
            hardware.Motor = new GpioHBridge(gpio, Board.MotorIn1, Board.MotorIn2, Board.MotorSleep);
            hardware.BoltExtended = new GpioSwitch(gpio, Board.BoltExtendedSwitch, true, changed);
            hardware.BoltRetracted = new GpioSwitch(gpio, Board.BoltRetractedSwitch, true, changed);
            hardware.DoorClosed = Board.DoorSensor >= 0 ? new GpioSwitch(gpio, Board.DoorSensor, true, changed) : null;
            hardware.InsideButton = new GpioSwitch(gpio, Board.InsideButton, true, changed);
            hardware.Led = new GpioIndicator(gpio, Board.Led);
            hardware.Buzzer = new GpioIndicator(gpio, Board.Buzzer);

            // The radio first: esp_random (behind System.Random) is a true RNG only while Bluetooth or Wi-Fi runs,
            // and the first boot draws the setup key from it.
            var link = new GattLink(changed);
            var crypto = new Esp32Crypto();
            var clock = new Esp32Clock();
            var flash = new FileFlashRegion(Board.FlashFiles, FlashLayout.SectorSize, FlashLayout.SectorCount);
            var config = new LockConfig();
            config.DoorSensorPresent = Board.DoorSensor >= 0;
            var core = new LockCore(flash, hardware, crypto, crypto, clock, AccessPolicy.Default(), config);
            var power = new SleepPolicy(new PowerOptions { AlwaysAwake = Board.MainsPowered, WakeToReadyMs = Board.WakeToReadyMs });
            WakeSource woke = Esp32Sleep.Cause(Board.InsideButton, Board.DoorSensor);
            long deadline = core.Boot(clock.NowMs, woke);
            power.OnWake(woke, clock.NowMs);

            // The per-device setup key, on the serial console (UART) at every boot: copy it to the lock's label.
            // Console, not Debug: Debug.WriteLine is [Conditional("DEBUG")] and vanishes from the Release image.
            Console.WriteLine("LockFirmware on " + Board.Name + ": setup key " + Hex(core.SetupKey));

            var endpoint = new LinkEndpoint(core);
            while (true)
            {
                long now = clock.NowMs;
                bool more;
                try
                {
                    // A bounded batch (a radio flood cannot hold off the tick); the endpoint logs a message that throws.
                    int fragments = endpoint.Poll(link, now);
                    if (fragments > 0)
                    {
                        power.OnRadioMessage(now);
                    }

                    more = fragments == LinkEndpoint.MaxFragmentsPerPoll;
                    // A message may have set the clock: tick at the clock's time, or the admin session takes the old
                    // time for a clock set back and ends at the next tick (found by scenario 19 on the virtual device).
                    now = clock.NowMs;
                    // Tick, not just the controller: session timeouts, lockout expiry and the rejection log run here too.
                    deadline = core.Tick(now);
                }
                catch (Exception e)
                {
                    // One bad event must not stop the lock: log it and carry on.
                    Console.WriteLine("fault: " + e.Message);
                    core.Log.Append(EventType.SoftwareFault, now, 0);
                    more = false;
                }

                if (more)
                {
                    continue;
                }

                PowerPlan plan = power.Decide(core, link.Connected, now, deadline);
                link.Radio = plan.Radio;
                if (plan.Mode != PowerMode.Awake)
                {
                    Esp32Sleep.Arm(plan.ForMs, Board.InsideButton, Board.DoorSensor, plan.DoorWakeWhenOpened, Board.OutsideWakePin, Board.OutsideTouchPad);
                    if (plan.Mode == PowerMode.DeepSleep)
                    {
                        Esp32Sleep.Deep(); // does not return: Main starts again
                    }

                    if (Esp32Sleep.Light())
                    {
                        power.OnWake(Esp32Sleep.Cause(Board.InsideButton, Board.DoorSensor), clock.NowMs);
                    }

                    continue;
                }

                long wait = plan.ForMs;
                Wake.WaitOne(wait > 1000 ? 1000 : (int)wait, false);
            }
        }

        private static void Signal()
        {
            Wake.Set();
        }

        private static string Hex(byte[] bytes)
        {
            if (bytes == null)
            {
                return "(none)";
            }

            const string digits = "0123456789abcdef";
            char[] text = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                text[2 * i] = digits[bytes[i] >> 4];
                text[2 * i + 1] = digits[bytes[i] & 0xF];
            }

            return new string(text);
        }
    }
}
