// The client's side of an admin session (docs/ble-protocol.md, "Admin sessions"), as Core's AdminClient: HELLO,
// check the lock's proof before sending anything, PROOF, then sealed messages with per-direction counters.
import { ascii, concat, equal, u32, u32be, getU32 } from './bytes.js';
import { hmacSha256, hkdfExtract, hkdfExpand, AesCcm } from './crypto.js';

export const HELLO = 0x01;
export const CHALLENGE = 0x02;
export const PROOF = 0x03;
export const SEALED = 0x10;
export const ERROR = 0x7f;
const TAG = 8;

/** A refusal or failure with the lock's status code (AdminStatus), or 'NotGenuine' when the lock's proof is wrong. */
export class LockError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export class AdminClient {
  constructor(role, roleKey, clientNonce) {
    if (roleKey.length !== 16) throw new Error('a role key is 16 bytes (32 hex characters)');
    this.role = role;
    this.key = roleKey;
    this.clientNonce = clientNonce;
    this.outCounter = 0;
    this.inCounter = 0;
  }

  hello() {
    return concat(Uint8Array.of(HELLO, this.role), this.clientNonce);
  }

  /** Checks CHALLENGE (the lock proves the role key first) and returns PROOF. Throws LockError on a refusal or a wrong proof. */
  async answer(challenge) {
    if (challenge.length === 2 && challenge[0] === ERROR) throw new LockError(challenge[1], 'refused');
    if (challenge.length !== 33 || challenge[0] !== CHALLENGE) throw new LockError(7, 'not a challenge');
    const lockNonce = challenge.slice(1, 17);
    const lockProof = await this.#proof('LFAL', lockNonce);
    if (!equal(lockProof.subarray(0, 16), challenge.subarray(17, 33))) throw new LockError('NotGenuine', 'the lock did not prove the key');
    const clientProof = await this.#proof('LFCL', lockNonce);
    const prk = await hkdfExtract(concat(this.clientNonce, lockNonce), this.key);
    this.out = await AesCcm.create(await hkdfExpand(prk, ascii('LF session c2l'), 16), TAG);
    this.in = await AesCcm.create(await hkdfExpand(prk, ascii('LF session l2c'), 16), TAG);
    return concat(Uint8Array.of(PROOF), clientProof.subarray(0, 16));
  }

  async seal(plain) {
    const head = concat(Uint8Array.of(SEALED), u32(this.outCounter));
    const body = await this.out.encrypt(nonce('C', this.outCounter), head, plain);
    this.outCounter++;
    return concat(head, body);
  }

  /** Opens a sealed reply; throws LockError for an ERROR message, a wrong counter or a bad tag. */
  async open(message) {
    if (message.length === 2 && message[0] === ERROR) throw new LockError(message[1], 'refused');
    if (message.length < 5 + 1 + TAG || message[0] !== SEALED) throw new LockError(9, 'not a sealed message');
    const counter = getU32(message, 1);
    if (counter !== this.inCounter) throw new LockError(9, 'reply out of order');
    const plain = await this.in.decrypt(nonce('L', counter), message.subarray(0, 5), message.subarray(5));
    if (!plain) throw new LockError(9, 'reply failed authentication');
    this.inCounter++;
    return plain;
  }

  async #proof(label, lockNonce) {
    return hmacSha256(this.key, concat(ascii(label), Uint8Array.of(this.role), this.clientNonce, lockNonce));
  }
}

function nonce(direction, counter) {
  return concat(ascii(direction), u32be(counter), new Uint8Array(8));
}

/** A keypad entry (channel 2) as a registered keypad seals it: 'K', id, counter, CCM(digits). */
export async function sealKeypadEntry(id, key, counter, digits) {
  const head = concat(Uint8Array.of(0x4b, id), u32(counter));
  const n = concat(Uint8Array.of(0x4b, id), u32be(counter), new Uint8Array(7));
  const ccm = await AesCcm.create(key, TAG);
  return concat(head, await ccm.encrypt(n, head, ascii(digits)));
}
