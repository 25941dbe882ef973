// Event-log records in words, in the lock's local time: a line-by-line copy of Core's EventWords
// (firmware/LockFirmware.Core/Storage/EventWords.cs), checked against it on docs/vectors/event-words.json.

const EPOCH_2025 = 1735689600;
const ONE_TIME_HOURS = [1, 2, 4, 8];
const WINDOW_HOURS = [12, 24, 48, 72, 168, 336, 720, 2160];
const SPAN_HOURS = [2, 4, 8, 12];
const ROLES = ['setup', 'installer', 'owner'];
const COMMANDS = [
  '?', 'read info', 'read status', 'set the time', 'read the configuration', 'change the configuration',
  'store the lock secret', 'set a role key', 'register a keypad', 'remove a keypad', 'add a PIN',
  'remove a PIN', 'revoke all codes', 'read the log', 'lock', 'unlock', 'factory reset', 'clear the keypad lockout',
];
const STATUSES = [
  'done', 'not allowed for this role', 'bad arguments', 'failed', 'unknown command', 'no session',
  'role not available', 'handshake failed', 'too many attempts, wait', 'session ended',
];
const FRAME_ERRORS = ['?', 'bad size', 'bad length', 'no start', 'out of order', 'overrun', 'truncated'];
const KEYPAD_REASONS = ['?', 'malformed', 'unknown keypad', 'bad tag (wrong key or tampered)', 'replayed', 'could not be recorded'];

export const EventType = {
  Boot: 0x01, PowerLossRecovered: 0x02, ClockSet: 0x03, ClockUnknown: 0x04, ClockWentBackwards: 0x05, LowBattery: 0x06,
  StorageCorruptionSkipped: 0x07, FactoryReset: 0x08, Provisioned: 0x09, ConfigChanged: 0x0a, SoftwareFault: 0x0b,
  CodeAccepted: 0x20, CodeRejectedFormat: 0x21, CodeRejectedTag: 0x22, CodeRejectedNotYetValid: 0x23, CodeRejectedExpired: 0x24,
  CodeRejectedReplayed: 0x25, CodeRejectedRevoked: 0x26, CodeRejectedClockUnknown: 0x27, CodeRejectedLockedOut: 0x28,
  CodeRejectedNotActivated: 0x29, CodeRejectedOutsideSchedule: 0x2a, LockoutStarted: 0x2b, LockoutEnded: 0x2c,
  RevokeAllApplied: 0x2d, PinAccepted: 0x2e, PinRejected: 0x2f, CodeRejectedUnprovisioned: 0x30, CodeRejectedStoreFailed: 0x31,
  CodeRejectedTableFull: 0x32,
  UnlockRequested: 0x60, BoltRetracted: 0x61, BoltExtended: 0x62, BoltJammed: 0x63, BoltRetry: 0x64, BoltPositionUnknown: 0x65,
  DoorOpened: 0x66, DoorClosed: 0x67, AutoRelock: 0x68, LockRequested: 0x69, InsideButton: 0x6a, SetupWindowOpened: 0x6b,
  SetupWindowClosed: 0x6c, SwitchFault: 0x6d, DoorOpenWhileLocking: 0x6e,
  KeypadEntryRejected: 0xa0, AdminSessionOpened: 0xa1, AdminSessionFailed: 0xa2, AdminSessionEnded: 0xa3, AdminCommand: 0xa4,
  FrameRejected: 0xa5, RejectionsSuppressed: 0xa6, AdminRecordsSuppressed: 0xa7,
};

export function typeName(type) {
  return Object.keys(EventType).find((k) => EventType[k] === type) ?? `Unknown(0x${hex(type, 2)})`;
}

