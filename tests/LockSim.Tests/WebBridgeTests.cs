using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.WebSockets;
using System.Threading;
using LockFirmware.Core.Protocol;
using LockFirmware.Hal.Sim.Crypto;

namespace LockFirmware.LockSim.Tests
{
    /// <summary>`locksim serve --web`: the page over HTTP, and the WebSocket at /link carrying fragments to the loopback link and back.</summary>
    [TestClass]
    public class WebBridgeTests
    {
        private static readonly string Site = Path.Combine(AppContext.BaseDirectory, "installer");

        private static Server Serve()
        {
            var server = new Server(SimLock.Fresh(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), 0);
            server.Start();
            return server;
        }

        private static Uri Link(WebBridge bridge) => new Uri(bridge.Url.Replace("http://", "ws://") + "link");

        [TestMethod]
        public void ServesThePageAndBridgesAHandshake()
        {
            using var server = Serve();
            using var bridge = new WebBridge(server.Port, 0, Site);
            using var http = new HttpClient();
            string index = http.GetStringAsync(bridge.Url).Result;
            StringAssert.Contains(index, "Secrets stay in this page's memory");
            Assert.AreEqual(HttpStatusCode.OK, http.GetAsync(bridge.Url + "js/session.js").Result.StatusCode);

            // An owner HELLO to an unprovisioned lock: the refusal comes back through the bridge.
            using var ws = new ClientWebSocket();
            ws.ConnectAsync(Link(bridge), CancellationToken.None).Wait();
            var client = new AdminClient(new HostCrypto(), new HostCrypto(), AdminRole.Owner, new byte[16]);
            byte[] hello = new byte[18];
            int n = client.Hello(hello);
            var writer = new FrameWriter();
            writer.Begin(hello, n, Fragments.MaxPayload);
            byte[] fragment = new byte[1 + Fragments.MaxPayload];
            int length = writer.Next(fragment);
            byte[] message = new byte[1 + length];
            message[0] = LinkEndpoint.AdminChannel;
            Array.Copy(fragment, 0, message, 1, length);
            ws.SendAsync(message, WebSocketMessageType.Binary, true, CancellationToken.None).Wait();

            byte[] reply = new byte[300];
            using var timeout = new CancellationTokenSource(5000);
            WebSocketReceiveResult r = ws.ReceiveAsync(reply, timeout.Token).Result;
            Assert.AreEqual(LinkEndpoint.AdminChannel, reply[0], "admin channel");
            var assembler = new FrameAssembler();
            Assert.AreEqual(2, assembler.Push(reply, 1, r.Count - 1), "one fragment, one ERROR message");
            Assert.AreEqual(AdminSession.Error, assembler.Message[0]);
            Assert.AreEqual((byte)AdminStatus.RoleNotAvailable, assembler.Message[1]);
        }

        [TestMethod]
        public void AnotherSitesPageMayNotOpenTheLink()
        {
            using var server = Serve();
            using var bridge = new WebBridge(server.Port, 0, Site);
            using var ws = new ClientWebSocket();
            ws.Options.SetRequestHeader("Origin", "https://evil.example");
            var e = Assert.ThrowsException<AggregateException>(() => ws.ConnectAsync(Link(bridge), CancellationToken.None).Wait());
            StringAssert.Contains(e.InnerException.Message, "403");
        }
    }
}
