// Browser test: the installer page in Debian's headless Chromium (driven by playwright-core, no browser download)
// against `locksim serve --web`. Provision over WebSocket, register a keypad, set the time, a courier code typed
// through `lockctl keypad enter` opens, and the page's log shows the delivery in words; a wrong setup key and an
// installer-only refusal are shown in words. Screenshots at phone and desktop widths go to screenshots/.
//
//   node e2e/browser.mjs          (LOCKSIM_DLL, LOCKCTL_DLL: built locksim.dll and lockctl.dll; defaults: bin/Debug)
//
// Exit 0 passed, 1 failed, 77 skipped (no chromium: `apt-get install -y chromium`). Prints one line per check.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const locksim = process.env.LOCKSIM_DLL ?? join(repo, 'tools/LockSim/bin/Debug/net10.0/locksim.dll');
const lockctl = process.env.LOCKCTL_DLL ?? join(repo, 'tools/LockCtl/bin/Debug/net10.0/lockctl.dll');
const shots = join(here, '..', 'screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

if (!existsSync(chromiumPath)) {
  console.log(`SKIPPED: ${chromiumPath} not found; install it with: apt-get install -y chromium`);
  process.exit(77);
}
for (const dll of [locksim, lockctl]) {
  if (!existsSync(dll)) {
    console.log(`FAILED: ${dll} not built (dotnet build tools/LockSim tools/LockCtl)`);
    process.exit(1);
  }
}

const { chromium } = await import('playwright-core');
const work = mkdtempSync(join(tmpdir(), 'webinstaller-'));
let server;
let context;
let failed = 0;

function check(ok, what) {
  console.log(`${ok ? 'ok' : 'FAILED'}: ${what}`);
  if (!ok) failed++;
  return ok;
}

function startLockSim() {
  return new Promise((resolve, reject) => {
    const p = spawn('dotnet', [locksim, 'serve', '--web', '--web-port', '0', '--setup-window'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const seen = {};
    let out = '';
    const timer = setTimeout(() => reject(new Error(`locksim serve did not start: ${out}`)), 60000);
    p.stdout.on('data', (d) => {
      out += d;
      seen.target ??= /LockSim serving (sim:\/\/\S+)/.exec(out)?.[1];
      seen.setupKey ??= /setup key[^:]*: ([0-9a-f]{32})/.exec(out)?.[1];
      seen.url ??= /installer page: (http:\/\/\S+)/.exec(out)?.[1];
      if (seen.target && seen.setupKey && seen.url) {
        clearTimeout(timer);
        resolve({ process: p, ...seen });
      }
    });
    p.stderr.on('data', (d) => (out += d));
    p.on('exit', (code) => reject(new Error(`locksim exited ${code}: ${out}`)));
  });
}

function ctl(...args) {
  return execFileSync('dotnet', [lockctl, ...args], { encoding: 'utf8' }).trim();
}

// The phone shot is what a phone shows with that section in view (and the task's answer at the bottom); the desktop
// shot is the whole page.
async function shoot(page, name, section) {
  await page.setViewportSize(PHONE);
  await page.evaluate((id) => document.getElementById(id).scrollIntoView(), section);
  await page.screenshot({ path: join(shots, `${name}-phone.png`) });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: join(shots, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
}

// Clicks a button and returns the message the page shows for it.
async function act(page, id) {
  await page.evaluate(() => {
    const m = document.getElementById('message');
    m.textContent = '';
  });
  await page.click(`#${id}`);
  await page.waitForFunction((b) => document.getElementById('message').textContent !== '' && !document.getElementById(b).disabled, id, { timeout: 20000 });
  return page.textContent('#message');
}

// Clicks a button that downloads files; returns { name: text } once `count` downloads arrived.
async function downloads(page, id, count) {
  const files = {};
  const done = new Promise((resolve) => {
    const on = async (d) => {
      const path = await d.path();
      files[d.suggestedFilename()] = readFileSync(path, 'utf8');
      if (Object.keys(files).length === count) {
        page.off('download', on);
        resolve();
      }
    };
    page.on('download', on);
  });
  await act(page, id);
  await Promise.race([done, new Promise((r) => setTimeout(r, 10000))]);
  return files;
}

async function expectMessage(page, id, pattern, what) {
  const text = await act(page, id);
  check(pattern.test(text), `${what}: "${text}"`);
  return text;
}

try {
  mkdirSync(shots, { recursive: true });
  server = await startLockSim();
  context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    viewport: PHONE,
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  check((await page.textContent('#secrets-note')).includes("Secrets stay in this page's memory"), 'the page says where secrets live');
  await shoot(page, '1-start', 'connect');

  await expectMessage(page, 'connect-ws', /Connected to LockSim/, 'connects over WebSocket');
  await page.selectOption('#role', '0');
  await page.fill('#key', 'ffffffffffffffffffffffffffffffff');
  await expectMessage(page, 'sign-in', /^Wrong setup key: the lock did not prove it knows this key/, 'a wrong setup key is refused in words');
  await shoot(page, '2-wrong-setup-key', 'signin');

  await page.waitForTimeout(1200); // the lock backs off 1 s after a failed handshake
  await page.fill('#key', server.setupKey);
  await expectMessage(page, 'sign-in', /^Signed in as setup\./, 'signs in with the label\'s setup key');
  await expectMessage(page, 'make-keys', /New lock secret and keys made/, 'makes the secret and keys in the browser');
  const secret = (await page.textContent('#secret-hex')).trim();
  check(/^[0-9a-f]{64}$/.test(secret), 'the secret is shown for export');
  const exported = await downloads(page, 'export-keys', 3);
  check(exported['secret.hex'] === secret + '\n' && /^[0-9a-f]{32}\n$/.test(exported['installer.key'] ?? '') && /^[0-9a-f]{32}\n$/.test(exported['owner.key'] ?? ''),
    `exports secret.hex, installer.key and owner.key in lockctl's formats (${Object.keys(exported).join(', ')})`);
  await expectMessage(page, 'provision-lock', /^Provisioned: .* Now signed in as installer\.$/, 'provisions the lock');
  await shoot(page, '3-provisioned', 'provision');

  await page.fill('#keypad-id', '1');
  await expectMessage(page, 'make-keypad-key', /New keypad key made/, 'makes a keypad key');
  const keypadKey = (await page.inputValue('#keypad-key')).trim();
  const keypadExport = await downloads(page, 'export-keypad-key', 1);
  check(keypadExport['keypad-1.key'] === keypadKey + '\n', 'exports keypad-1.key');
  await expectMessage(page, 'add-keypad', /^Keypad 1 registered\.$/, 'registers keypad 1');

  await expectMessage(page, 'read-config', /^Settings read\.$/, 'reads the settings');
  await page.fill('input[name=relockS]', '1');
  await expectMessage(page, 'save-config', /^Refused: Save settings\. Limits: relock 3-600 s/, 'a relock time out of limits is refused in words');
  await page.fill('input[name=relockS]', '20');
  await page.fill('input[name=offsetMinutes]', '60');
  await page.selectOption('select[name=dst]', '0');
  await expectMessage(page, 'save-config', /^Settings saved\.$/, 'saves relock time and time zone (UTC+1, no summer time)');
  await shoot(page, '4a-settings', 'settings');

  await expectMessage(page, 'set-time', /^Refused: Set the time\. An installer may set the clock only while it is unknown.*\(signed in as installer\)\.$/,
    'an installer may not move a set clock: refused in words');
  await expectMessage(page, 'unlock', /^Refused: Unlock\. Unlocking from the app is for the owner only \(signed in as installer\)\.$/, 'installer may not unlock: refused in words');
  await shoot(page, '4-installer-refused', 'owner');

  await page.selectOption('#role', '2'); // the page fills in the owner key it made
  await expectMessage(page, 'sign-in', /^Signed in as owner\./, 'signs in as owner with the key in memory');
  await expectMessage(page, 'set-time', /^Lock clock set to /, 'the owner sets the time from the phone');
  await page.fill('#pin', '4444333322');
  await expectMessage(page, 'add-pin', /^PIN stored in slot \d \(as a keyed digest\)\.$/, 'the owner adds a PIN');

  // A courier: the issuer mints a one-time code from the exported secret; the keypad (lockctl) sends it.
  const secretFile = join(work, 'secret.hex');
  const keypadFile = join(work, 'keypad-1.key');
  writeFileSync(secretFile, exported['secret.hex'] ?? '');
  writeFileSync(keypadFile, keypadExport['keypad-1.key'] ?? '');
  const hour = new Date(Math.floor(Date.now() / 3600000) * 3600000).toISOString().slice(0, 13) + ':00Z';
  const code = ctl('code', 'issue', '--secret-file', secretFile, '--type', 'one-time', '--start', hour, '--hours', '2');
  check(/^\d{10}$/.test(code), `issued a courier code ${code}`);
  ctl('keypad', 'enter', code, '--id', '1', '--keypad-key-file', keypadFile, '--target', server.target);
  await page.waitForTimeout(1500);

  await expectMessage(page, 'read-status', /Status read/, 'reads the status after the link was taken over (reconnects)');
  await shoot(page, '5-status', 'status');
  await expectMessage(page, 'read-log', /events read/, 'reads the log');
  const rows = await page.$$eval('#log-table tbody tr', (trs) => trs.map((tr) => tr.textContent));
  const utcHour = Number(hour.slice(11, 13));
  const local = (h) => String((h + 1) % 24).padStart(2, '0'); // the lock's zone: UTC+1, no summer time
  const delivery = new RegExp(`one-time code #\\d+ for ${local(utcHour)}:00-${local(utcHour + 2)}:00 accepted`);
  check(rows.some((r) => delivery.test(r)), `the log shows the delivery in words, in the lock's local time (${delivery.source})`);
  check(/UTC\+1 h/.test(await page.textContent('#log-zone')), 'the log names the lock\'s zone');
  check(rows.some((r) => /owner: add a PIN/.test(r)) && rows.some((r) => /installer: change the configuration/.test(r)), 'the log shows the PIN and the settings change');
  check(rows.some((r) => /bolt retracted/.test(r)) && rows.some((r) => /unlock: code or PIN/.test(r)), 'the log shows the bolt opening for the code');
  check(rows.some((r) => /installer: set the time refused \(not allowed for this role\)/.test(r)), 'the log shows the refusal');
  check(!rows.some((r) => /0x[0-9A-F]{6}/.test(r)), 'no hex in the log table');
  await shoot(page, '6-log', 'log');
  const csv = (await downloads(page, 'export-csv', 1))['lock-log.csv'] ?? '';
  check(csv.startsWith('sequence,time,type,data,local time,event\n') && /,CodeAccepted,0x[0-9A-F]{8},[^,]+,"one-time code #\d+ for /.test(csv),
    'exports the log as CSV with lockctl\'s columns');
  check(errors.length === 0, `no script errors on the page ${errors.join('; ')}`);

  // The Web Bluetooth transport, with navigator.bluetooth standing in for the radio (e2e/fake-bluetooth.js).
  const ble = await context.newPage();
  await ble.addInitScript({ path: join(here, 'fake-bluetooth.js') });
  await ble.goto(server.url);
  check(await ble.isHidden('#ble-missing'), 'the page sees Web Bluetooth');
  await expectMessage(ble, 'connect-ble', /^Connected to LockFW\. Sign in next\.$/, 'connects over Web Bluetooth');
  await ble.selectOption('#role', '2');
  await ble.fill('#key', (exported['owner.key'] ?? '').trim());
  await expectMessage(ble, 'sign-in', /^Signed in as owner\./, 'signs in as owner over Web Bluetooth');
  await expectMessage(ble, 'read-log', /events read/, 'reads the whole log over Web Bluetooth');
  const fake = await ble.evaluate(() => window.fakeBluetooth);
  check(fake.writes.length > 3 && fake.writes.every((n) => n <= 20), `every Bluetooth write fits the default MTU (${fake.writes.length} writes)`);
  await ble.close();
} catch (e) {
  check(false, `browser test stopped: ${e.stack ?? e}`);
} finally {
  if (context) await context.close();
  if (server) {
    // locksim must stop on SIGTERM with the page served (the web host must not hold the signal).
    const p = server.process;
    const exited = p.exitCode !== null || (p.kill('SIGTERM') && (await new Promise((r) => {
      p.once('exit', () => r(true));
      setTimeout(() => r(false), 10000);
    })));
    if (!check(exited, 'locksim serve --web exits on SIGTERM')) p.kill('SIGKILL');
  }
  rmSync(work, { recursive: true, force: true });
}

console.log(failed === 0 ? 'PASSED: browser test' : `FAILED: ${failed} checks`);
process.exit(failed === 0 ? 0 : 1);
