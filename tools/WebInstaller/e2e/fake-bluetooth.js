// A stand-in for navigator.bluetooth in the browser test: the GATT service of docs/ble-protocol.md, its
// characteristics carried over LockSim's WebSocket, so transport-ble.js runs against a real lock's protocol with
// no radio. It refuses every UUID but the lock's and records the size of each write (window.fakeBluetooth).
(() => {
  const SERVICE = '6c6f636b-6677-4c46-8000-000000000001';
  const CHANNEL = { '6c6f636b-6677-4c46-8000-000000000002': 1, '6c6f636b-6677-4c46-8000-000000000004': 2 };
  const NOTIFY = '6c6f636b-6677-4c46-8000-000000000003';
  const record = (window.fakeBluetooth = { writes: [], chooser: 0 });
  const wsUrl = `ws://${location.host}/link`;

  function characteristic(uuid, ws) {
    const target = new EventTarget();
    return Object.assign(target, {
      uuid,
      async writeValueWithResponse(bytes) {
        if (!(uuid in CHANNEL)) throw new DOMException('not writable', 'NotSupportedError');
        record.writes.push(bytes.byteLength);
        if (bytes.byteLength > 20) throw new DOMException('longer than the default ATT MTU allows', 'NotSupportedError');
        const m = new Uint8Array(1 + bytes.byteLength);
        m[0] = CHANNEL[uuid];
        m.set(new Uint8Array(bytes.buffer ?? bytes, bytes.byteOffset ?? 0, bytes.byteLength), 1);
        ws.send(m);
      },
      async startNotifications() {
        if (uuid !== NOTIFY) throw new DOMException('no notifications', 'NotSupportedError');
        ws.addEventListener('message', (e) => {
          const m = new Uint8Array(e.data);
          if (m[0] !== 1) return;
          const event = new Event('characteristicvaluechanged');
          Object.defineProperty(event, 'target', { value: { value: new DataView(m.slice(1).buffer) } });
          target.dispatchEvent(event);
        });
        return target;
      },
    });
  }

  Object.defineProperty(navigator, 'bluetooth', {
    value: {
      async requestDevice(options) {
        record.chooser++;
        const asked = options?.filters?.flatMap((f) => f.services ?? []) ?? [];
        if (asked.length !== 1 || asked[0] !== SERVICE) throw new DOMException(`no lock advertises ${asked}`, 'NotFoundError');
        const device = new EventTarget();
        device.name = 'LockFW';
        let ws = null;
        device.gatt = {
          connected: false,
          async connect() {
            ws = new WebSocket(wsUrl);
            ws.binaryType = 'arraybuffer';
            await new Promise((ok, fail) => ((ws.onopen = ok), (ws.onerror = fail)));
            ws.onclose = () => {
              device.gatt.connected = false;
              device.dispatchEvent(new Event('gattserverdisconnected'));
            };
            device.gatt.connected = true;
            return {
              async getPrimaryService(uuid) {
                if (uuid !== SERVICE) throw new DOMException('no such service', 'NotFoundError');
                return { getCharacteristic: async (c) => characteristic(c, ws) };
              },
            };
          },
          disconnect() {
            ws?.close();
          },
        };
        return device;
      },
    },
  });
})();
