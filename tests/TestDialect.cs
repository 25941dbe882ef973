// The test dialect shared by MSTest (host) and nanoFramework.TestFramework (device):
// [TestClass], [TestMethod], Assert.AreEqual/IsTrue/IsFalse/IsNull/IsNotNull, and Expect.Fail/Throws/Bytes
// (tests/Expect.cs; nanoFramework.TestFramework 3.0.77 has no Assert.Fail).
// No setup attributes: each test builds what it needs.
#if NANOFRAMEWORK
global using nanoFramework.TestFramework;
#else
global using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
