// Byte helpers shared by the protocol modules. Integers on the wire are little-endian (docs/ble-protocol.md).

export function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Parses hex (spaces, colons and dashes allowed); throws a readable Error when it is not hex of the wanted length. */
export function fromHex(text, length, what = 'value') {
  const clean = String(text).trim().replace(/[\s:-]/g, '').toLowerCase();
  if (!/^([0-9a-f]{2})*$/.test(clean)) throw new Error(`${what}: not hexadecimal`);
  if (length !== undefined && clean.length !== 2 * length) {
    throw new Error(`${what}: ${2 * length} hex characters expected, got ${clean.length}`);
  }
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.substr(2 * i, 2), 16);
  return out;
}

export function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function ascii(text) {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

export function u16(v) {
  return Uint8Array.of(v & 0xff, (v >> 8) & 0xff);
}

export function u32(v) {
  return Uint8Array.of(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
}

export function u32be(v) {
  return Uint8Array.of((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
}

/** A signed 64-bit little-endian integer from a Number (milliseconds fit in 53 bits). */
export function i64(v) {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, BigInt(Math.trunc(v)), true);
  return out;
}

export function getU16(b, at) {
  return b[at] | (b[at + 1] << 8);
}

export function getI16(b, at) {
  const v = getU16(b, at);
  return v >= 0x8000 ? v - 0x10000 : v;
}

export function getU32(b, at) {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

export function getI32(b, at) {
  return getU32(b, at) | 0;
}

export function getI64(b, at) {
  return Number(new DataView(b.buffer, b.byteOffset + at, 8).getBigInt64(0, true));
}

/** Constant-time comparison of two byte arrays of equal length. */
export function equal(a, b) {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

export function randomBytes(n) {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}
