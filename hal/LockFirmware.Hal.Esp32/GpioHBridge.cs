using System.Device.Gpio;
using System.Threading;
using LockFirmware.Hal.Lock;

namespace LockFirmware.Hal.Esp32
{
    /// <summary>
    /// A DRV8833-style H-bridge on two outputs: IN1/IN2 = 0/0 coast, 1/0 forward, 0/1 reverse, 1/1 brake.
    /// Pins are set in an order that never passes through the opposite direction. With an nSLEEP pin the driver
    /// sleeps while the motor coasts (DRV8833: about 1.6 uA instead of about 1.7 mA awake, docs/power.md) and is
    /// woken before each drive (the datasheet allows up to 1 ms to become operational).
    /// </summary>
    public sealed class GpioHBridge : IHBridge
    {
        private readonly GpioPin _in1;
        private readonly GpioPin _in2;
        private readonly GpioPin _sleep;
        private bool _awake;

        public GpioHBridge(GpioController gpio, int in1, int in2)
            : this(gpio, in1, in2, -1)
        {
        }

        /// <summary><paramref name="nSleep"/>: the driver's nSLEEP pin, or -1 when it is tied high (always awake).</summary>
        public GpioHBridge(GpioController gpio, int in1, int in2, int nSleep)
        {
            _in1 = gpio.OpenPin(in1, PinMode.Output);
            _in2 = gpio.OpenPin(in2, PinMode.Output);
            _in1.Write(PinValue.Low);
            _in2.Write(PinValue.Low);
            if (nSleep >= 0)
            {
                _sleep = gpio.OpenPin(nSleep, PinMode.Output);
                _sleep.Write(PinValue.Low);
            }
        }

        public void Drive(MotorDrive drive)
        {
            if (_sleep != null && drive != MotorDrive.Coast && !_awake)
            {
                _sleep.Write(PinValue.High);
                _awake = true;
                Thread.Sleep(1);
            }

            switch (drive)
            {
                case MotorDrive.Forward:
                    _in2.Write(PinValue.Low);
                    _in1.Write(PinValue.High);
                    break;
                case MotorDrive.Reverse:
                    _in1.Write(PinValue.Low);
                    _in2.Write(PinValue.High);
                    break;
                case MotorDrive.Brake:
                    _in1.Write(PinValue.High);
                    _in2.Write(PinValue.High);
                    break;
                default:
                    _in1.Write(PinValue.Low);
                    _in2.Write(PinValue.Low);
                    if (_sleep != null)
                    {
                        _sleep.Write(PinValue.Low);
                        _awake = false;
                    }

                    break;
            }
        }
    }
}