/** Local time of a record: "2026-11-30 14:05:12", or "clock unknown (+N s)" before the clock was set. */
export function eventTime(seconds, offsetMinutes, dst) {
  if (seconds < EPOCH_2025) return `clock unknown (+${seconds} s)`;
  const local = toLocal(seconds, offsetMinutes, dst);
  const day = Math.floor(local / 86400);
  const s = local - day * 86400;
  return `${date(day)} ${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}

/** What a record ({type, time, data}) says, in words. */
export function describe(r, offsetMinutes, dst) {
  const d = r.data >>> 0;
  const T = (s) => eventTime(s, offsetMinutes, dst);
  const code = () => credential(r, offsetMinutes, dst);
  switch (r.type) {
    case 0x01: return 'lock started';
    case 0x02: return 'recovered after a power loss';
    case 0x03: return d < EPOCH_2025 ? 'clock set (it was unknown)' : `clock set (it read ${T(d)})`;
    case 0x04: return 'clock unknown: codes refused until the time is set';
    case 0x05: return `clock went back ${d < 1000 ? `${d} ms` : `${Math.floor(d / 1000)} s`}`;
    case 0x06: return 'battery low';
    case 0x07: return 'damaged storage skipped';
    case 0x08: return 'factory reset';
    case 0x09: return 'provisioned: lock secret stored';
    case 0x0a: return 'configuration changed';
    case 0x0b: return d === 0 ? 'software fault: an event was dropped, the lock carried on' : `software fault: a ${d === 2 ? 'keypad' : 'admin'} message was dropped, the lock carried on`;
    case 0x20: return `${code()} accepted`;
    case 0x21: return `entry of ${d} digits refused: not a code`;
    case 0x22: return `wrong code (${d} digits)`;
    case 0x23: return `${code()} refused: not valid yet`;
    case 0x24: return `${code()} refused: expired`;
    case 0x25: return `${code()} refused: already used`;
    case 0x26: return `${code()} refused: revoked`;
    case 0x27: return `code refused: the clock is unknown (${d} digits)`;
    case 0x28: return `entry refused: keypad locked out until ${T(d)}`;
    case 0x29: return `${code()} refused: first use came too late`;
    case 0x2a: return `${code()} refused: outside its days or hours`;
    case 0x2b: return `keypad locked out until ${T(d)} (too many wrong entries)`;
    case 0x2c: return 'keypad lockout cleared';
    case 0x2d: return d >>> 24 === 0 ? 'all earlier codes revoked' : `${code()} applied: earlier codes refused`;
    case 0x2e: return 'owner PIN accepted';
    case 0x2f: return 'owner PIN refused';
    case 0x30: return 'entry refused: the lock is not provisioned';
    case 0x31: return d >>> 24 === 0 ? 'entry refused: could not be recorded (flash failure)' : `${code()} refused: could not be recorded (flash failure)`;
    case 0x32: return `${code()} refused: table of live codes full`;
    case 0x60: return d === 1 ? 'unlock: code or PIN' : d === 2 ? "unlock: owner's command" : d === 3 ? 'unlock: inside button' : 'unlock';
    case 0x61: return `bolt retracted (${d} ms)`;
    case 0x62: return `bolt thrown: locked (${d} ms)`;
    case 0x63: return d === 1 ? 'bolt jammed while locking' : 'bolt jammed while unlocking';
    case 0x64: return d === 1 ? 'bolt stuck while locking: retrying' : 'bolt stuck while unlocking: retrying';
    case 0x65: return 'bolt position unknown';
    case 0x66: return 'door opened';
    case 0x67: return 'door closed';
    case 0x68: return 'relocking';
    case 0x69: return 'lock requested';
    case 0x6a: return d === 1 ? 'inside button held' : 'inside button pressed';
    case 0x6b: return `setup window opened for ${d} s`;
    case 0x6c: return 'setup window closed';
    case 0x6d: return 'bolt switches disagree';
    case 0x6e: return 'door opened while locking';
    case 0xa0: return `keypad ${d & 0xff}: entry refused (${pick(KEYPAD_REASONS, d >>> 8)})`;
    case 0xa1: return `${pick(ROLES, d)} signed in`;
    case 0xa2: return `sign-in as ${pick(ROLES, d)} failed (wrong key, or setup window closed)`;
    case 0xa3: return 'admin session ended';
    case 0xa4: {
      const status = (d >>> 8) & 0xff;
      const done = `${pick(ROLES, (d >>> 16) & 0xff)}: ${pick(COMMANDS, d & 0xff)}`;
      return status === 0 ? done : status === 3 ? `${done} failed` : `${done} refused (${pick(STATUSES, status)})`;
    }
    case 0xa5:
      return d >>> 8 === 0
        ? `admin message refused (${pick(STATUSES, d)})`
        : `${d >>> 8 === 1 ? 'admin' : 'keypad'} radio fragment refused (${pick(FRAME_ERRORS, d & 0xff)})`;
    case 0xa6: return `${d} more refused radio messages not logged`;
    case 0xa7: return `${d} more installer or setup commands not logged`;
    default: return `unknown event 0x${hex(r.type, 2)} (data 0x${hex(d, 8)})`;
  }
}

// "one-time code #3 for 14:00-16:00": type << 24 | index << 16 | the payload's low 16 bits (docs/access-codes.md).
function credential(r, offsetMinutes, dst) {
  const d = r.data >>> 0;
  const type = d >>> 24;
  const index = ` #${(d >>> 16) & 0xff}`;
  const p = d & 0xffff;
  const timed = r.time >= EPOCH_2025;
  const hour = timed ? Math.floor((r.time - EPOCH_2025) / 3600) : 0;
  switch (type) {
    case 1: {
      const hours = ONE_TIME_HOURS[(p >>> 4) & 3];
      const name = `one-time code${index}`;
      return timed ? `${name} for ${span(nearest(hour, p >>> 6, 1024), hours, hour, offsetMinutes, dst)}` : `${name} (${hours} h)`;
    }
    case 2: return `window code${index} (${length(WINDOW_HOURS[(p >>> 4) & 7])})`;
    case 3: return `weekly code${index} (${SPAN_HOURS[(p >>> 4) & 3]} h a day)`;
    case 4: {
      const name = `revoke-all code${index}`;
      return timed ? `${name} of ${clock(nearest(hour, p >>> 4, 4096), hour, offsetMinutes, dst)}` : name;
    }
    case 5: return `owner PIN (slot ${(d >>> 16) & 0xff})`;
    default: return `code of unknown type ${type}`;
  }
}

