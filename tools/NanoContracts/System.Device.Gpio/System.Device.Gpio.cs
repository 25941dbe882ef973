// Contract of nanoFramework.System.Device.Gpio 1.1.62 (tag v1.1.62), assembly System.Device.Gpio.
// Only the members the firmware uses, in the order of the source files (alphabetical) and of their members.
// Every body throws: this assembly is compiled against, never run.
using System;
using System.Reflection;
using nanoFramework.Runtime.Events;

[assembly: AssemblyVersion("1.1.62.0")]

namespace System.Device.Gpio
{
    // GpioController.cs
    public sealed class GpioController : IDisposable
    {
        public GpioController() { throw new NotSupportedException(); }
        public GpioPin OpenPin(int pinNumber) { throw new NotSupportedException(); }
        public GpioPin OpenPin(int pinNumber, PinMode mode) { throw new NotSupportedException(); }
        public void ClosePin(int pinNumber) { throw new NotSupportedException(); }
        public void Dispose() { throw new NotSupportedException(); }
        public bool IsPinModeSupported(int pinNumber, PinMode mode) { throw new NotSupportedException(); }
        public bool IsPinOpen(int pinNumber) { throw new NotSupportedException(); }
        public PinValue Read(int pinNumber) { throw new NotSupportedException(); }
        public void SetPinMode(int pinNumber, PinMode mode) { throw new NotSupportedException(); }
        public void Write(int pinNumber, PinValue value) { throw new NotSupportedException(); }
    }

    // GpioPin.cs
    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs e);

    public sealed class GpioPin : IDisposable
    {
        private GpioPin() { }
        public TimeSpan DebounceTimeout { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }
        public int PinNumber { get { throw new NotSupportedException(); } }
        public PinMode GetPinMode() { throw new NotSupportedException(); }
        public bool IsPinModeSupported(PinMode pinMode) { throw new NotSupportedException(); }
        public void SetPinMode(PinMode value) { throw new NotSupportedException(); }
        public PinValue Read() { throw new NotSupportedException(); }
        public void Write(PinValue value) { throw new NotSupportedException(); }
        public event PinValueChangedEventHandler ValueChanged { add { throw new NotSupportedException(); } remove { throw new NotSupportedException(); } }
        public void Toggle() { throw new NotSupportedException(); }
        public void Dispose() { throw new NotSupportedException(); }
    }

    // PinChangeEventHandler.cs
    public delegate void PinChangeEventHandler(object sender, PinValueChangedEventArgs pinValueChangedEventArgs);

    // PinEventTypes.cs
    [Flags]
    public enum PinEventTypes
    {
        None = 0,
        Rising = 1,
        Falling = 2
    }

    // PinMode.cs
    public enum PinMode
    {
        Input,
        InputPullDown,
        InputPullUp,
        Output,
        OutputOpenDrain,
        OutputOpenDrainPullUp,
        OutputOpenSource,
        OutputOpenSourcePullDown
    }

    // PinValue.cs
    public readonly struct PinValue
    {
        private readonly byte _value;
        public static PinValue High { get { throw new NotSupportedException(); } }
        public static PinValue Low { get { throw new NotSupportedException(); } }
        public static implicit operator PinValue(int value) { throw new NotSupportedException(); }
        public static implicit operator PinValue(bool value) { throw new NotSupportedException(); }
        public static explicit operator byte(PinValue value) { throw new NotSupportedException(); }
        public static explicit operator int(PinValue value) { throw new NotSupportedException(); }
        public static explicit operator bool(PinValue value) { throw new NotSupportedException(); }
        public bool Equals(PinValue other) { throw new NotSupportedException(); }
        public override bool Equals(object obj) { throw new NotSupportedException(); }
        public static bool operator ==(PinValue a, PinValue b) { throw new NotSupportedException(); }
        public static bool operator !=(PinValue a, PinValue b) { throw new NotSupportedException(); }
        public override int GetHashCode() { throw new NotSupportedException(); }
        public override string ToString() { throw new NotSupportedException(); }
    }

    // PinValueChangedEventArgs.cs
    public class PinValueChangedEventArgs : BaseEvent
    {
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber) { throw new NotSupportedException(); }
        public PinEventTypes ChangeType { get { throw new NotSupportedException(); } }
        public int PinNumber { get { throw new NotSupportedException(); } }
    }
}
