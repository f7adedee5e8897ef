import { systemEntitiesIn } from '../test-support/system-entities.js';
import type { JsonValue } from '../types.js';
import { systemEntityWarnings } from './system-cultures.js';
import { RECOGNIZER_OF } from './system-extractor.js';

// Tuesday 1 December 2026, 17:00 in Bangkok.
const NOW = new Date('2026-12-01T10:00:00Z');

const find = systemEntitiesIn('th', 'Asia/Bangkok', NOW);

describe('Thai system entities (an English rewrite)', () => {
  it.each<[string, string, string, JsonValue]>([
    ['วันนี้', 'sys.date', 'วันนี้', '2026-12-01'],
    ['จองโต๊ะพรุ่งนี้', 'sys.date', 'พรุ่งนี้', '2026-12-02'],
    ['มะรืนนี้', 'sys.date', 'มะรืนนี้', '2026-12-03'],
    ['เมื่อวาน', 'sys.date', 'เมื่อวาน', '2026-11-30'],
    ['วันศุกร์', 'sys.date', 'วันศุกร์', '2026-12-04'],
    ['ศุกร์หน้า', 'sys.date', 'ศุกร์หน้า', '2026-12-11'],
    ['24 ธันวาคม', 'sys.date', '24 ธันวาคม', '2026-12-24'],
    ['วันที่ ๕ ม.ค. 2570', 'sys.date', 'วันที่ ๕ ม.ค. 2570', '2027-01-05'],
    ['อีก 3 วัน', 'sys.date', 'อีก 3 วัน', '2026-12-04'],
    ['บ่ายสามโมง', 'sys.time', 'บ่ายสามโมง', '15:00:00'],
    ['บ่าย 3 โมงครึ่ง', 'sys.time', 'บ่าย 3 โมงครึ่ง', '15:30:00'],
    ['สองทุ่ม', 'sys.time', 'สองทุ่ม', '20:00:00'],
    ['แปดโมงเช้า', 'sys.time', 'แปดโมงเช้า', '08:00:00'],
    ['ตีสอง', 'sys.time', 'ตีสอง', '02:00:00'],
    ['เที่ยงคืน', 'sys.time', 'เที่ยงคืน', '00:00:00'],
    ['20.30 น.', 'sys.time', '20.30 น.', '20:30:00'],
    ['พรุ่งนี้บ่ายสามโมง', 'sys.datetime', 'พรุ่งนี้บ่ายสามโมง', '2026-12-02T15:00:00+07:00'],
    ['พรุ่งนี้ 2 ทุ่ม', 'sys.datetime', 'พรุ่งนี้ 2 ทุ่ม', '2026-12-02T20:00:00+07:00'],
    ['30 นาที', 'sys.duration', '30 นาที', 1800],
  ])('"%s" has %s "%s" = %j', (text, name, at, value) => {
    expect(find(text)).toContainEqual({ name, value, at });
  });

  it('leaves words that only contain a date word alone', () => {
    expect(find('ดวงอาทิตย์ขึ้น')).toEqual([]);
    expect(find('ดวงจันทร์สวย')).toEqual([]);
  });

  it('warns that numbers and money in words are not read, but no longer dates', () => {
    const warnings = systemEntityWarnings(
      ['sys.date', 'sys.time', 'sys.number', 'sys.money'],
      'th',
      (n) => RECOGNIZER_OF[n],
    ).join(' ');
    expect(warnings).toContain('numbers in words');
    expect(warnings).not.toContain('dates and times');
  });
});
