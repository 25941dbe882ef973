using System;
using System.Device.Gpio;
using LockFirmware.Hal.Lock;

namespace LockFirmware.Hal.Esp32
{
    /// <summary>
    /// A switch or sensor on an input with the internal pull-up, active low (closed to ground). Every edge calls
    /// <see cref="Changed"/> so the loop can wake; Core does the debouncing.
    /// </summary>
    public sealed class GpioSwitch : IDigitalInput
    {
        private readonly GpioPin _pin;
        private readonly bool _activeLow;

        public GpioSwitch(GpioController gpio, int pin, bool activeLow, Action changed)
        {
            _pin = gpio.OpenPin(pin, PinMode.InputPullUp);
            _activeLow = activeLow;
            Changed = changed;
            _pin.ValueChanged += OnValueChanged;
        }

        public Action Changed { get; private set; }

        public bool IsActive
        {
            get { return (_pin.Read() == PinValue.Low) == _activeLow; }
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            if (Changed != null)
            {
                Changed();
            }
        }
    }
}
