// The test dialect shared by MSTest (host) and nanoFramework.TestFramework (device):
// [TestClass], [TestMethod], Assert.AreEqual/IsTrue/IsFalse/IsNull/IsNotNull/Fail, and Expect.Throws.
// No setup attributes: each test builds what it needs.
#if NANOFRAMEWORK
global using nanoFramework.TestFramework;
#else
global using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
