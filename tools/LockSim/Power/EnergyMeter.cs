using System;
using LockFirmware.Core.Power;

namespace LockFirmware.LockSim.Power
{
    /// <summary>
    /// Integrates a board's current table over simulated time: each interval is charged to the power state the
    /// sleep policy named for it. Charge in mA·ms, kept exact as integers of time per state.
    /// </summary>
    public sealed class EnergyMeter
    {
        private const double MsPerHour = 3_600_000.0;
        private const double MsPerDay = 24 * MsPerHour;
        private readonly BoardPower _board;
        private readonly long[] _ms = new long[BoardPower.StateCount];

        public EnergyMeter(BoardPower board)
        {
            _board = board;
        }

        public long TotalMs { get; private set; }

        public void Add(PowerState state, long ms)
        {
            if (ms < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(ms), "time runs forwards");
            }

            _ms[(int)state] += ms;
            TotalMs += ms;
        }

        public long TimeIn(PowerState state)
        {
            return _ms[(int)state];
        }

        /// <summary>Charge drawn in <paramref name="state"/>, mAh.</summary>
        public double MahIn(PowerState state)
        {
            return _board.Ma(state) * _ms[(int)state] / MsPerHour;
        }

        public double Mah
        {
            get
            {
                double sum = 0;
                for (int i = 0; i < _ms.Length; i++) sum += MahIn((PowerState)i);
                return sum;
            }
        }

        public double AverageMa => TotalMs == 0 ? 0 : Mah * MsPerHour / TotalMs;

        public double MahPerDay => AverageMa * 24;

        /// <summary>Days the board's battery lasts at this average.</summary>
        public double BatteryDays => MahPerDay == 0 ? double.PositiveInfinity : _board.BatteryMah / MahPerDay;

        /// <summary>Days of simulated time metered.</summary>
        public double Days => TotalMs / MsPerDay;
    }
}
