using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LockFirmware.NanoCheck.Tests
{
    [TestClass]
    public class NanoCheckerTests
    {
        private static List<Violation> Check(byte[] image, params string[] allow)
        {
            var options = new CheckOptions();
            foreach (string a in allow)
            {
                options.AllowedAssemblies.Add(a);
            }

            return NanoChecker.Check(image, options);
        }

        private static void AssertFlags(List<Violation> found, string where, string reason)
        {
            Assert.IsTrue(found.Any(v => v.Where.Contains(where) && v.Reason.Contains(reason)),
                $"expected a violation at '{where}' mentioning '{reason}', got:\n" + string.Join("\n", found));
        }

        [TestMethod]
        public void CleanNanoCodePasses()
        {
            byte[] image = Fixture.Nano(@"
                namespace Ok {
                  public enum Mode : byte { A, B }
                  public interface IPort { int Read(); }
                  public delegate void Changed(int v);
                  public struct Pair { public int X; public int Y; }
                  public class Counter : IPort {
                    private readonly int[][] _jagged = new int[3][];
                    private readonly System.Collections.ArrayList _list = new System.Collections.ArrayList();
                    public event Changed OnChanged;
                    public int Read() { int n = 0; foreach (int[] row in _jagged) { n += row == null ? 0 : row.Length; } return n + _list.Count; }
                    public string Show(int x) { return $""x={x}""; }
                    public bool TryGet(out int v) { v = 1; OnChanged?.Invoke(v); return true; }
                    public static int Max(int a, int b) => a > b ? a : b;
                  }
                }");
            var found = Check(image);
            Assert.AreEqual(0, found.Count, string.Join("\n", found));
        }

        [TestMethod]
        public void GenericClassFails()
        {
            var found = Check(Fixture.Nano("public class Box<T> { public T Value; }"));
            AssertFlags(found, "Box`1", "generic definition");
        }

        [TestMethod]
        public void GenericMethodAndItsCallFail()
        {
            var found = Check(Fixture.Nano(@"public static class U {
                public static T Id<T>(T x) { return x; }
                public static int Use() { return Id(3); } }"));
            AssertFlags(found, "U::Id", "generic definition");
            AssertFlags(found, "U::Id", "generic method instantiation");
        }

        [TestMethod]
        public void LinqCallFails()
        {
            var found = Check(Fixture.Host(@"using System.Linq;
                public static class Q { public static int Sum(int[] xs) { return xs.Where(x => x > 0).Sum(); } }"));
            AssertFlags(found, "references", "System.Linq");
            AssertFlags(found, "Enumerable::Where", "generic method instantiation");
        }

        [TestMethod]
        public void TupleFails()
        {
            var found = Check(Fixture.Host(@"public static class T { public static (int, int) Pair() { return (1, 2); } }"));
            AssertFlags(found, "T::Pair", "generic instantiation System.ValueTuple`2");
        }

        [TestMethod]
        public void MultiDimensionalArrayFails()
        {
            var found = Check(Fixture.Nano(@"public class Grid { public int At() { var g = new int[2, 3]; return g[1, 2]; } }"));
            AssertFlags(found, "", "multi-dimensional array");
        }

        [TestMethod]
        public void MultiDimensionalFieldFails()
        {
            var found = Check(Fixture.Nano(@"public class Grid { public int[,] Cells; }"));
            AssertFlags(found, "Grid::Cells", "multi-dimensional array");
        }

        [TestMethod]
        public void DecimalFails()
        {
            var found = Check(Fixture.Host(@"public class Money { public decimal Amount; }"));
            AssertFlags(found, "Money::Amount", "decimal");
        }

        [TestMethod]
        public void PointerFails()
        {
            var found = Check(Fixture.Nano(@"public unsafe class P { public int* Ptr; }", allowUnsafe: true));
            AssertFlags(found, "P::Ptr", "pointer");
        }

        [TestMethod]
        public void RefStructFails()
        {
            var found = Check(Fixture.Host(@"public ref struct Window { public int X; }"));
            AssertFlags(found, "Window", "ref struct");
        }

        [TestMethod]
        public void NullableValueTypeFails()
        {
            var found = Check(Fixture.Host(@"public class N { public int? Maybe; }"));
            AssertFlags(found, "N::Maybe", "System.Nullable`1");
        }

        [TestMethod]
        public void AllowListAdmitsDeclaredPackages()
        {
            // A reference to a nanoFramework package assembly is fine once declared, refused otherwise.
            byte[] image = Fixture.Host("public class C { public override string ToString() { return System.Console.Title; } }");
            AssertFlags(Check(image), "references", "System.Console");
            Assert.IsFalse(Check(image, "System.Console", "System.Runtime").Any(v => v.Where.Contains("references") && v.Reason.Contains("System.Console")));
        }

        [TestMethod]
        public void EnumAttributeArgumentFails()
        {
            var found = Check(Fixture.Nano(@"
                public enum Kind { A, B }
                [System.AttributeUsage(System.AttributeTargets.Class)]
                public class TagAttribute : System.Attribute { public TagAttribute(Kind k) { } }
                [Tag(Kind.B)] public class Tagged { }"));
            AssertFlags(found, "TagAttribute", "primitives and strings only");
        }

        [TestMethod]
        public void TooManyStaticMethodsFails()
        {
            string methods = string.Concat(Enumerable.Range(0, 256).Select(i => $"public static int M{i}() {{ return {i}; }}\n"));
            var found = Check(Fixture.Nano("public static class Big {\n" + methods + "}"));
            AssertFlags(found, "Big", "256 static methods");
        }

        [TestMethod]
        public void CommandLineExitCodes()
        {
            string dir = Path.Combine(Path.GetTempPath(), "nanocheck-" + System.Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                string good = Path.Combine(dir, "good.dll");
                string bad = Path.Combine(dir, "bad.dll");
                string junk = Path.Combine(dir, "junk.dll");
                File.WriteAllBytes(good, Fixture.Nano("public class Fine { }"));
                File.WriteAllBytes(bad, Fixture.Nano("public class Box<T> { }"));
                File.WriteAllBytes(junk, new byte[] { 1, 2, 3 });
                Assert.AreEqual(0, Program.Main(new[] { good }));
                Assert.AreEqual(1, Program.Main(new[] { good, bad }));
                Assert.AreEqual(2, Program.Main(new[] { junk }));
                Assert.AreEqual(2, Program.Main(new string[0]));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
