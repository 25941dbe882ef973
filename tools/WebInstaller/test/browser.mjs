// Browser test: the installer page in Debian's headless Chromium (driven by playwright-core, no browser download)
// against `locksim serve --web`. Provision over WebSocket, register a keypad, set the time, a courier code typed
// through `lockctl keypad enter` opens, and the page's log shows the delivery in words; a wrong setup key and an
// installer-only refusal are shown in words. Screenshots at phone and desktop widths go to screenshots/.
//
//   node test/browser.mjs          (LOCKSIM_DLL, LOCKCTL_DLL: built locksim.dll and lockctl.dll; defaults: bin/Debug)
//
// Exit 0 passed, 1 failed, 77 skipped (no chromium: `apt-get install -y chromium`). Prints one line per check.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
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

async function shoot(page, name) {
  for (const [size, tag] of [[PHONE, 'phone'], [DESKTOP, 'desktop']]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(shots, `${name}-${tag}.png`), fullPage: true });
  }
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
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  check((await page.textContent('#secrets-note')).includes("Secrets stay in this page's memory"), 'the page says where secrets live');
  await shoot(page, '1-start');

  await expectMessage(page, 'connect-ws', /Connected to LockSim/, 'connects over WebSocket');
  await page.selectOption('#role', '0');
  await page.fill('#key', 'ffffffffffffffffffffffffffffffff');
  await expectMessage(page, 'sign-in', /^Wrong setup key: the lock did not prove it knows this key/, 'a wrong setup key is refused in words');
  await shoot(page, '2-wrong-setup-key');

  await page.waitForTimeout(1200); // the lock backs off 1 s after a failed handshake
  await page.fill('#key', server.setupKey);
  await expectMessage(page, 'sign-in', /^Signed in as setup\./, 'signs in with the label\'s setup key');
  await expectMessage(page, 'make-keys', /New lock secret and keys made/, 'makes the secret and keys in the browser');
  const secret = (await page.textContent('#secret-hex')).trim();
  check(/^[0-9a-f]{64}$/.test(secret), 'the secret is shown for export');
  await expectMessage(page, 'provision-lock', /^Provisioned: .* Now signed in as installer\.$/, 'provisions the lock');
  await shoot(page, '3-provisioned');

  await page.fill('#keypad-id', '1');
  await expectMessage(page, 'make-keypad-key', /New keypad key made/, 'makes a keypad key');
  const keypadKey = (await page.inputValue('#keypad-key')).trim();
  await expectMessage(page, 'add-keypad', /^Keypad 1 registered\.$/, 'registers keypad 1');

  await expectMessage(page, 'set-time', /^Refused: Set the time\. An installer may set the clock only while it is unknown.*\(signed in as installer\)\.$/,
    'an installer may not move a set clock: refused in words');
  await expectMessage(page, 'unlock', /^Refused: Unlock\. Unlocking from the app is for the owner only \(signed in as installer\)\.$/, 'installer may not unlock: refused in words');
  await shoot(page, '4-installer-refused');

  await page.selectOption('#role', '2'); // the page fills in the owner key it made
  await expectMessage(page, 'sign-in', /^Signed in as owner\./, 'signs in as owner with the key in memory');
  await expectMessage(page, 'set-time', /^Lock clock set to /, 'the owner sets the time from the phone');

  // A courier: the issuer mints a one-time code from the exported secret; the keypad (lockctl) sends it.
  const secretFile = join(work, 'secret.hex');
  const keypadFile = join(work, 'keypad.key');
  writeFileSync(secretFile, secret + '\n');
  writeFileSync(keypadFile, keypadKey + '\n');
  const hour = new Date(Math.floor(Date.now() / 3600000) * 3600000).toISOString().slice(0, 13) + ':00Z';
  const code = ctl('code', 'issue', '--secret-file', secretFile, '--type', 'one-time', '--start', hour, '--hours', '2');
  check(/^\d{10}$/.test(code), `issued a courier code ${code}`);
  ctl('keypad', 'enter', code, '--id', '1', '--keypad-key-file', keypadFile, '--target', server.target);
  await page.waitForTimeout(1500);

  await expectMessage(page, 'read-status', /Status read/, 'reads the status after the link was taken over (reconnects)');
  await shoot(page, '5-status');
  await expectMessage(page, 'read-log', /events read/, 'reads the log');
  const rows = await page.$$eval('#log-table tbody tr', (trs) => trs.map((tr) => tr.textContent));
  check(rows.some((r) => /one-time code #\d+ for \d\d:00-\d\d:00 accepted/.test(r)), 'the log shows the delivery in words');
  check(rows.some((r) => /bolt retracted/.test(r)) && rows.some((r) => /unlock: code or PIN/.test(r)), 'the log shows the bolt opening for the code');
  check(rows.some((r) => /installer: set the time refused \(not allowed for this role\)/.test(r)), 'the log shows the refusal');
  check(!rows.some((r) => /0x[0-9A-F]{6}/.test(r)), 'no hex in the log table');
  await page.evaluate(() => document.getElementById('log').scrollIntoView());
  await shoot(page, '6-log');
  check(errors.length === 0, `no script errors on the page ${errors.join('; ')}`);
} catch (e) {
  check(false, `browser test stopped: ${e.stack ?? e}`);
} finally {
  if (context) await context.close();
  if (server) server.process.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}

console.log(failed === 0 ? 'PASSED: browser test' : `FAILED: ${failed} checks`);
process.exit(failed === 0 ? 0 : 1);
