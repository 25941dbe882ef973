// The installer's and owner's page: wires the buttons to the protocol client. Secrets live in `keys` (memory)
// until the user exports them; nothing is stored in the browser.
import { hex, fromHex, randomBytes } from './bytes.js';
import { Role, RoleName, decodeConfig } from './commands.js';
import { MessageLink, Session, Refusal } from './link.js';
import { connectWebSocket } from './transport-ws.js';
import { connectBluetooth, bluetoothAvailable } from './transport-ble.js';
import { describe, eventTime, toCsv } from './events.js';

const $ = (id) => document.getElementById(id);
const keys = { secret: null, installer: null, owner: null, keypads: new Map() };
const state = { link: null, open: null, session: null, signIn: null, zone: { offsetMinutes: 0, dst: 0 }, log: [] };

function say(text, ok) {
  const m = $('message');
  m.hidden = false;
  m.textContent = text;
  m.className = ok ? 'ok' : 'refused';
}

function showLink() {
  $('link-status').textContent = state.link && !state.link.closed ? `connected: ${state.link.transport.name}` : state.open ? 'link dropped (reconnects on the next task)' : 'not connected';
  $('role-status').textContent = state.session ? `signed in as ${state.session.roleName}` : 'not signed in';
}

async function connect(open) {
  if (state.link) state.link.close();
  state.session = null;
  state.open = open;
  state.link = new MessageLink(await open());
  const onclose = state.link.transport.onclose;
  state.link.transport.onclose = () => {
    onclose();
    state.session = null;
    showLink();
  };
  showLink();
}

async function signIn(role, key) {
  if (!state.link || state.link.closed) {
    if (!state.open) throw new Refusal('Connect to a lock first.');
    await connect(state.open);
  }
  state.session = await Session.signIn(state.link, role, key);
  state.signIn = { role, key };
  showLink();
}

// Runs a task against the lock: reconnects and signs in again after a dropped link or an idle session.
async function call(name, ...args) {
  if (!state.signIn) throw new Refusal('Sign in first.');
  if (!state.session || state.link.closed) await signIn(state.signIn.role, state.signIn.key);
  try {
    return await state.session.call(name, ...args);
  } catch (e) {
    if (!(e instanceof Refusal) || (e.status !== 'NoSession' && e.status !== 'SessionEnded')) throw e;
    await signIn(state.signIn.role, state.signIn.key);
    return state.session.call(name, ...args);
  }
}

function task(button, work) {
  $(button).addEventListener('click', async () => {
    $(button).disabled = true;
    try {
      const text = await work();
      if (text) say(text, true);
    } catch (e) {
      say(e instanceof Refusal ? e.words : `Error: ${e.message}`, false);
    } finally {
      $(button).disabled = false;
      showLink();
    }
  });
}

function download(name, text) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function keyOf(id, what, length = 16) {
  return fromHex($(id).value, length, what);
}

