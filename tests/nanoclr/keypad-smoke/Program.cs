using System;
using LockFirmware.Core.Keypad;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Flash;

// Runs the keypad's entry buffer, counter (on the settings store) and pattern player on the real nanoCLR.
public sealed class RamFlash : IFlashRegion
{
    private readonly byte[] _d;
    public RamFlash(int sectorSize, int sectors) { SectorSize = sectorSize; SectorCount = sectors; _d = new byte[sectorSize * sectors]; for (int i = 0; i < _d.Length; i++) _d[i] = 0xFF; }
    public int SectorSize { get; private set; }
    public int SectorCount { get; private set; }
    public void Read(int address, byte[] buffer, int offset, int count) { Array.Copy(_d, address, buffer, offset, count); }
    public void Program(int address, byte[] data, int offset, int count) { for (int i = 0; i < count; i++) _d[address + i] &= data[offset + i]; }
    public void EraseSector(int sector) { for (int i = 0; i < SectorSize; i++) _d[sector * SectorSize + i] = 0xFF; }
}

public static class Program
{
    public static void Main()
    {
        var e = new KeypadEntry(18, KeypadEntry.IdleTimeoutMs);
        string typed = "55555555123456789012";
        long t = 0;
        for (int i = 0; i < typed.Length; i++) e.Press(typed[i], t += 100);
        string got = "";
        for (int i = 0; i < e.Count; i++) got += (char)e.Digits[i];
        Console.WriteLine("entry " + got + " " + (got == "555555123456789012" ? "ok" : "WRONG"));
        Console.WriteLine("send " + (e.Press('#', t + 100) == KeyAction.Send ? "ok" : "WRONG"));
        Console.WriteLine("idle " + (e.Expire(t + 100 + KeypadEntry.IdleTimeoutMs) && e.Count == 0 ? "ok" : "WRONG"));

        var flash = new RamFlash(256, 2);
        uint last = 0;
        bool ok = true;
        for (int boot = 0; boot < 5; boot++)
        {
            var store = new SettingsStore(flash);
            store.Mount();
            var c = new KeypadCounter(store);
            c.Load();
            for (int i = 0; i < 100; i++)
            {
                uint n = c.Next();
                if (n <= last) ok = false;
                last = n;
            }
        }

        // 5 boots of 100: each boot starts above the last reservation (blocks of 64), so the last is 4 * 128 + 100.
        Console.WriteLine("counter last " + last + " " + (ok && last == 612 ? "ok" : "WRONG"));

        var p = new PatternPlayer();
        p.Play(KeypadPatterns.WrongCode, false, 0);
        int toggles = 0;
        bool led = p.Led;
        for (long ms = 0; ms < 2000; ms += 10) { p.Tick(ms); if (p.Led != led) { toggles++; led = p.Led; } }
        Console.WriteLine("pattern toggles " + toggles + " " + (toggles == 5 && !p.Playing ? "ok" : "WRONG"));
        Console.WriteLine("END");
    }
}
