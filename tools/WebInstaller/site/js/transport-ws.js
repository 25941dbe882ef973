// LockSim's WebSocket (`locksim serve --web`): each binary message is one fragment, [channel, fragment bytes...].
// The bridge on the other side speaks the loopback TCP link, so this reaches exactly what lockctl's sim:// reaches.

export async function connectWebSocket(url) {
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = () => reject(new Error(`cannot reach LockSim at ${url}: is 'locksim serve --web' running?`));
  });
  const t = {
    kind: 'websocket',
    name: url,
    payload: 244,
    onfragment: () => {},
    onclose: () => {},
    async send(channel, f) {
      const m = new Uint8Array(1 + f.length);
      m[0] = channel;
      m.set(f, 1);
      ws.send(m);
    },
    close() {
      ws.close();
    },
  };
  ws.onmessage = (e) => {
    const m = new Uint8Array(e.data);
    if (m.length >= 2) t.onfragment(m[0], m.subarray(1));
  };
  ws.onclose = () => t.onclose();
  return t;
}
