using System.Device.Gpio;
using LockFirmware.Hal.Lock;

namespace LockFirmware.Hal.Esp32
{
    /// <summary>An LED or an active buzzer on one output (high = on).</summary>
    public sealed class GpioIndicator : IIndicator
    {
        private readonly GpioPin _pin;

        public GpioIndicator(GpioController gpio, int pin)
        {
            _pin = gpio.OpenPin(pin, PinMode.Output);
            _pin.Write(PinValue.Low);
        }

        public void Set(bool on)
        {
            _pin.Write(on ? PinValue.High : PinValue.Low);
        }
    }
}
