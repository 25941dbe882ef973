using LockFirmware.Core.Common;

namespace LockFirmware.Core.Keypad
{
    /// <summary>Plays one (outputs, ms) pattern on the keypad's LED and buzzer, driven by <c>now</c>; optionally repeating.</summary>
    public sealed class PatternPlayer
    {
        private int[] _pattern;
        private int _step;
        private long _stepEnd = LockTime.Never;
        private bool _repeat;

        public bool Led { get; private set; }
        public bool Buzzer { get; private set; }

        public bool Playing
        {
            get { return _pattern != null; }
        }

        public long Deadline
        {
            get { return _pattern == null ? LockTime.Never : _stepEnd; }
        }

        public void Play(int[] pattern, bool repeat, long nowMs)
        {
            _pattern = pattern;
            _repeat = repeat;
            _step = 0;
            Apply(nowMs);
        }

        public void Stop()
        {
            _pattern = null;
            _stepEnd = LockTime.Never;
            Led = false;
            Buzzer = false;
        }

        public void Tick(long nowMs)
        {
            for (int guard = 0; guard < 32 && _pattern != null && nowMs >= _stepEnd; guard++)
            {
                _step += 2;
                if (_step >= _pattern.Length)
                {
                    if (!_repeat)
                    {
                        Stop();
                        return;
                    }

                    _step = 0;
                }

                Apply(_stepEnd);
            }
        }

        private void Apply(long startMs)
        {
            if (_pattern == null)
            {
                Stop();
                return;
            }

            int outputs = _pattern[_step];
            Led = (outputs & KeypadPatterns.Led) != 0;
            Buzzer = (outputs & KeypadPatterns.Buzzer) != 0;
            _stepEnd = startMs + _pattern[_step + 1];
        }
    }
}
