using LockFirmware.Core.Access;
using LockFirmware.Core.Storage;

namespace LockFirmware.LockBench
{
    /// <summary>
    /// A busy lock's day of storage writes; the simulated year is 365 of them: 200 events; 10 deliveries (each
    /// one-time use rewrites the used-code table, about 3 live entries); 3 wrong entries (throttle record); a window
    /// code activated; a configuration change a week. nano1.0-safe: `storage` runs it on SimNorFlash (net10),
    /// `esp32-storage` on the virtual ESP32's littlefs (NanoStorage/), so both count the same writes.
    /// </summary>
    public sealed class StorageWorkload
    {
        public const int Days = 365;
        public const int EventsPerDay = 200;
        public const int DeliveriesPerDay = 10;
        public const int WrongEntriesPerDay = 3;
        public const long Start = 1795615200000L;
        public const long MsPerDay = 86400000L;

        private readonly EventLog _log;
        private readonly SettingsStore _settings;
        private readonly SettingsAccessStore _store;
        private readonly byte[] _used = new byte[1 + 12 * 3];
        private readonly byte[] _throttle = new byte[12];
        private readonly byte[] _activation = new byte[1 + 12 * 2];
        private readonly byte[] _config = new byte[64];

        public StorageWorkload(EventLog log, SettingsStore settings)
        {
            _log = log;
            _settings = settings;
            _store = new SettingsAccessStore(settings);
        }

        public int Appends { get; private set; }

        public int Writes { get; private set; }

        public void Day(int day)
        {
            long t = Start + day * MsPerDay;
            for (int e = 0; e < EventsPerDay; e++)
            {
                _log.Append(EventType.DoorOpened, t, (uint)e);
                Appends++;
            }

            for (int d = 0; d < DeliveriesPerDay; d++)
            {
                _used[0] = (byte)(d % 4);
                _store.Save(AccessRecord.UsedCodes, _used, _used.Length);
                Writes++;
            }

            for (int w = 0; w < WrongEntriesPerDay; w++)
            {
                _throttle[0] = (byte)w;
                _store.Save(AccessRecord.Throttle, _throttle, _throttle.Length);
                Writes++;
            }

            _store.Save(AccessRecord.ActivatedCodes, _activation, _activation.Length);
            Writes++;
            if (day % 7 == 0)
            {
                _settings.Write(SettingKeys.LockConfig, _config, 0, _config.Length);
                Writes++;
            }
        }
    }
}
