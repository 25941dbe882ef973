using System;
using System.Collections.Generic;
using LockFirmware.Core.Access;
using LockFirmware.Core.Lock;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Sim.Clock;
using LockFirmware.Hal.Sim.Crypto;
using LockFirmware.Hal.Sim.Flash;
using LockFirmware.Hal.Sim.Lock;

namespace LockFirmware.Core.Tests.Host.Storage
{
    /// <summary>
    /// The exhaustive power-cut test: a fixed workload of 400 operations (event appends that wrap the ring many
    /// times, settings writes and deletes that force compactions) on one flash shared as on the device, re-run
    /// with the power cut at every byte of every program and in every erase. After each cut and reboot: every
    /// acknowledged operation is present and intact, nothing corrupt is returned, at most the operation in
    /// flight is lost, and both stores accept new writes. CI: every byte; LOCKFW_FULL=1 adds three workloads.
    /// </summary>
    [TestClass]
    public class PowerCutTests
    {
        private const int SectorSize = 512;
        private const int LogSectors = 4;
        private const int SettingsSectors = 3;
        private const int Keys = 6;
        private const long T = 1795615200000L;

        private sealed class Op
        {
            public bool IsAppend;
            public int Key;
            public byte[] Value;   // null: delete
            public uint Data;
        }

        private static List<Op> Workload(int seed, int count)
        {
            var rnd = new Random(seed);
            var ops = new List<Op>();
            for (int i = 0; i < count; i++)
            {
                if (rnd.Next(100) < 60)
                {
                    ops.Add(new Op { IsAppend = true, Data = (uint)rnd.Next() });
                }
                else
                {
                    int key = rnd.Next(Keys);
                    byte[] value = null;
                    if (rnd.Next(10) != 0)
                    {
                        value = new byte[rnd.Next(1, 60)];
                        rnd.NextBytes(value);
                    }

                    ops.Add(new Op { Key = key, Value = value });
                }
            }

            return ops;
        }

        private sealed class Outcome
        {
            public readonly Dictionary<uint, uint> Appended = new Dictionary<uint, uint>(); // acked seq -> data
            public readonly byte[][] Settled = new byte[Keys][];                          // last acked value per key
            public readonly bool[] Present = new bool[Keys];
            public Op InFlight;
            public uint InFlightSeq;
            public uint MaxAckedSeq;
        }

        private static Outcome Run(SimNorFlash flash, List<Op> ops)
        {
            var o = new Outcome();
            var log = new EventLog(new FlashPartition(flash, 0, LogSectors));
            var settings = new SettingsStore(new FlashPartition(flash, LogSectors, SettingsSectors));
            log.Mount();
            settings.Mount();
            foreach (Op op in ops)
            {
                o.InFlight = op;
                bool ok;
                try
                {
                    if (op.IsAppend)
                    {
                        o.InFlightSeq = log.NextSequence;
                        ok = log.Append(EventType.DoorOpened, T, op.Data);
                    }
                    else
                    {
                        ok = op.Value == null ? settings.Delete(op.Key) : settings.Write(op.Key, op.Value, 0, op.Value.Length);
                    }
                }
                catch (PowerCutException)
                {
                    return o;
                }

                if (flash.IsOff)
                {
                    return o; // Core caught the cut and reported failure: the op is the one in flight
                }

                Assert.IsTrue(ok, "an operation failed without a power cut");
                if (op.IsAppend)
                {
                    o.Appended[o.InFlightSeq] = op.Data;
                    o.MaxAckedSeq = o.InFlightSeq;
                }
                else
                {
                    o.Settled[op.Key] = op.Value;
                    o.Present[op.Key] = op.Value != null;
                }
            }

            o.InFlight = null;
            return o;
        }

