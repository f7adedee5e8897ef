import { systemEntitiesIn } from '../test-support/system-entities.js';
import type { JsonValue } from '../types.js';
import { systemEntityWarnings } from './system-cultures.js';
import { RECOGNIZER_OF } from './system-extractor.js';

// Tuesday 1 December 2026, 13:00 in Riyadh.
const NOW = new Date('2026-12-01T10:00:00Z');

const find = systemEntitiesIn('ar', 'Asia/Riyadh', NOW);

describe('Arabic system entities (an English rewrite)', () => {
  it.each<[string, string, string, JsonValue]>([
    ['ذكرني اليوم', 'sys.date', 'اليوم', '2026-12-01'],
    ['غدا', 'sys.date', 'غدا', '2026-12-02'],
    ['غدًا', 'sys.date', 'غدًا', '2026-12-02'],
    ['غداً', 'sys.date', 'غداً', '2026-12-02'],
    ['للغد', 'sys.date', 'للغد', '2026-12-02'],
    ['بعد غد', 'sys.date', 'بعد غد', '2026-12-03'],
    ['أمس', 'sys.date', 'أمس', '2026-11-30'],
    ['يوم السبت', 'sys.date', 'يوم السبت', '2026-12-05'],
    ['ليوم الأحد', 'sys.date', 'ليوم الأحد', '2026-12-06'],
    ['الجمعة القادمة', 'sys.date', 'الجمعة القادمة', '2026-12-11'],
    ['21 أغسطس', 'sys.date', '21 أغسطس', '2027-08-21'],
    ['٢٤ ديسمبر', 'sys.date', '٢٤ ديسمبر', '2026-12-24'],
    ['الأسبوع القادم', 'sys.date', 'الأسبوع القادم', { start: '2026-12-07', end: '2026-12-14' }],
    ['الساعة 8', 'sys.time', 'الساعة 8', '20:00:00'],
    ['8 صباحًا', 'sys.time', '8 صباحًا', '08:00:00'],
    ['الساعة 4 مساءً', 'sys.time', 'الساعة 4 مساءً', '16:00:00'],
    ['الساعة السابعة مساءً', 'sys.time', 'الساعة السابعة مساءً', '19:00:00'],
    ['الساعة 8 والنصف مساء', 'sys.time', 'الساعة 8 والنصف مساء', '20:30:00'],
    ['6 : 50 مساءً', 'sys.time', '6 : 50 مساءً', '18:50:00'],
    ['12 ظهرًا', 'sys.time', '12 ظهرًا', '12:00:00'],
    ['اليوم الساعة 4 مساءً', 'sys.datetime', 'اليوم الساعة 4 مساءً', '2026-12-01T16:00:00+03:00'],
    ['غدا الساعة 8 مساء', 'sys.datetime', 'غدا الساعة 8 مساء', '2026-12-02T20:00:00+03:00'],
    ['30 دقيقة', 'sys.duration', '30 دقيقة', 1800],
    ['ساعتين', 'sys.duration', 'ساعتين', 7200],
    ['ثلاثين دقيقة', 'sys.duration', 'ثلاثين دقيقة', 1800],
    ['بعد خمسة أيام', 'sys.date', 'بعد خمسة أيام', '2026-12-06'],
    ['أريد خمسة تذاكر', 'sys.number', 'خمسة', 5],
    ['خمسة وعشرون شخصا', 'sys.number', 'خمسة وعشرون', 25],
    ['مائة وخمسون', 'sys.number', 'مائة وخمسون', 150],
    ['ثلاثة آلاف', 'sys.number', 'ثلاثة آلاف', 3000],
    ['أحد عشر لاعبا', 'sys.number', 'أحد عشر', 11],
    ['خصم عشرين بالمائة', 'sys.percentage', 'عشرين بالمائة', 20],
    ['خصم 20٪', 'sys.percentage', '20٪', 20],
    ['بخمسة دولارات', 'sys.money', 'بخمسة دولارات', { amount: 5, currency: 'USD' }],
    ['مئتين جنيه مصري', 'sys.money', 'مئتين جنيه مصري', { amount: 200, currency: 'EGP' }],
    ['٥٠ ريال سعودي', 'sys.money', '٥٠ ريال سعودي', { amount: 50, currency: 'SAR' }],
  ])('"%s" has %s "%s" = %j', (text, name, at, value) => {
    expect(find(text)).toContainEqual({ name, value, at });
  });

  it('leaves words that only contain a date word alone', () => {
    expect(find('يوم جميل')).toEqual([]);
    expect(find('ساعة يد جديدة')).toEqual([]);
    expect(find('الغداء جاهز')).toEqual([]);
  });

  it('leaves words that are numbers only inside a numeral alone', () => {
    // "I am not sure", "one of my friends", "the lady of the house", Sunday.
    for (const text of ['لست متأكدا', 'أحد أصدقائي', 'ست البيت', 'يوم الأحد'])
      expect(find(text).filter((e) => e.name === 'sys.number')).toEqual([]);
  });

  it.each<[string, number, string]>([
    ['الثالث', 3, 'الثالث'],
    ['أريد الثانية', 2, 'الثانية'],
    ['للمرة الثالثة', 3, 'الثالثة'],
    ['الطابق الخامس', 5, 'الخامس'],
    ['أول مرة', 1, 'أول'],
    ['الأولى', 1, 'الأولى'],
    ['الثالثة عشرة', 13, 'الثالثة عشرة'],
    ['الحادي والعشرون', 21, 'الحادي والعشرون'],
  ])('"%s" has sys.ordinal %d at "%s"', (text, value, at) => {
    expect(find(text)).toContainEqual({ name: 'sys.ordinal', value, at });
  });

  it.each<[string, string, JsonValue]>([
    ['الثالث من مايو', 'الثالث من مايو', '2027-05-03'],
    ['الأول من يناير', 'الأول من يناير', '2027-01-01'],
    ['الخامس عشر من مارس', 'الخامس عشر من مارس', '2027-03-15'],
    ['الحادي والثلاثين من ديسمبر', 'الحادي والثلاثين من ديسمبر', '2026-12-31'],
  ])('"%s" is the date "%s" = %j', (text, at, value) => {
    expect(find(text)).toContainEqual({ name: 'sys.date', value, at });
  });

  it('reads the hour said as an ordinal as a time, not as an ordinal', () => {
    expect(find('الساعة الثانية')).toContainEqual({
      name: 'sys.time',
      value: '14:00:00',
      at: 'الساعة الثانية',
    });
    expect(find('الساعة الثانية').filter((e) => e.name === 'sys.ordinal')).toEqual([]);
    expect(find('الثانية ظهرًا').filter((e) => e.name === 'sys.ordinal')).toEqual([]);
  });

  it.each([
    // A second (the unit), the day before yesterday, firstly, secondly.
    'انتظر ثانية',
    'أول أمس',
    'أولًا',
    'ثانيًا',
  ])('"%s" has no ordinal', (text) => {
    expect(find(text).filter((e) => e.name === 'sys.ordinal')).toEqual([]);
  });

  it('reads tens without the article as a number, not an ordinal', () => {
    expect(find('عشرون شخصا')).toEqual([{ name: 'sys.number', value: 20, at: 'عشرون' }]);
    expect(find('الحادي والعشرون').filter((e) => e.name === 'sys.number')).toEqual([]);
  });

  it('warns for no system entity', () => {
    const warnings = systemEntityWarnings(
      ['sys.date', 'sys.time', 'sys.number', 'sys.money', 'sys.percentage', 'sys.ordinal'],
      'ar',
      (n) => RECOGNIZER_OF[n],
    );
    expect(warnings).toEqual([]);
  });
});
