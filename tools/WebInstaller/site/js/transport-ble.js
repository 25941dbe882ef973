// A real lock over Web Bluetooth (Chrome or Edge; a secure context: https or localhost). The GATT service of
// docs/ble-protocol.md: writes to "admin in", notifications from "admin out"; one fragment per write.
export const SERVICE = '6c6f636b-6677-4c46-8000-000000000001';
const ADMIN_IN = '6c6f636b-6677-4c46-8000-000000000002';
const ADMIN_OUT = '6c6f636b-6677-4c46-8000-000000000003';
const KEYPAD_IN = '6c6f636b-6677-4c46-8000-000000000004';

export function bluetoothAvailable() {
  return typeof navigator !== 'undefined' && !!navigator.bluetooth;
}

/** Connects to a lock: the one the user picks in Chrome's chooser, or `known` again (no chooser) after a drop. */
export async function connectBluetooth(known) {
  if (!bluetoothAvailable()) {
    throw new Error('this browser has no Web Bluetooth: use Chrome or Edge (Android, Windows, macOS, ChromeOS, Linux), over https or on localhost');
  }
  const device = known ?? (await navigator.bluetooth.requestDevice({ filters: [{ services: [SERVICE] }] }));
  const server = await device.gatt.connect();
  const service = await server.getPrimaryService(SERVICE);
  const adminIn = await service.getCharacteristic(ADMIN_IN);
  const adminOut = await service.getCharacteristic(ADMIN_OUT);
  let keypadIn = null;
  const t = {
    kind: 'bluetooth',
    device,
    name: device.name || 'LockFW',
    // Web Bluetooth does not expose the ATT MTU: 20 bytes fits every link (the lock's own fragments follow its MTU).
    payload: 20,
    onfragment: () => {},
    onclose: () => {},
    async send(channel, f) {
      if (channel === 1) return adminIn.writeValueWithResponse(f);
      keypadIn ??= await service.getCharacteristic(KEYPAD_IN);
      return keypadIn.writeValueWithResponse(f);
    },
    close() {
      if (device.gatt.connected) device.gatt.disconnect();
    },
  };
  adminOut.addEventListener('characteristicvaluechanged', (e) => {
    const v = e.target.value;
    t.onfragment(1, new Uint8Array(v.buffer, v.byteOffset, v.byteLength).slice());
  });
  await adminOut.startNotifications();
  device.addEventListener('gattserverdisconnected', () => t.onclose());
  return t;
}
