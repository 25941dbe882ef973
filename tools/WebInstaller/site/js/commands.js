// Every admin command (docs/ble-protocol.md, "Commands"): its code, its arguments' bytes and its response's
// fields. The names here are the page's names in the table "lockctl and the installer page" of that document.
import { concat, u32, i64, getU16, getI16, getU32, getI32, getI64, ascii } from './bytes.js';

export const Role = { setup: 0, installer: 1, owner: 2 };
export const RoleName = ['setup', 'installer', 'owner'];
export const Status = ['Ok', 'Denied', 'BadArguments', 'Failed', 'UnknownCommand', 'NoSession', 'RoleNotAvailable', 'HandshakeFailed', 'Throttled', 'SessionEnded'];
export const LockStateName = ['unknown', 'locked', 'unlocking', 'unlocked', 'locking', 'jammed'];
export const CONFIG_SIZE = 16;
export const LOG_RECORD_SIZE = 13;
export const MAX_LOG_RECORDS = 70;

const none = () => new Uint8Array(0);
const empty = () => ({});

function byte(v, what, min = 0, max = 255) {
  if (!Number.isInteger(v) || v < min || v > max) throw new Error(`${what} must be a whole number from ${min} to ${max}`);
  return Uint8Array.of(v);
}

function key16(k, what) {
  if (!(k instanceof Uint8Array) || k.length !== 16) throw new Error(`${what} must be 16 bytes`);
  return k;
}

export const COMMANDS = {
  info: {
    code: 0x01, label: 'Read info',
    encode: none,
    decode: (d) => ({ protocol: d[0], provisioned: d[1] === 1, keypads: d[2], pins: d[3], nextSequence: getU32(d, 4) }),
  },
  status: {
    code: 0x02, label: 'Read status',
    encode: none,
    decode: (d) => ({
      state: LockStateName[d[0]] ?? `state ${d[0]}`, doorClosed: d[1] === 1, lockedOut: d[2] === 1,
      timeUnknown: d[3] === 1, setupWindow: d[4] === 1, motor: d[5], timeMs: getI64(d, 6),
    }),
  },
  setTime: {
    code: 0x03, label: 'Set the time',
    encode: (utcMs) => {
      if (!Number.isFinite(utcMs) || utcMs < 1735689600000) throw new Error('the time must be after 2025-01-01');
      return i64(utcMs);
    },
    decode: empty,
  },
  getConfig: { code: 0x04, label: 'Read settings', encode: none, decode: (d) => decodeConfig(d) },
  setConfig: { code: 0x05, label: 'Save settings', encode: (c) => encodeConfig(c), decode: empty },
  provisionSecret: {
    code: 0x06, label: 'Provision',
    encode: (secret) => {
      if (!(secret instanceof Uint8Array) || secret.length !== 32) throw new Error('the lock secret must be 32 bytes');
      return secret;
    },
    decode: empty,
  },
  setRoleKey: {
    code: 0x07, label: 'Set a role key',
    encode: (role, key) => concat(byte(role, 'role', 1, 2), key16(key, 'role key')),
    decode: empty,
  },
  addKeypad: { code: 0x08, label: 'Register keypad', encode: (id, key) => concat(byte(id, 'keypad id'), key16(key, 'keypad key')), decode: empty },
  removeKeypad: { code: 0x09, label: 'Remove keypad', encode: (id) => byte(id, 'keypad id'), decode: empty },
  addPin: {
    code: 0x0a, label: 'Add PIN',
    encode: (digits) => {
      if (!/^[0-9]{10,12}$/.test(digits)) throw new Error('a PIN is 10 to 12 digits');
      return concat(Uint8Array.of(digits.length), ascii(digits));
    },
    decode: (d) => ({ slot: d[0] }),
  },
  removePin: { code: 0x0b, label: 'Remove PIN', encode: (slot) => byte(slot, 'PIN slot'), decode: empty },
  revokeAll: { code: 0x0c, label: 'Revoke all codes', encode: none, decode: empty },
  readLog: {
    code: 0x0d, label: 'Read the log',
    encode: (since = 0, max = MAX_LOG_RECORDS) => concat(u32(since), byte(max, 'max records', 0, MAX_LOG_RECORDS)),
    decode: (d) => {
      const records = [];
      for (let i = 0; i < d[0]; i++) {
        const at = 1 + i * LOG_RECORD_SIZE;
        records.push({ sequence: getU32(d, at), time: getU32(d, at + 4), type: d[at + 8], data: getU32(d, at + 9) });
      }
      return { records };
    },
  },
  lock: { code: 0x0e, label: 'Lock', encode: none, decode: empty },
  unlock: { code: 0x0f, label: 'Unlock', encode: none, decode: empty },
  factoryReset: { code: 0x10, label: 'Factory reset', encode: none, decode: empty },
  clearLockout: { code: 0x11, label: 'Clear keypad lockout', encode: none, decode: empty },
  pairKeypad: {
    code: 0x12, label: 'Pair a keypad at the door',
    encode: none,
    decode: (d) => ({ id: d[0], code: String.fromCharCode(...d.subarray(1, 21)) }),
  },
};