        private static void Verify(SimNorFlash flash, Outcome o, string where)
        {
            var log = new EventLog(new FlashPartition(flash, 0, LogSectors));
            var settings = new SettingsStore(new FlashPartition(flash, LogSectors, SettingsSectors));
            log.Mount();
            settings.Mount();

            // The log: nothing but what was written; every acknowledged record the ring still holds.
            var seen = new HashSet<uint>();
            var cursor = log.ReadFrom(0);
            var r = new EventRecord();
            while (cursor.Next(r))
            {
                bool acked = o.Appended.TryGetValue(r.Sequence, out uint data);
                bool inflight = o.InFlight != null && o.InFlight.IsAppend && r.Sequence == o.InFlightSeq && r.Data == o.InFlight.Data;
                if (!(acked && data == r.Data) && !inflight)
                {
                    Assert.Fail($"{where}: log returned a record that was never acknowledged: seq {r.Sequence}");
                }

                seen.Add(r.Sequence);
            }

            int guaranteed = (LogSectors - 1) * log.SlotsPerSector;
            foreach (uint seq in o.Appended.Keys)
            {
                if (seq + guaranteed > o.MaxAckedSeq && !seen.Contains(seq))
                {
                    Assert.Fail($"{where}: acknowledged event {seq} lost (last acked {o.MaxAckedSeq})");
                }
            }

            // The settings: each key holds its last acknowledged value, or the in-flight one.
            var buffer = new byte[1024];
            for (int k = 0; k < Keys; k++)
            {
                int n = settings.Read(k, buffer, 0);
                byte[] got = n < 0 ? null : buffer[..n];
                bool matchesOld = o.Present[k] ? Same(got, o.Settled[k]) : got == null;
                bool matchesNew = o.InFlight != null && !o.InFlight.IsAppend && o.InFlight.Key == k && Same(got, o.InFlight.Value);
                if (!matchesOld && !matchesNew)
                {
                    Assert.Fail($"{where}: key {k} holds neither its old nor its new value");
                }
            }

            // Writable after recovery.
            Assert.IsTrue(log.Append(EventType.Boot, T, 0xC0FFEE), where + ": log not writable after recovery");
            Assert.IsTrue(settings.Write(Keys, new byte[] { 1, 2, 3 }, 0, 3), where + ": settings not writable after recovery");
        }

        private static bool Same(byte[] a, byte[] b)
        {
            if (a == null || b == null) return a == b;
            return a.AsSpan().SequenceEqual(b);
        }

        [TestMethod]
        public void EveryCutPointRecovers()
        {
            bool full = Environment.GetEnvironmentVariable("LOCKFW_FULL") == "1";
            int[] seeds = full ? new[] { 11, 12, 13, 14 } : new[] { 11 };
            long programCuts = 0, eraseCuts = 0, ops = 0;
            foreach (int seed in seeds)
            {
                List<Op> work = Workload(seed, 400);
                ops += work.Count;
                var clean = new SimNorFlash(SectorSize, LogSectors + SettingsSectors, seed);
                Outcome all = Run(clean, work);
                Assert.IsNull(all.InFlight);
                long bytes = clean.BytesProgrammed, erases = clean.EraseCount;
                Assert.IsTrue(erases > 10, "the workload must wrap the ring and compact");

                for (long cut = 0; cut < bytes; cut++)
                {
                    var flash = new SimNorFlash(SectorSize, LogSectors + SettingsSectors, seed + (int)cut);
                    flash.CutAfterProgrammedBytes(cut);
                    Outcome o = Run(flash, work);
                    flash.PowerOn();
                    Verify(flash, o, $"seed {seed}, cut after byte {cut}");
                    programCuts++;
                }

                for (long cut = 0; cut < erases; cut++)
                {
                    var flash = new SimNorFlash(SectorSize, LogSectors + SettingsSectors, seed + (int)cut);
                    flash.CutDuringErase(cut);
                    Outcome o = Run(flash, work);
                    flash.PowerOn();
                    Verify(flash, o, $"seed {seed}, cut in erase {cut}");
                    eraseCuts++;
                }
            }

            Console.WriteLine($"power cuts: {ops} operations in {seeds.Length} workload(s), {programCuts} program cut points (every byte), {eraseCuts} erase cut points, all recovered");
            Assert.IsTrue(programCuts > 1000);
        }

