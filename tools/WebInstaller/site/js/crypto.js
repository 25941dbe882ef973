// HMAC-SHA256, HKDF (RFC 5869) and AES-128-CCM (RFC 3610) on WebCrypto, as the lock's Core builds them
// (firmware/LockFirmware.Core/Crypto). WebCrypto has no CCM: the CBC-MAC is AES-CBC with a zero IV over the
// formatted blocks (its last full block is the MAC), and the keystream is AES-CTR from counter block A0.
import { concat, equal } from './bytes.js';

const subtle = globalThis.crypto.subtle;

export async function hmacSha256(key, data) {
  const k = await subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', k, data));
}

export async function hkdfExtract(salt, ikm) {
  return hmacSha256(salt, ikm);
}

export async function hkdfExpand(prk, info, length) {
  let t = new Uint8Array(0);
  const out = [];
  for (let i = 1, have = 0; have < length; i++) {
    t = await hmacSha256(prk, concat(t, info, Uint8Array.of(i)));
    out.push(t);
    have += t.length;
  }
  return concat(...out).slice(0, length);
}

/** AES-128-CCM with a 13-byte nonce (L = 2) and an M-byte tag (8 on the lock). */
export class AesCcm {
  static async create(key, tagLength = 8) {
    if (key.length !== 16) throw new Error('AES-128 key of 16 bytes expected');
    const cbc = await subtle.importKey('raw', key, 'AES-CBC', false, ['encrypt']);
    const ctr = await subtle.importKey('raw', key, 'AES-CTR', false, ['encrypt']);
    return new AesCcm(cbc, ctr, tagLength);
  }

  constructor(cbc, ctr, tagLength) {
    this.cbc = cbc;
    this.ctr = ctr;
    this.tagLength = tagLength;
  }

  /** Returns ciphertext followed by the tag. */
  async encrypt(nonce, aad, plain) {
    const mac = await this.#mac(nonce, aad, plain);
    const stream = await this.#keystream(nonce, plain.length);
    const out = new Uint8Array(plain.length + this.tagLength);
    for (let i = 0; i < plain.length; i++) out[i] = plain[i] ^ stream[16 + i];
    for (let i = 0; i < this.tagLength; i++) out[plain.length + i] = mac[i] ^ stream[i];
    return out;
  }

  /** Returns the plaintext, or null when the tag does not match. */
  async decrypt(nonce, aad, sealed) {
    const n = sealed.length - this.tagLength;
    if (n < 0) return null;
    const stream = await this.#keystream(nonce, n);
    const plain = new Uint8Array(n);
    for (let i = 0; i < n; i++) plain[i] = sealed[i] ^ stream[16 + i];
    const mac = await this.#mac(nonce, aad, plain);
    const tag = new Uint8Array(this.tagLength);
    for (let i = 0; i < this.tagLength; i++) tag[i] = mac[i] ^ stream[i];
    return equal(tag, sealed.subarray(n)) ? plain : null;
  }

  // S0 | S1 | ... : AES-CTR over zeros from A0 = (L - 1) | nonce | 0 (16-bit counter).
  async #keystream(nonce, length) {
    const a0 = concat(Uint8Array.of(1), nonce, Uint8Array.of(0, 0));
    const zeros = new Uint8Array(16 + length);
    return new Uint8Array(await subtle.encrypt({ name: 'AES-CTR', counter: a0, length: 16 }, this.ctr, zeros));
  }

  // CBC-MAC over B0, the length-prefixed associated data and the message, each padded to 16 bytes.
  async #mac(nonce, aad, plain) {
    if (nonce.length !== 13) throw new Error('CCM nonce of 13 bytes expected');
    if (plain.length > 0xffff || aad.length >= 0xff00) throw new Error('CCM message too long');
    const flags = (aad.length > 0 ? 0x40 : 0) | (((this.tagLength - 2) / 2) << 3) | 1;
    const b0 = concat(Uint8Array.of(flags), nonce, Uint8Array.of(plain.length >> 8, plain.length & 0xff));
    const a = aad.length > 0 ? pad(concat(Uint8Array.of(aad.length >> 8, aad.length & 0xff), aad)) : new Uint8Array(0);
    const blocks = concat(b0, a, pad(plain));
    const out = new Uint8Array(await subtle.encrypt({ name: 'AES-CBC', iv: new Uint8Array(16) }, this.cbc, blocks));
    return out.subarray(blocks.length - 16, blocks.length); // the last block before PKCS#7's padding block
  }
}

function pad(b) {
  const n = Math.ceil(b.length / 16) * 16;
  const out = new Uint8Array(n);
  out.set(b);
  return out;
}