// ---- connect and sign in
const defaultWs = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host || '127.0.0.1:8080'}/link`;
$('ws-url').value = new URLSearchParams(location.search).get('ws') ?? defaultWs;
if (!bluetoothAvailable()) $('ble-missing').hidden = false;
if (/^(localhost|127\.0\.0\.1|\[::1\])$/.test(location.hostname)) $('sim-box').open = true;

task('connect-ble', async () => {
  let device = null; // after the first pick, reconnect to the same lock without the chooser
  await connect(async () => {
    const t = await connectBluetooth(device);
    device = t.device;
    return t;
  });
  return `Connected to ${state.link.transport.name}. Sign in next.`;
});

task('connect-ws', async () => {
  const url = $('ws-url').value.trim();
  await connect(() => connectWebSocket(url));
  return 'Connected to LockSim. Sign in next.';
});

$('role').addEventListener('change', () => {
  const role = Number($('role').value);
  const known = role === Role.installer ? keys.installer : role === Role.owner ? keys.owner : null;
  if (known) $('key').value = hex(known);
});

task('sign-in', async () => {
  const role = Number($('role').value);
  await signIn(role, keyOf('key', `${RoleName[role]} key`));
  return `Signed in as ${RoleName[role]}.`;
});

$('key-file').addEventListener('change', async () => {
  const f = $('key-file').files[0];
  if (f) $('key').value = (await f.text()).trim();
});

// The label's QR code carries the setup key as hex (alone, or after "LFSETUP:").
if ('BarcodeDetector' in globalThis) {
  $('scan').hidden = false;
  task('scan', async () => {
    const video = $('scan-video');
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    const detector = new BarcodeDetector({ formats: ['qr_code'] });
    try {
      for (let i = 0; i < 300; i++) {
        const found = await detector.detect(video);
        const m = found.map((c) => /([0-9a-fA-F]{32})/.exec(c.rawValue)).find(Boolean);
        if (m) {
          $('key').value = m[1].toLowerCase();
          $('role').value = String(Role.setup);
          return 'Setup key read from the label. Sign in as setup.';
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Refusal('No setup key found in the camera picture: type it from the label.');
    } finally {
      stream.getTracks().forEach((t) => t.stop());
      video.hidden = true;
    }
  });
}

// ---- provision
task('make-keys', async () => {
  keys.secret = randomBytes(32);
  keys.installer = randomBytes(16);
  keys.owner = randomBytes(16);
  $('secret-hex').textContent = hex(keys.secret);
  $('installer-key-hex').textContent = hex(keys.installer);
  $('owner-key-hex').textContent = hex(keys.owner);
  return 'New lock secret and keys made in this browser. Export them before you close the page.';
});

// In lockctl's formats: secret.hex for `lockctl code issue --secret-file` (the issuer), the role keys for --key-file.
task('export-keys', async () => {
  if (!keys.secret) throw new Refusal('Make the secret and keys first.');
  download('secret.hex', hex(keys.secret) + '\n');
  download('installer.key', hex(keys.installer) + '\n');
  download('owner.key', hex(keys.owner) + '\n');
  return 'Exported secret.hex (for the code issuer), installer.key and owner.key. Keep them safe.';
});

task('provision-lock', async () => {
  if (!keys.secret) throw new Refusal('Make the secret and keys first.');
  await call('provisionSecret', keys.secret);
  await call('setRoleKey', Role.installer, keys.installer);
  await call('setRoleKey', Role.owner, keys.owner);
  await signIn(Role.installer, keys.installer);
  $('role').value = String(Role.installer);
  $('key').value = hex(keys.installer);
  return 'Provisioned: lock secret, installer and owner keys stored. Now signed in as installer.';
});

// ---- keypads
task('make-keypad-key', async () => {
  $('keypad-key').value = hex(randomBytes(16));
  return 'New keypad key made. Register it, then give it to the keypad (export).';
});

task('export-keypad-key', async () => {
  download(`keypad-${$('keypad-id').value}.key`, hex(keyOf('keypad-key', 'keypad key')) + '\n');
  return 'Exported the keypad key.';
});

task('add-keypad', async () => {
  const id = Number($('keypad-id').value);
  await call('addKeypad', id, keyOf('keypad-key', 'keypad key'));
  return `Keypad ${id} registered.`;
});

task('remove-keypad', async () => {
  const id = Number($('keypad-id').value);
  await call('removeKeypad', id);
  return `Keypad ${id} removed.`;
});

// ---- time
setInterval(() => ($('phone-time').textContent = new Date().toLocaleString()), 1000);
task('set-time', async () => {
  const now = Date.now();
  await call('setTime', now);
  return `Lock clock set to ${new Date(now).toISOString().replace(/\.\d+Z/, 'Z')}.`;
});

// ---- settings
function fillConfig(c) {
  const f = $('config-form').elements;
  f.relockS.value = c.relockMs / 1000;
  f.motorMs.value = c.motorMs;
  f.doorSensor.value = c.doorSensor ? '1' : '0';
  f.freeFailures.value = c.freeFailures;
  f.refillHours.value = c.refillHours;
  f.offsetMinutes.value = c.offsetMinutes;
  f.dst.value = String(c.dst);
  f.codeLength.value = c.codeLength;
  state.zone = { offsetMinutes: c.offsetMinutes, dst: c.dst };
}

task('read-config', async () => {
  fillConfig(await call('getConfig'));
  return 'Settings read.';
});

task('save-config', async () => {
  const f = $('config-form').elements;
  if (!f.codeLength.value) fillConfig(await call('getConfig'));
  const c = {
    relockMs: Math.round(Number(f.relockS.value) * 1000), motorMs: Number(f.motorMs.value), doorSensor: f.doorSensor.value === '1',
    freeFailures: Number(f.freeFailures.value), refillHours: Number(f.refillHours.value), offsetMinutes: Number(f.offsetMinutes.value),
    codeLength: Number(f.codeLength.value), dst: Number(f.dst.value),
  };
  await call('setConfig', c);
  state.zone = { offsetMinutes: c.offsetMinutes, dst: c.dst };
  return 'Settings saved.';
});

// ---- PINs and owner actions
task('add-pin', async () => {
  const r = await call('addPin', $('pin').value.trim());
  $('pin').value = '';
  return `PIN stored in slot ${r.slot} (as a keyed digest).`;
});
task('remove-pin', async () => {
  await call('removePin', Number($('pin-slot').value));
  return `PIN slot ${$('pin-slot').value} removed.`;
});
task('lock', async () => (await call('lock'), 'Locking.'));
task('unlock', async () => (await call('unlock'), 'Unlocking.'));
task('revoke-all', async () => (await call('revokeAll'), 'Every code that started before this hour is revoked.'));
task('clear-lockout', async () => (await call('clearLockout'), 'Keypad lockout cleared.'));
task('factory-reset', async () => {
  if (!confirm('Erase this lock (secret, keys, keypads, PINs, log)? Only its setup key remains.')) return null;
  await call('factoryReset');
  state.session = null;
  state.signIn = null;
  return 'Factory reset done: the lock is unprovisioned.';
});

// ---- status and log
task('read-status', async () => {
  const i = await call('info');
  const s = await call('status');
  const rows = [
    ['Bolt', s.state], ['Door', s.doorClosed ? 'closed' : 'open'], ['Keypad lockout', s.lockedOut ? 'ON' : 'off'],
    ['Lock clock', s.timeUnknown ? 'UNKNOWN: set the time' : new Date(s.timeMs).toISOString().replace(/\.\d+Z/, 'Z')],
    ['Setup window', s.setupWindow ? 'open' : 'closed'], ['Provisioned', i.provisioned ? 'yes' : 'no'],
    ['Keypads', String(i.keypads)], ['PINs', String(i.pins)], ['Log records', String(i.nextSequence)],
  ];
  $('status-out').replaceChildren(...rows.flatMap(([k, v]) => [Object.assign(document.createElement('dt'), { textContent: k }), Object.assign(document.createElement('dd'), { textContent: v })]));
  return 'Status read.';
});

task('read-log', async () => {
  try {
    const c = await call('getConfig');
    state.zone = { offsetMinutes: c.offsetMinutes, dst: c.dst };
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
  }
  const records = [];
  for (let since = 0; ;) {
    const r = await call('readLog', since, 70);
    records.push(...r.records);
    if (r.records.length < 70) break;
    since = r.records[r.records.length - 1].sequence + 1;
  }
  state.log = records;
  const { offsetMinutes, dst } = state.zone;
  $('log-zone').textContent = `Times in the lock's zone: UTC${offsetMinutes >= 0 ? '+' : ''}${offsetMinutes / 60} h${dst ? (dst === 1 ? ', EU summer time' : ', US summer time') : ''}. Newest first.`;
  $('log-table').tBodies[0].replaceChildren(...records.slice().reverse().map((r) => {
    const tr = document.createElement('tr');
    for (const text of [r.sequence, eventTime(r.time, offsetMinutes, dst), describe(r, offsetMinutes, dst)]) {
      tr.appendChild(document.createElement('td')).textContent = String(text);
    }
    return tr;
  }));
  return `${records.length} events read.`;
});

task('export-csv', async () => {
  if (state.log.length === 0) throw new Refusal('Read the log first.');
  download('lock-log.csv', toCsv(state.log, state.zone.offsetMinutes, state.zone.dst));
  return 'Exported lock-log.csv.';
});

showLink();