        private static LockCore BootLock(SimNorFlash flash)
        {
            var crypto = new HostCrypto();
            var core = new LockCore(flash, new SimLockHardware().Ports, crypto, crypto, new SimClock(T), AccessPolicy.Default(), new LockConfig());
            core.Boot(T);
            return core;
        }

        [TestMethod]
        public void AFactoryResetCutAnywhereKeepsTheSetupKey()
        {
            // Issue 15, item 12: the reset erased every sector, then rewrote the setup key; a cut between the two
            // made the next boot draw a new key that no longer matched the label. Cut at every byte and every erase
            // of a reset: the key survives, and the lock is either the old one (provisioned, its log intact) or
            // reset (no secret, no owner key, nothing of the old log).
            var prepared = new SimNorFlash(FlashLayout.SectorSize, FlashLayout.SectorCount);
            LockCore before = BootLock(prepared);
            byte[] setupKey = before.SetupKey;
            Assert.IsTrue(before.Provision(new byte[32], T));
            Assert.IsTrue(before.WriteKey(SettingKeys.OwnerKey, new byte[16], 0));
            for (int i = 0; i < 20; i++) before.Log.Append(EventType.DoorOpened, T, (uint)i);
            byte[] image = prepared.Snapshot();

            var measure = SimNorFlash.FromRaw((byte[])image.Clone(), FlashLayout.SectorSize);
            LockCore m = BootLock(measure);
            long bytes0 = measure.BytesProgrammed, erases0 = measure.EraseCount;
            Assert.IsTrue(m.FactoryReset(T));
            long bytes = measure.BytesProgrammed - bytes0, erases = measure.EraseCount - erases0;

            int cuts = 0, reset = 0;
            for (long cut = 0; cut < bytes + erases; cut++)
            {
                var flash = SimNorFlash.FromRaw((byte[])image.Clone(), FlashLayout.SectorSize);
                LockCore core = BootLock(flash);
                if (cut < bytes) flash.CutAfterProgrammedBytes(cut); else flash.CutDuringErase(cut - bytes);
                try
                {
                    core.FactoryReset(T);
                }
                catch (PowerCutException)
                {
                }

                Assert.IsTrue(flash.IsOff, $"cut {cut} did not happen");
                flash.PowerOn();
                LockCore after = BootLock(flash);
                string where = cut < bytes ? $"cut after byte {cut} of {bytes}" : $"cut in erase {cut - bytes} of {erases}";
                CollectionAssert.AreEqual(setupKey, after.SetupKey, where + ": the setup key changed");
                bool wasReset = !after.Access.IsProvisioned;
                if (wasReset)
                {
                    reset++;
                    Assert.IsNull(after.ReadKey(SettingKeys.OwnerKey), where);
                    Assert.IsFalse(LogHas(after, EventType.DoorOpened), where + ": the old log survived a reset");
                }
                else
                {
                    Assert.IsNotNull(after.ReadKey(SettingKeys.OwnerKey), where);
                    Assert.IsTrue(LogHas(after, EventType.DoorOpened), where + ": the old lock lost its log");
                }

                cuts++;
            }

            Console.WriteLine($"factory reset: {cuts} cut points ({bytes} bytes, {erases} erases), {reset} ended reset, {cuts - reset} kept the old lock; the setup key survived every one");
            Assert.IsTrue(reset > 0 && reset < cuts);
        }

        private static bool LogHas(LockCore core, EventType type)
        {
            var cursor = core.Log.ReadFrom(0);
            var r = new EventRecord();
            while (cursor.Next(r)) if (r.Type == type) return true;
            return false;
        }
    }
}
