import { systemEntitiesIn } from '../test-support/system-entities.js';
import type { JsonValue } from '../types.js';

// Tuesday 1 December 2026, 18:00 in Shanghai.
const NOW = new Date('2026-12-01T10:00:00Z');

const find = systemEntitiesIn('zh', 'Asia/Shanghai', NOW);

describe('Chinese date words the recognizer reads after a rewrite', () => {
  it.each<[string, string, string, JsonValue]>([
    ['下个星期会下雨吗', 'sys.date', '下个星期', { start: '2026-12-07', end: '2026-12-14' }],
    ['上个礼拜', 'sys.date', '上个礼拜', { start: '2026-11-23', end: '2026-11-30' }],
    ['这个星期', 'sys.date', '这个星期', { start: '2026-11-30', end: '2026-12-07' }],
    ['礼拜五', 'sys.date', '礼拜五', '2026-12-04'],
    ['这个冬天', 'sys.date', '这个冬天', { start: null, end: null }],
  ])('"%s" has %s "%s" = %j', (text, name, at, value) => {
    expect(find(text)).toContainEqual({ name, value, at });
  });

  it('reads "目前" (currently) as now', () => {
    expect(find('目前的气温是多少').map((e) => [e.name, e.at])).toContainEqual([
      'sys.datetime',
      '目前',
    ]);
  });

  it('leaves a weekday after the week to the recognizer', () => {
    expect(find('下个星期一')).toContainEqual({
      name: 'sys.date',
      value: '2026-12-07',
      at: '下个星期一',
    });
  });
});
