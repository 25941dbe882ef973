// The page's event decoder against Core's EventWords, on the records and words C# wrote (docs/vectors/event-words.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe as words, eventTime, toCsv } from '../site/js/events.js';

const fixture = JSON.parse(readFileSync(new URL('../../../docs/vectors/event-words.json', import.meta.url)));

test('every record of the C# fixture reads the same words and local time', () => {
  assert.ok(fixture.cases.length > 1000, 'fixture has the cases');
  let wrong = [];
  for (const c of fixture.cases) {
    const got = words({ type: c.type, time: c.time, data: c.data }, c.offset, c.dst);
    const time = eventTime(c.time, c.offset, c.dst);
    if (got !== c.words || time !== c.localTime) wrong.push({ c, got, time });
  }
  assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} of ${fixture.cases.length} differ`);
});

test('a courier delivery reads in words, not hex', () => {
  const r = { sequence: 2, time: 1795615200 + 1800, type: 0x20, data: 0x01034193 };
  assert.equal(words(r, 0, 0), 'one-time code #3 for 14:00-16:00 accepted');
  assert.equal(words(r, 60, 1), 'one-time code #3 for 15:00-17:00 accepted');
});

test('CSV export has the same columns as lockctl log pull', () => {
  const csv = toCsv([{ sequence: 2, time: 1795615200, type: 0x20, data: 0x01034193 }], 0, 0).trim().split('\n');
  assert.equal(csv[0], 'sequence,time,type,data,local time,event');
  assert.equal(csv[1], '2,2026-11-25T14:00:00Z,CodeAccepted,0x01034193,2026-11-25 14:00:00,"one-time code #3 for 14:00-16:00 accepted"');
});
