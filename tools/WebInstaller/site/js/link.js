// Whole messages over a fragment transport, and a signed-in admin session on top: what the page's tasks call.
// A transport is { payload, send(channel, fragment): Promise, close(), onfragment(channel, bytes), onclose() }:
// Web Bluetooth (transport-ble.js) for a real lock, a WebSocket (transport-ws.js) for LockSim.
import { fragment, FrameAssembler, ADMIN, KEYPAD } from './fragments.js';
import { randomBytes } from './bytes.js';
import { AdminClient, LockError } from './session.js';
import { COMMANDS, request, Status, RoleName, refusalWords, signInWords } from './commands.js';

const REPLY_TIMEOUT_MS = 8000;

export class MessageLink {
  #assembler = new FrameAssembler();
  #waiting = null;
  #queue = [];

  constructor(transport) {
    this.transport = transport;
    this.closed = false;
    transport.onfragment = (channel, f) => this.#fragment(channel, f);
    transport.onclose = () => {
      this.closed = true;
      this.#deliver(null, new Error('the link to the lock closed'));
    };
  }

  /** Sends a whole admin message and waits for the lock's next whole admin message. */
  async request(message) {
    if (this.closed) throw new Error('the link to the lock is closed: connect again');
    this.#queue = [];
    const reply = new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.#deliver(null, new Error('the lock did not answer in time')), REPLY_TIMEOUT_MS);
      this.#waiting = { resolve, reject, timer };
    });
    for (const f of fragment(message, this.transport.payload)) await this.transport.send(ADMIN, f);
    return reply;
  }

  async sendKeypad(message) {
    for (const f of fragment(message, this.transport.payload)) await this.transport.send(KEYPAD, f);
  }

  close() {
    this.closed = true;
    this.transport.close();
  }

  #fragment(channel, f) {
    if (channel !== ADMIN) return;
    try {
      const m = this.#assembler.push(f);
      if (m) this.#deliver(m, null);
    } catch (e) {
      this.#deliver(null, e);
    }
  }

  #deliver(message, error) {
    const w = this.#waiting;
    if (!w) return;
    this.#waiting = null;
    clearTimeout(w.timer);
    if (error) w.reject(error);
    else w.resolve(message);
  }
}

/** A refusal or failure the page shows as it is: `words` is the sentence for the user. */
export class Refusal extends Error {
  constructor(words, status) {
    super(words);
    this.words = words;
    this.status = status;
  }
}

/** A signed-in admin session: call(name, ...args) returns the decoded response, or throws a Refusal in words. */
export class Session {
  static async signIn(link, role, key) {
    const client = new AdminClient(role, key, randomBytes(16));
    try {
      const proof = await client.answer(await link.request(client.hello()));
      const ready = await client.open(await link.request(proof));
      if (ready[0] !== 0x80 || ready[1] !== 0) throw new LockError(ready[1], 'not ready');
    } catch (e) {
      if (e instanceof LockError) throw new Refusal(signInWords(e.status, role), e.status);
      throw e;
    }
    return new Session(link, client, role);
  }

  constructor(link, client, role) {
    this.link = link;
    this.client = client;
    this.role = role;
    this.roleName = RoleName[role];
  }

  async call(name, ...args) {
    const sealed = await this.client.seal(request(name, ...args));
    let plain;
    try {
      plain = await this.client.open(await this.link.request(sealed));
    } catch (e) {
      if (e instanceof LockError) throw new Refusal(refusalWords(name, e.status, this.role), Status[e.status] ?? e.status);
      throw e;
    }
    if (plain[0] !== (COMMANDS[name].code | 0x80)) throw new Refusal(`The lock answered another command (0x${plain[0].toString(16)}).`, 'Mismatch');
    if (plain[1] !== 0) throw new Refusal(refusalWords(name, plain[1], this.role), Status[plain[1]]);
    return COMMANDS[name].decode(plain.subarray(2));
  }
}