function nearest(hour, low, period) {
  let back = (hour - low) % period;
  if (back < 0) back += period;
  const start = hour - back;
  return back > period / 2 ? start + period : start;
}

function span(startHour, hours, hourNow, offsetMinutes, dst) {
  const end = seconds(startHour + hours);
  return `${clock(startHour, hourNow, offsetMinutes, dst)}-${hourMinute(toLocal(end, offsetMinutes, dst))}`;
}

function clock(hour, hourNow, offsetMinutes, dst) {
  const at = toLocal(seconds(hour), offsetMinutes, dst);
  const now = toLocal(seconds(hourNow), offsetMinutes, dst);
  const hm = hourMinute(at);
  return Math.floor(at / 86400) === Math.floor(now / 86400) ? hm : `${date(Math.floor(at / 86400))} ${hm}`;
}

function length(hours) {
  return hours % 24 === 0 ? `${hours / 24}${hours === 24 ? ' day' : ' days'}` : `${hours} h`;
}

function seconds(hourSince2025) {
  return EPOCH_2025 + hourSince2025 * 3600;
}

function toLocal(s, offsetMinutes, dst) {
  return s + 60 * localOffsetMinutes(offsetMinutes, dst, s * 1000);
}

function hourMinute(local) {
  const s = local - Math.floor(local / 86400) * 86400;
  return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}`;
}

// yyyy-mm-dd of a day since 1970.
function date(day) {
  const t = new Date(day * 86400000);
  return `${t.getUTCFullYear()}-${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())}`;
}

function two(v) {
  return String(v).padStart(2, '0');
}

function hex(v, digits) {
  return (v >>> 0).toString(16).toUpperCase().padStart(digits, '0');
}

function pick(words, i) {
  return i >= 0 && i < words.length ? words[i] : `#${i}`;
}

// Core's LocalTime: a standard offset plus one hour in summer under the EU (1) or US (2) rule.
const HOUR = 3600000;
const DAY = 86400000;

export function localOffsetMinutes(base, dst, utcMs) {
  return base + (inSummer(base, dst, utcMs) ? 60 : 0);
}

function inSummer(base, dst, utcMs) {
  if (dst !== 1 && dst !== 2) return false;
  const year = new Date(Math.floor(utcMs / DAY) * DAY).getUTCFullYear();
  let start;
  let end;
  if (dst === 1) {
    start = lastSunday(year, 3) * DAY + HOUR;
    end = lastSunday(year, 10) * DAY + HOUR;
  } else {
    const standard = base * 60000;
    start = nthSunday(year, 3, 2) * DAY + 2 * HOUR - standard;
    end = nthSunday(year, 11, 1) * DAY + HOUR - standard;
  }
  return utcMs >= start && utcMs < end;
}

function daysFromCivil(y, m, d) {
  return Date.UTC(y, m - 1, d) / DAY;
}

function weekday(day) {
  return (((day + 3) % 7) + 7) % 7; // Monday 0; 1970-01-01 was a Thursday
}

function lastSunday(year, month) {
  const last = daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1;
  return last - ((weekday(last) + 1) % 7);
}

function nthSunday(year, month, n) {
  const first = daysFromCivil(year, month, 1);
  return first + ((6 - weekday(first) + 7) % 7) + 7 * (n - 1);
}

/** The log as CSV (sequence, UTC time, type, data, local time, event), as `lockctl log pull` writes it. */
export function toCsv(records, offsetMinutes, dst) {
  const rows = ['sequence,time,type,data,local time,event'];
  for (const r of records) {
    const utc = r.time >= EPOCH_2025 ? new Date(r.time * 1000).toISOString().replace('.000Z', 'Z') : `clock-unknown+${r.time}s`;
    const words = describe(r, offsetMinutes, dst).replace(/"/g, '""');
    rows.push(`${r.sequence},${utc},${typeName(r.type)},0x${hex(r.data, 8)},${eventTime(r.time, offsetMinutes, dst)},"${words}"`);
  }
  return rows.join('\n') + '\n';
}
