using LockFirmware.Core.Access;

namespace LockFirmware.Core.Storage
{
    /// <summary>The access module's persistence on the settings store: one key per record, atomic and durable.</summary>
    public sealed class SettingsAccessStore : IAccessStore
    {
        private readonly SettingsStore _settings;

        public SettingsAccessStore(SettingsStore settings)
        {
            _settings = settings;
        }

        public int Load(AccessRecord record, byte[] buffer)
        {
            return _settings.Read(SettingKeys.AccessRecordBase + (int)record, buffer, 0);
        }

        public bool Save(AccessRecord record, byte[] data, int length)
        {
            return _settings.Write(SettingKeys.AccessRecordBase + (int)record, data, 0, length);
        }
    }
}
