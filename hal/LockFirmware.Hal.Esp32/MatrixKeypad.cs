using System.Device.Gpio;

namespace LockFirmware.Hal.Esp32
{
    /// <summary>
    /// A membrane keypad (3x4 or 4x4) on GPIO. Rows are inputs with pull-downs, columns outputs. A scan drives one
    /// column high at a time and reads the rows; between scans (and asleep) every column stays high, so any press
    /// raises its row: that is what wakes the chip (ext1 "any high" on the row pins, <see cref="KeypadSleep"/>).
    /// A key changes state only when two scans in a row agree (scan every 10 ms: about 10-20 ms of debounce).
    /// Translates only: key edges go to Core's KeypadCore.
    /// </summary>
    public sealed class MatrixKeypad
    {
        private readonly GpioPin[] _rows;
        private readonly GpioPin[] _columns;
        private readonly string _layout;
        private int _stable;
        private int _candidate;
        private int _changed;

        /// <param name="layout">The key at each (row, column), row by row: "123456789*0#" for a 3x4 keypad.</param>
        public MatrixKeypad(GpioController gpio, int[] rowPins, int[] columnPins, string layout)
        {
            _rows = new GpioPin[rowPins.Length];
            _columns = new GpioPin[columnPins.Length];
            _layout = layout;
            for (int r = 0; r < rowPins.Length; r++)
            {
                _rows[r] = gpio.OpenPin(rowPins[r], PinMode.InputPullDown);
            }

            for (int c = 0; c < columnPins.Length; c++)
            {
                _columns[c] = gpio.OpenPin(columnPins[c], PinMode.Output);
            }

            Idle();
        }

        /// <summary>Scans the matrix once; afterwards <see cref="TakeEdge"/> yields the debounced changes. Returns the keys held (debounced).</summary>
        public int Scan()
        {
            int raw = 0;
            for (int c = 0; c < _columns.Length; c++)
            {
                for (int other = 0; other < _columns.Length; other++)
                {
                    _columns[other].Write(other == c ? PinValue.High : PinValue.Low);
                }

                for (int r = 0; r < _rows.Length; r++)
                {
                    if (_rows[r].Read() == PinValue.High)
                    {
                        raw |= 1 << (r * _columns.Length + c);
                    }
                }
            }

            Idle();
            if (raw == _candidate)
            {
                _changed |= raw ^ _stable;
                _stable = raw;
            }

            _candidate = raw;
            return _stable;
        }

        /// <summary>The next debounced key edge since the last scans: its key and whether it went down.</summary>
        public bool TakeEdge(out char key, out bool down)
        {
            key = ' ';
            down = false;
            for (int bit = 0; bit < _layout.Length; bit++)
            {
                int mask = 1 << bit;
                if ((_changed & mask) != 0)
                {
                    _changed &= ~mask;
                    key = _layout[bit];
                    down = (_stable & mask) != 0;
                    return true;
                }
            }

            return false;
        }

        // Every column high: a press raises its row (the wake-up source while asleep).
        private void Idle()
        {
            for (int c = 0; c < _columns.Length; c++)
            {
                _columns[c].Write(PinValue.High);
            }
        }
    }
}
