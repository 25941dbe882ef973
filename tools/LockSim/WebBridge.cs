using System;
using System.Linq;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LockFirmware.LockSim
{
    /// <summary>
    /// `locksim serve --web`: the installer page (tools/WebInstaller/site, copied beside locksim) on 127.0.0.1, and a
    /// WebSocket at /link that bridges to a loopback TCP link (docs/ble-protocol.md): each WebSocket message is one
    /// fragment, [channel, bytes...]; each TCP frame is [channel, length, bytes...]. The bridge holds no lock
    /// logic, so it serves any loopback link (LockSim's, the virtual ESP32's) the same way.
    /// </summary>
    public sealed class WebBridge : IDisposable
    {
        private readonly WebApplication _app;

        public WebBridge(int loopbackPort, int webPort, string pageDir)
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.ClearProviders();
            // The host's console lifetime would take SIGTERM and Ctrl+C and then wait for Main, which waits for them:
            // locksim owns its signals, the bridge only starts and stops with it.
            builder.Services.AddSingleton<IHostLifetime, NoLifetime>();
            builder.WebHost.UseUrls($"http://127.0.0.1:{webPort}");
            _app = builder.Build();
            _app.UseWebSockets();
            var files = new PhysicalFileProvider(pageDir);
            _app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            _app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
            _app.Map("/link", context => Accept(context, loopbackPort));
            _app.StartAsync().GetAwaiter().GetResult();
            string address = _app.Services.GetService(typeof(IServer)) is IServer server
                ? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() : null;
            Url = (address ?? $"http://127.0.0.1:{webPort}").TrimEnd('/') + "/";
        }

        /// <summary>The page's address, e.g. http://127.0.0.1:8080/ (the WebSocket is at ws://.../link).</summary>
        public string Url { get; }

        private async Task Accept(HttpContext context, int loopbackPort)
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }

            // Any web page the browser shows may open a WebSocket to 127.0.0.1: only the page served here may.
            string origin = context.Request.Headers.Origin;
            if (!string.IsNullOrEmpty(origin) && origin != $"http://{context.Request.Host}")
            {
                context.Response.StatusCode = 403;
                return;
            }

            using var tcp = new TcpClient { NoDelay = true };
            try
            {
                await tcp.ConnectAsync("127.0.0.1", loopbackPort);
            }
            catch (SocketException)
            {
                context.Response.StatusCode = 502; // no lock on the loopback link: the page says it cannot reach it
                return;
            }

            using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync();
            using NetworkStream stream = tcp.GetStream();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            Task up = Pump(() => Up(socket, stream, stop.Token));
            Task down = Pump(() => Down(stream, socket, stop.Token));
            await Task.WhenAny(up, down);
            stop.Cancel();
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "link closed", CancellationToken.None);
            }
        }

        // Browser to lock: one WebSocket message, one fragment; anything that is not a fragment ends the bridge.
        private static async Task Up(WebSocket socket, NetworkStream stream, CancellationToken stop)
        {
            var buffer = new byte[2 + 256];
            while (true)
            {
                int have = 0;
                WebSocketReceiveResult r;
                do
                {
                    r = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, 1 + have, buffer.Length - 1 - have), stop);
                    if (r.MessageType == WebSocketMessageType.Close) return;
                    have += r.Count;
                }
                while (!r.EndOfMessage && have < buffer.Length - 1);

                int length = have - 1;
                if (!r.EndOfMessage || r.MessageType != WebSocketMessageType.Binary || length < 1 || length > 255) return;
                buffer[0] = buffer[1];
                buffer[1] = (byte)length;
                await stream.WriteAsync(buffer.AsMemory(0, 2 + length), stop);
            }
        }

        // Lock to browser: each [channel, length, bytes] frame becomes one message [channel, bytes].
        private static async Task Down(NetworkStream stream, WebSocket socket, CancellationToken stop)
        {
            var head = new byte[2];
            var body = new byte[1 + 255];
            while (true)
            {
                await stream.ReadExactlyAsync(head, stop);
                body[0] = head[0];
                await stream.ReadExactlyAsync(body.AsMemory(1, head[1]), stop);
                await socket.SendAsync(body.AsMemory(0, 1 + head[1]), WebSocketMessageType.Binary, true, stop);
            }
        }

        private static async Task Pump(Func<Task> work)
        {
            try
            {
                await work();
            }
            catch (Exception e) when (e is OperationCanceledException || e is WebSocketException || e is System.IO.IOException || e is SocketException)
            {
                // the browser left or the lock dropped the link: the other side is closed by Accept
            }
        }

        private sealed class NoLifetime : IHostLifetime
        {
            public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

            public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        }

        public void Dispose()
        {
            _app.StopAsync().GetAwaiter().GetResult();
            ((IDisposable)_app).Dispose();
        }
    }
}
