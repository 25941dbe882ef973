// Contract of nanoFramework.TestFramework 3.0.77 (tag v3.0.77), assembly nanoFramework.TestFramework.
// Only the members our tests use, in the order of the source files (source/TestFramework/Assert*.cs, then
// source/TestFrameworkShared/*.cs) and of their members. Note: 3.0.77 has no Assert.Fail; tests use
// LockFirmware.Tests.Expect.Fail instead.
using System;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyVersion("3.0.77.0")]

namespace nanoFramework.TestFramework
{
    // Assert.cs, Assert.AreEqual.cs (partial class Assert)
    public sealed partial class Assert
    {
        public static void IsFalse(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "") { throw new NotSupportedException(); }
        public static void IsNotNull([NotNull] object value, [CallerArgumentExpression(nameof(value))] string message = "") { throw new NotSupportedException(); }
        public static void IsNull(object value, [CallerArgumentExpression(nameof(value))] string message = "") { throw new NotSupportedException(); }
        public static void IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "") { throw new NotSupportedException(); }
        public static void ThrowsException(Type exception, Action action, [CallerArgumentExpression(nameof(action))] string message = "") { throw new NotSupportedException(); }

        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotSupportedException(); }
        public static void AreEqual(byte expected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotSupportedException(); }
        public static void AreEqual(char expected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotSupportedException(); }
        public static void AreEqual(DateTime expected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotSupportedException(); }
        public static void AreEqual(double expected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotSupportedException(); }
        public static void AreEqual(float expected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotSupportedException(); }
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotSupportedException(); }
        public static void AreEqual(long expected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotSupportedException(); }
        public static void AreEqual(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotSupportedException(); }
        public static void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotSupportedException(); }
        public static void AreEqual(short expected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotSupportedException(); }
        public static void AreEqual(string expected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotSupportedException(); }
        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotSupportedException(); }
        public static void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotSupportedException(); }
        public static void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotSupportedException(); }
    }

    // TestFrameworkShared/TestClassAttribute.cs
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
        public virtual TestMethodAttribute GetTestMethodAttribute(TestMethodAttribute testMethodAttribute) { throw new NotSupportedException(); }
    }

    // TestFrameworkShared/TestMethodAttribute.cs
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }
}
