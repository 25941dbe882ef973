using System.Device.Gpio;
using LockFirmware.Hal.Lock;

namespace LockFirmware.Hal.Esp32
{
    /// <summary>
    /// A DRV8833-style H-bridge on two outputs: IN1/IN2 = 0/0 coast, 1/0 forward, 0/1 reverse, 1/1 brake.
    /// Pins are set in an order that never passes through the opposite direction.
    /// </summary>
    public sealed class GpioHBridge : IHBridge
    {
        private readonly GpioPin _in1;
        private readonly GpioPin _in2;

        public GpioHBridge(GpioController gpio, int in1, int in2)
        {
            _in1 = gpio.OpenPin(in1, PinMode.Output);
            _in2 = gpio.OpenPin(in2, PinMode.Output);
            _in1.Write(PinValue.Low);
            _in2.Write(PinValue.Low);
        }

        public void Drive(MotorDrive drive)
        {
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
                    break;
            }
        }
    }
}
