using System;
using LockFirmware.Core.Access;
using LockFirmware.Core.Common;
using LockFirmware.Core.Keypad;
using LockFirmware.Core.Lock;

namespace LockFirmware.LockSim
{
    /// <summary>`locksim demo`: a delivery on a fresh virtual lock, start to finish, narrated.</summary>
    public static class Demo
    {
        public static int Run()
        {
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var sim = SimLock.Fresh(now);
            Say(sim, "A fresh lock boots: bolt " + sim.State + ", no secret yet.");

            byte[] secret = sim.Provision();
            Say(sim, "The installer provisions it with a random 32-byte secret (kept by the delivery backend too).");

            string pairing = sim.Keypad.OpenPairing();
            Say(sim, $"At the door, the installer's session opens keypad pairing (lockctl keypad pair): code {pairing}.");
            sim.Keypad.HoldStarHash(KeypadCore.PairingHoldMs);
            Say(sim, $"The installer holds * and # on the keypad for 3 s: {sim.Keypad.Core.Mode} mode, the LED blinks.");
            sim.Keypad.Press(pairing + "#");
            KeypadVerdict paired = sim.Keypad.Core.Verdict;
            Say(sim, $"...types the code and #: the keypad makes its key and sends it sealed under the code: {paired}, keypad id {sim.Keypad.Core.Id}.");

            long hourStart = now - (now - LockTime.EarliestValidMs) % LockTime.MsPerHour;
            var issuer = new CodeIssuer(AccessPolicy.Default(), sim.Crypto, secret);
            string code = issuer.OneTime(hourStart, 2, 0);
            Say(sim, $"The backend issues a one-time courier code for this hour and the next: {code}");

            sim.Advance(60_000);
            sim.Keypad.Press("123" + code + "#");
            AccessResult first = sim.Core.LastResult;
            Say(sim, $"The courier types 123 (masking), the code and # on the keypad: the lock says {first}, the keypad shows {sim.Keypad.Core.Verdict}.");
            sim.Advance(1_000);
            Say(sim, $"The bolt retracts: {sim.State}.");
            sim.SetDoor(false);
            sim.Advance(20_000);
            Say(sim, "The courier opens the door and puts the parcel inside.");
            sim.SetDoor(true);
            sim.Advance(1_000);
            Say(sim, "The door closes...");
            sim.Advance(4_000);
            Say(sim, $"...and the lock relocks by itself: {sim.State}.");

            sim.Advance(600_000);
            sim.Keypad.Press(code + "#");
            AccessResult second = sim.Core.LastResult;
            Say(sim, $"Ten minutes later someone types the same code again: {second}; the keypad shows {sim.Keypad.Core.Verdict}. The bolt stays {sim.State}.");

            Console.WriteLine();
            Console.WriteLine("Event log:");
            foreach (string line in EventText.Recent(sim, 100))
            {
                Console.WriteLine("  " + line);
            }

            bool ok = paired == KeypadVerdict.Paired && first == AccessResult.Accepted && second == AccessResult.Replayed && sim.State == LockState.Locked;
            Console.WriteLine();
            Console.WriteLine(ok ? "Delivery completed: the code opened the door once, the lock relocked, the replay was refused." : "DEMO FAILED");
            return ok ? 0 : 1;
        }

        private static void Say(SimLock sim, string text)
        {
            Console.WriteLine($"[{DateTimeOffset.FromUnixTimeMilliseconds(sim.Now):HH:mm:ss}] {text}");
        }
    }
}
