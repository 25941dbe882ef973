// Every admin command's request bytes (docs/ble-protocol.md, "Commands"), and the table "lockctl and the installer
// page" in that document against the page's client.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fromHex, hex } from '../site/js/bytes.js';
import { COMMANDS, request, decodeConfig, encodeConfig, refusalWords, signInWords, Role } from '../site/js/commands.js';

const key = fromHex('000102030405060708090a0b0c0d0e0f');

test('every command encodes as the protocol document says', () => {
  const cases = {
    info: [[], '01'],
    status: [[], '02'],
    setTime: [[1795615200123], '03' + '7b930113a2010000'],
    getConfig: [[], '04'],
    setConfig: [[{ relockMs: 15000, motorMs: 2500, doorSensor: true, freeFailures: 5, refillHours: 336, offsetMinutes: -300, codeLength: 10, dst: 2 }],
      '05' + '983a0000' + 'c4090000' + '01' + '05' + '5001' + 'd4fe' + '0a' + '02'],
    provisionSecret: [[new Uint8Array(32).fill(0xab)], '06' + 'ab'.repeat(32)],
    setRoleKey: [[2, key], '0702' + hex(key)],
    addKeypad: [[4, key], '0804' + hex(key)],
    removeKeypad: [[4], '0904'],
    addPin: [['4444333322'], '0a0a' + '34343434333333333232'],
    removePin: [[1], '0b01'],
    revokeAll: [[], '0c'],
    readLog: [[258, 70], '0d' + '02010000' + '46'],
    lock: [[], '0e'],
    unlock: [[], '0f'],
    factoryReset: [[], '10'],
    clearLockout: [[], '11'],
    pairKeypad: [[], '12'],
  };
  assert.deepEqual(Object.keys(cases).sort(), Object.keys(COMMANDS).sort(), 'a case for every command');
  for (const [name, [args, want]] of Object.entries(cases)) {
    assert.equal(hex(request(name, ...args)), want, name);
  }
});

test('bad arguments are refused in the page, before the radio', () => {
  assert.throws(() => request('addPin', '123'), /10 to 12 digits/);
  assert.throws(() => request('addKeypad', 256, key), /0 to 255/);
  assert.throws(() => request('setRoleKey', 0, key), /1 to 2/);
  assert.throws(() => request('provisionSecret', new Uint8Array(16)), /32 bytes/);
  assert.throws(() => request('setTime', 0), /after 2025/);
  assert.throws(() => request('nope'), /unknown command/);
});

test('responses decode: config round trip, status, log records', () => {
  const c = { relockMs: 30000, motorMs: 800, doorSensor: false, freeFailures: 3, refillHours: 720, offsetMinutes: 330, codeLength: 10, dst: 1 };
  assert.deepEqual(decodeConfig(encodeConfig(c)), c);
  const s = COMMANDS.status.decode(fromHex('010100000100' + '7b930113a2010000'));
  assert.equal(s.state, 'locked');
  assert.equal(s.setupWindow, true);
  assert.equal(s.timeMs, 1795615200123);
  const log = COMMANDS.readLog.decode(fromHex('02' + '05000000' + 'e0bd066b' + '20' + '93410301' + '06000000' + 'e0bd066b' + '66' + '00000000'));
  assert.deepEqual(log.records[0], { sequence: 5, time: 0x6b06bde0, type: 0x20, data: 0x01034193 });
  assert.equal(log.records[1].type, 0x66);
  assert.deepEqual(COMMANDS.info.decode(fromHex('0101020309000000')), { protocol: 1, provisioned: true, keypads: 2, pins: 3, nextSequence: 9 });
});

test('refusals read as words with the rule that applies', () => {
  assert.match(refusalWords('unlock', 1, Role.installer), /^Refused: Unlock\. Unlocking from the app is for the owner only \(signed in as installer\)\.$/);
  assert.match(refusalWords('setTime', 1, Role.installer), /only while it is unknown/);
  assert.match(signInWords('NotGenuine', Role.setup), /^Wrong setup key/);
  assert.match(signInWords(6, Role.setup), /setup window is closed/);
});

// | command | code | roles | lockctl | page |
function table() {
  const doc = readFileSync(new URL('../../../docs/ble-protocol.md', import.meta.url), 'utf8');
  const at = doc.indexOf('## Commands: lockctl and the installer page');
  assert.ok(at >= 0, 'docs/ble-protocol.md has the section "Commands: lockctl and the installer page"');
  const rows = doc.slice(at).split('\n').filter((l) => /^\| [A-Z]/.test(l) && !l.startsWith('| command'));
  return rows.map((l) => l.split('|').slice(1, -1).map((c) => c.trim().replace(/`/g, '')));
}

test('the document\'s command table names every command of the page with its code and button', () => {
  const rows = table();
  const html = readFileSync(new URL('../site/index.html', import.meta.url), 'utf8');
  assert.equal(rows.length, Object.keys(COMMANDS).length, 'one row per command');
  for (const [, code, , page] of rows) {
    const name = page.split(' ')[0];
    assert.ok(COMMANDS[name], `page name '${name}' is a command of js/commands.js`);
    assert.equal(COMMANDS[name].code, parseInt(code, 16), `${name}'s code`);
    assert.ok(html.includes(`data-command="${name}"`) || ['info', 'getConfig', 'readLog', 'status', 'setRoleKey'].includes(name) && html.includes(`data-uses="${name}"`),
      `index.html has a control for ${name}`);
  }
});
