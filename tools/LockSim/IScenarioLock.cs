using System;
using System.Collections.Generic;
using LockFirmware.Core.Access;
using LockFirmware.Core.Lock;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Lock;

namespace LockFirmware.LockSim
{
    /// <summary>
    /// The lock a scenario drives (tools/LockSim/README.md, "Scenario language"): the simulated lock
    /// (<see cref="SimScenarioLock"/>) or the device image on the virtual ESP32 (Device/DeviceScenarioLock). One set of
    /// command semantics in <see cref="Scenario"/>; each lock does them with what it has. What a lock cannot do or
    /// show throws <see cref="Scenario.ScenarioError"/> ("not available on the device: ..."), never a made-up answer.
    /// </summary>
    public interface IScenarioLock : IDisposable
    {
        /// <summary>The scenario's clock (UTC ms): where the lock's clock should be.</summary>
        long Now { get; }

        /// <summary>Sets the lock's clock, forwards or backwards (as the owner's app would).</summary>
        void SetClock(long utcMs);

        /// <summary>Lets <paramref name="ms"/> of the lock's time pass.</summary>
        void Advance(long ms);

        /// <summary>Gives the lock a secret (random when null); returns it (the issuer holds it).</summary>
        byte[] Provision(byte[] secret);

        /// <summary>Hands the digits to the lock's verifier; returns its verdict.</summary>
        AccessResult Type(string digits);

        void SetDoor(bool closed);
        void SetButton(bool pressed);
        void SetJam(bool jammed);

        /// <summary>The battery out and back in: motor stops, RAM lost, flash and clock kept.</summary>
        void PowerCut();

        /// <summary>The battery ran flat: the lock boots again with its clock restarted from zero.</summary>
        void ClockLost();

        /// <summary>The owner clears the keypad lockout.</summary>
        void ClearLockout();

        /// <summary>A reading of the battery pack (mV), as a board with a divider takes it.</summary>
        void SetBattery(int millivolts);

        /// <summary>The BLE keypad at the door.</summary>
        SimKeypad Keypad { get; }

        LockState State { get; }

        /// <summary>The types of the lock's log records, oldest first.</summary>
        IReadOnlyList<EventType> Events { get; }

        /// <summary>The limit switches: extended, retracted or between.</summary>
        string Bolt { get; }

        MotorDrive Motor { get; }
        bool LockedOut { get; }
        bool SetupWindowOpen { get; }
        bool LowBattery { get; }

        /// <summary>The pattern playing on the LED and buzzer.</summary>
        Feedback Playing { get; }
    }
}
