// Fragments (docs/ble-protocol.md, "Channels and fragments"): control byte FIRST 0x80 | LAST 0x40 | index 0-63,
// a 2-byte length on the first fragment, then payload. The assembler is as strict as the lock's FrameAssembler.

export const FIRST = 0x80;
export const LAST = 0x40;
export const MIN_PAYLOAD = 20;
export const MAX_PAYLOAD = 244;
export const MAX_MESSAGE = 1024;
export const ADMIN = 1;
export const KEYPAD = 2;

export const FrameError = { BadSize: 1, BadLength: 2, NoStart: 3, OutOfOrder: 4, Overrun: 5, Truncated: 6 };

/** Cuts a message into fragments of at most `payload` bytes (20-244). */
export function fragment(message, payload) {
  if (message.length < 1 || message.length > MAX_MESSAGE) throw new Error(`message of ${message.length} bytes cannot be framed (1-${MAX_MESSAGE})`);
  if (payload < MIN_PAYLOAD || payload > MAX_PAYLOAD) throw new Error(`fragment size ${payload} out of range (${MIN_PAYLOAD}-${MAX_PAYLOAD})`);
  const out = [];
  let sent = 0;
  for (let index = 0; sent < message.length; index++) {
    const head = sent === 0 ? 3 : 1;
    const take = Math.min(payload - head, message.length - sent);
    const f = new Uint8Array(head + take);
    f[0] = (index & 0x3f) | (sent === 0 ? FIRST : 0) | (sent + take === message.length ? LAST : 0);
    if (sent === 0) {
      f[1] = message.length & 0xff;
      f[2] = message.length >> 8;
    }
    f.set(message.subarray(sent, sent + take), head);
    out.push(f);
    sent += take;
  }
  return out;
}

/** Reassembles one message at a time. push() returns the message, null when more is needed, or throws a FrameRejected. */
export class FrameAssembler {
  #expected = -1;
  #have = 0;
  #next = 0;
  #buffer = new Uint8Array(MAX_MESSAGE);

  push(f) {
    if (f.length < 1 || f.length > MAX_PAYLOAD) return this.#fail(FrameError.BadSize);
    const control = f[0];
    const index = control & 0x3f;
    let at = 1;
    if (control & FIRST) {
      if (f.length < 3) return this.#fail(FrameError.BadSize);
      const length = f[1] | (f[2] << 8);
      if (length < 1 || length > MAX_MESSAGE) return this.#fail(FrameError.BadLength);
      if (index !== 0) return this.#fail(FrameError.OutOfOrder);
      this.#expected = length;
      this.#have = 0;
      this.#next = 0;
      at = 3;
    } else if (this.#expected < 0) {
      return this.#fail(FrameError.NoStart);
    } else if (index !== this.#next) {
      return this.#fail(FrameError.OutOfOrder);
    }
    const left = f.length - at;
    if (this.#have + left > this.#expected) return this.#fail(FrameError.Overrun);
    this.#buffer.set(f.subarray(at), this.#have);
    this.#have += left;
    this.#next = (this.#next + 1) & 0x3f;
    if (!(control & LAST)) return null;
    if (this.#have !== this.#expected) return this.#fail(FrameError.Truncated);
    const done = this.#buffer.slice(0, this.#expected);
    this.#expected = -1;
    return done;
  }

  reset() {
    this.#expected = -1;
    this.#have = 0;
  }

  #fail(error) {
    this.reset();
    const e = new Error(`the lock sent a malformed fragment (${Object.keys(FrameError).find((k) => FrameError[k] === error)})`);
    e.frameError = error;
    throw e;
  }
}
