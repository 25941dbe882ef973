// The page's protocol client against docs/vectors/ble-session.json (written by Core's BleVectorTests), the fragment
// rules of docs/ble-protocol.md, and AES-CCM against RFC 3610's first packet vector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fromHex, hex } from '../site/js/bytes.js';
import { AesCcm } from '../site/js/crypto.js';
import { AdminClient, LockError, sealKeypadEntry } from '../site/js/session.js';
import { fragment, FrameAssembler, FrameError } from '../site/js/fragments.js';
import { Role, request } from '../site/js/commands.js';

const v = JSON.parse(readFileSync(new URL('../../../docs/vectors/ble-session.json', import.meta.url))).vectors;
const clientNonce = Uint8Array.from({ length: 16 }, (_, i) => 0x10 + i);

test('AES-CCM matches RFC 3610 packet vector #1 (8-byte tag, 13-byte nonce)', async () => {
  const ccm = await AesCcm.create(fromHex('c0c1c2c3c4c5c6c7c8c9cacbcccdcecf'), 8);
  const nonce = fromHex('00000003020100a0a1a2a3a4a5');
  const aad = fromHex('0001020304050607');
  const plain = fromHex('08090a0b0c0d0e0f101112131415161718191a1b1c1d1e');
  const sealed = await ccm.encrypt(nonce, aad, plain);
  assert.equal(hex(sealed), '588c979a61c663d2f066d0c2c0f989806d5f6b61dac38417e8d12cfdf926e0');
  assert.deepEqual(await ccm.decrypt(nonce, aad, sealed), plain);
  sealed[3] ^= 1;
  assert.equal(await ccm.decrypt(nonce, aad, sealed), null, 'a flipped bit fails the tag');
});

test('handshake and a sealed command give the vector bytes', async () => {
  const c = new AdminClient(Role.owner, fromHex(v.ownerKey), clientNonce);
  assert.equal(hex(c.hello()), v.hello);
  assert.equal(hex(await c.answer(fromHex(v.challenge))), v.proof);
  assert.equal(hex(await c.open(fromHex(v.ready))), '800002');
  assert.equal(hex(await c.seal(request('status'))), v.statusRequest);
  assert.equal(hex(await c.open(fromHex(v.statusResponse))), v.statusResponsePlain);
});

test('a lock that cannot prove the key is refused before anything is sent', async () => {
  const wrong = new AdminClient(Role.owner, fromHex('22222222222222222222222222222223'), clientNonce);
  await assert.rejects(wrong.answer(fromHex(v.challenge)), (e) => e instanceof LockError && e.status === 'NotGenuine');
  const refused = new AdminClient(Role.setup, fromHex(v.ownerKey), clientNonce);
  await assert.rejects(refused.answer(fromHex('7f06')), (e) => e.status === 6);
});

test('replayed, reordered or forged replies end the session', async () => {
  const c = new AdminClient(Role.owner, fromHex(v.ownerKey), clientNonce);
  await c.answer(fromHex(v.challenge));
  await assert.rejects(c.open(fromHex(v.statusResponse)), /out of order/, 'counter 1 before counter 0');
  const forged = fromHex(v.ready);
  forged[7] ^= 0x20;
  await assert.rejects(c.open(forged), /authentication/);
  await c.open(fromHex(v.ready));
  await assert.rejects(c.open(fromHex(v.ready)), /out of order/, 'a replayed reply');
});

test('keypad entry seals to the vector', async () => {
  assert.equal(hex(await sealKeypadEntry(4, fromHex(v.keypadKey), 1000, '3003707770')), v.keypadEntry);
});

test('fragments: sizes, indexes, FIRST and LAST, round trip at every payload size', () => {
  const message = Uint8Array.from({ length: 1024 }, (_, i) => (i * 7) & 0xff);
  for (const payload of [20, 21, 23, 100, 244]) {
    for (const length of [1, 17, 18, 19, 20, 300, 1024]) {
      const m = message.subarray(0, length);
      const fs = fragment(m, payload);
      assert.ok(fs.every((f) => f.length <= payload && f.length >= 2), 'within the payload');
      assert.equal(fs[0][0] & 0x80, 0x80);
      assert.equal(fs[fs.length - 1][0] & 0x40, 0x40);
      fs.forEach((f, i) => assert.equal(f[0] & 0x3f, i & 0x3f));
      const a = new FrameAssembler();
      let out = null;
      for (const f of fs) out = a.push(f);
      assert.deepEqual(out, m);
    }
  }
  assert.equal(fragment(message, 20).length, Math.ceil((1024 + 2) / 19), '1024 bytes at 20: 54 fragments, index wraps past 63? no: 54');
  assert.throws(() => fragment(new Uint8Array(1025), 244), /cannot be framed/);
  assert.throws(() => fragment(new Uint8Array(0), 244), /cannot be framed/);
  assert.throws(() => fragment(message, 19), /out of range/);
});

test('the assembler is as strict as the lock: every FrameError', () => {
  const fs = fragment(Uint8Array.from({ length: 60 }, (_, i) => i), 20);
  const err = (steps, code) => {
    const a = new FrameAssembler();
    assert.throws(() => steps.forEach((f) => a.push(f)), (e) => e.frameError === code, `FrameError ${code}`);
  };
  err([new Uint8Array(245)], FrameError.BadSize);
  err([Uint8Array.of(0xc0, 0)], FrameError.BadSize);
  err([Uint8Array.of(0xc0, 0, 0, 1)], FrameError.BadLength);
  err([Uint8Array.of(0xc0, 0x01, 0x04, 1)], FrameError.BadLength);
  err([fs[1]], FrameError.NoStart);
  err([fs[0], fs[2]], FrameError.OutOfOrder);
  err([Uint8Array.of(0x81, 2, 0, 1)], FrameError.OutOfOrder);
  err([Uint8Array.of(0x80, 2, 0, 1), Uint8Array.of(0x41, 2, 3)], FrameError.Overrun);
  err([Uint8Array.of(0x80, 3, 0, 1), Uint8Array.of(0x41, 2)], FrameError.Truncated);
  const a = new FrameAssembler();
  assert.throws(() => a.push(fs[1]));
  let out = null;
  for (const f of fs) out = a.push(f);
  assert.equal(out.length, 60, 'a refused fragment leaves the assembler ready for the next message');
  const wrap = fragment(new Uint8Array(1024).fill(9), 20);
  assert.ok(wrap.length > 0 && wrap.length <= 64);
});
