using System;
using System.Device.Gpio;
using System.Threading;
using LockFirmware.Core.Common;
using LockFirmware.Core.Keypad;
using LockFirmware.Hal.Esp32;

namespace LockFirmware.Keypad
{
    /// <summary>
    /// The courier's keypad on an ESP32: wires KeypadCore (Core/Keypad, the same logic LockSim's keypad runs) to the
    /// matrix keypad, LED, buzzer, flash file and BLE central of the board chosen at build time, and runs the loop:
    /// scan keys, feed Core, connect to the lock while a message waits, show the verdict, then light-sleep until a
    /// key press or Core's next deadline. No policy here (docs/keypad.md).
    /// </summary>
    public static class Program
    {
        private const int ScanMs = 10;

        // Pairing: how long to scan for locks, and how long each lock in range gets to answer the request.
        private const long ScanForLocksMs = 1500;
        private const long PerLockMs = 1500;

        private static readonly AutoResetEvent Wake = new AutoResetEvent(false);

        public static void Main()
        {
            var gpio = new GpioController();
            var keys = new MatrixKeypad(gpio, Board.RowPins, Board.ColumnPins, Board.Layout);
            var led = new GpioIndicator(gpio, Board.Led);
            var buzzer = new GpioIndicator(gpio, Board.Buzzer);

            // The radio first: esp_random (behind System.Random) is a true RNG only while Bluetooth runs, and pairing
            // draws the keypad's key from it.
            var link = new GattCentralLink(Signal);
            var scanner = new LockScanner();
            var crypto = new Esp32Crypto();
            var clock = new Esp32Clock();
            var flash = new FileFlashRegion(Board.FlashFile, KeypadSettings.SectorSize, KeypadSettings.SectorCount);
            var keypad = new KeypadCore(flash, crypto, crypto);

            // '*' and '#' held while the battery goes in: forget the pairing (docs/keypad.md, "Keypad reset").
            keys.Scan();
            Thread.Sleep(ScanMs);
            int held = keys.Scan();
            int starHash = (1 << Board.Layout.IndexOf('*')) | (1 << Board.Layout.IndexOf('#'));
            keypad.Boot(clock.NowMs, (held & starHash) == starHash);
            Console.WriteLine("LockFirmware keypad on " + Board.Name + (keypad.IsPaired ? ": paired, id " + keypad.Id : ": not paired"));

            long scanUntil = 0, offerUntil = 0;
            int candidate = -1;
            while (true)
            {
                long now = clock.NowMs;
                held = keys.Scan();
                char key;
                bool down;
                while (keys.TakeEdge(out key, out down))
                {
                    if (down) keypad.KeyDown(key, now);
                    else keypad.KeyUp(key, now);
                }

                if (keypad.RadioNeeded && keypad.Mode == KeypadMode.PairingSending)
                {
                    // Offer the pairing request to each lock in range in turn; only the one holding the code answers.
                    if (candidate < 0)
                    {
                        scanner.Start();
                        scanUntil = now + ScanForLocksMs;
                        candidate = 0;
                    }
                    else if (now >= scanUntil)
                    {
                        scanner.Stop();
                        if (!link.Connected && candidate < scanner.Count)
                        {
                            if (link.Connect(scanner.Address(candidate)))
                            {
                                offerUntil = clock.NowMs + PerLockMs;
                            }
                            else
                            {
                                candidate++; // gone or not a lock we can talk to: the next one
                            }
                        }
                        else if (link.Connected && clock.NowMs >= offerUntil)
                        {
                            link.Close();
                            candidate++;
                            keypad.OfferToNextLock(clock.NowMs);
                        }

                        keypad.Pump(link, link.Peer, clock.NowMs);
                    }
                }
                else if (keypad.RadioNeeded)
                {
                    // An entry: to the paired lock, retried until Core's window ends (the lock may be waking up).
                    if (!link.Connected)
                    {
                        link.Connect(keypad.LockAddress);
                    }

                    keypad.Pump(link, link.Peer, clock.NowMs);
                }
                else if (link.Peer != 0 || candidate >= 0)
                {
                    link.Close();
                    scanner.Stop();
                    candidate = -1;
                }

                long deadline = keypad.Tick(clock.NowMs);
                led.Set(keypad.Feedback.Led);
                buzzer.Set(keypad.Feedback.Buzzer);

                // Asleep between entries: nothing on the radio, no key held, no pattern playing. A key press wakes it.
                if (!keypad.RadioNeeded && held == 0 && !keypad.Feedback.Playing)
                {
                    KeypadSleep.Until(deadline == LockTime.Never ? -1 : deadline - clock.NowMs, Board.WakeRowMask);
                    continue;
                }

                Wake.WaitOne(ScanMs, false);
            }
        }

        private static void Signal()
        {
            Wake.Set();
        }
    }
}