export function commandName(code) {
  return Object.keys(COMMANDS).find((n) => COMMANDS[n].code === code);
}

/** The request bytes of a command: code, then its arguments. */
export function request(name, ...args) {
  const c = COMMANDS[name];
  if (!c) throw new Error(`unknown command '${name}'`);
  return concat(Uint8Array.of(c.code), c.encode(...args));
}

/** Config block (16 bytes): relock ms, motor ms, door sensor, free failures, refill h, offset min, code length, DST rule. */
export function decodeConfig(d) {
  return {
    relockMs: getI32(d, 0), motorMs: getI32(d, 4), doorSensor: d[8] === 1, freeFailures: d[9], refillHours: getU16(d, 10),
    offsetMinutes: getI16(d, 12), codeLength: d[14], dst: d[15],
  };
}

export function encodeConfig(c) {
  const b = new Uint8Array(CONFIG_SIZE);
  const v = new DataView(b.buffer);
  v.setInt32(0, c.relockMs, true);
  v.setInt32(4, c.motorMs, true);
  b[8] = c.doorSensor ? 1 : 0;
  b[9] = c.freeFailures;
  v.setUint16(10, c.refillHours, true);
  v.setInt16(12, c.offsetMinutes, true);
  b[14] = c.codeLength;
  b[15] = c.dst;
  return b;
}

// Why a role may not do something (tools/LockCtl/README.md, "What each role may do"), said when the lock answers Denied.
const RULES = {
  setTime: 'an installer may set the clock only while it is unknown, and not before the latest time in the log; moving a set clock is for the owner',
  getConfig: 'settings are for the installer and the owner',
  setConfig: 'settings are for the installer and the owner; the time zone and summer-time rule move weekly schedules, so only the owner may change them',
  provisionSecret: 'the setup key stores a secret only on an unprovisioned lock; the owner may rotate it',
  setRoleKey: 'role keys are set by the setup key or the owner',
  addKeypad: 'keypads are registered by the installer or the owner',
  removeKeypad: 'keypads are removed by the installer or the owner',
  addPin: 'PINs are for the owner only',
  removePin: 'PINs are for the owner only',
  revokeAll: 'revoking codes is for the owner only',
  readLog: 'the log is for the installer and the owner',
  lock: 'locking from the app is for the owner only',
  unlock: 'unlocking from the app is for the owner only',
  factoryReset: 'a factory reset needs the setup key or the owner key, and the setup window open (hold the inside button 5 s)',
  clearLockout: 'clearing the keypad lockout is for the owner only (or hold the inside button 5 s)',
  pairKeypad: 'keypads are paired by the installer or the owner',
};

const WHY = {
  BadArguments: 'the lock refused the values',
  Failed: 'the lock could not do it (storage full or failing, or nothing to change)',
  UnknownCommand: 'this lock does not know the command (older firmware?)',
  NoSession: 'no session: sign in again',
  SessionEnded: 'the session ended (timeout or link lost): sign in again',
};

/** A refusal in words: "Refused: Unlock. unlocking from the app is for the owner only (signed in as installer)." */
export function refusalWords(name, status, role) {
  const s = typeof status === 'number' ? Status[status] ?? `status ${status}` : status;
  const label = COMMANDS[name]?.label ?? name;
  if (s === 'Denied') return `Refused: ${label}. ${cap(RULES[name] ?? 'not allowed for this role')} (signed in as ${RoleName[role]}).`;
  if (name === 'setConfig' && s === 'BadArguments') {
    return 'Refused: Save settings. Limits: relock 3-600 s, motor 500-10,000 ms, free failures 1-5, refill 336-8,760 h, offset -720..840 min (the throttle may only get stricter).';
  }
  return `Refused: ${label}. ${cap(WHY[s] ?? s)}.`;
}

/** A failed sign-in in words. */
export function signInWords(status, role) {
  if (status === 'NotGenuine') {
    return role === Role.setup
      ? 'Wrong setup key: the lock did not prove it knows this key. Check the label (or scan its QR code) and type it again. Nothing was sent to the lock.'
      : `Wrong ${RoleName[role]} key, or not your lock: the lock did not prove it knows this key. Nothing was sent to it.`;
  }
  const s = Status[status] ?? status;
  if (s === 'RoleNotAvailable') {
    return role === Role.setup
      ? 'The setup window is closed: hold the lock\'s inside button 5 s (the LED blinks), then sign in within 2 minutes.'
      : `This lock has no ${RoleName[role]} key yet: provision it first with its setup key.`;
  }
  if (s === 'Throttled') return 'Too many failed sign-ins: the lock waits before the next try (1 s, doubling up to 64 s). Try again shortly.';
  if (s === 'HandshakeFailed') return 'The lock refused the key (wrong key).';
  return `Sign-in failed: ${s}.`;
}

function cap(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
