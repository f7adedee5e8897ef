import { createDefaultEntityNormalizer } from './entity-normalizer.js';
import { RESTAURANT_BOT } from './test-support/fixtures.js';

describe('DefaultEntityNormalizer', () => {
  const normalizer = createDefaultEntityNormalizer(RESTAURANT_BOT.entities);
  const normalize = (
    entityType: string,
    text: string,
    value: string,
    message: string,
    occupied: Array<{ begin: number; end: number }> = [],
  ) => normalizer.normalize({ entityType, text, value }, { message, options: {}, occupied });

  it.each([
    // type, text, value, message → value, raw, begin
    ['city', 'nyc', 'NYC', 'fly to NYC', 'New York', 'NYC', 7],
    ['city', 'Big Apple', 'New York', 'off to the big apple', 'New York', 'big apple', 11],
    ['city', '', 'New York', 'I love the big  apple', 'New York', 'big  apple', 11],
    ['city', 'paris', 'paris', 'Paris please', 'Paris', 'Paris', 0],
    ['city', 'Berlin', 'Berlin', 'to Berlin', 'Berlin', 'Berlin', 3],
    [
      'order_number',
      'order AB-12345',
      'AB-12345',
      'where is order AB-12345?',
      'AB-12345',
      'AB-12345',
      15,
    ],
    ['sys.number', 'two', '2', 'for two people', 'two', 'two', 4],
  ])('%s %p in %p', (type, text, value, message, expected, raw, begin) => {
    expect(normalize(type, text, value, message)).toEqual({
      value: expected,
      raw,
      begin,
      end: begin + raw.length,
    });
  });

  it('prefers whole words: "art" is not found inside "party"', () => {
    const topics = createDefaultEntityNormalizer([{ name: 'topic' }]);
    const found = topics.normalize(
      { entityType: 'topic', text: 'art', value: 'art' },
      { message: 'a party about art', options: {}, occupied: [] },
    );
    expect(found).toMatchObject({ begin: 14, end: 17 });
  });

  it('takes the next occurrence when the first is already an entity', () => {
    expect(
      normalize('city', 'Paris', 'Paris', 'Paris or Paris', [{ begin: 0, end: 5 }]),
    ).toMatchObject({
      begin: 9,
      end: 14,
    });
  });

  it('drops a value that is not in the message', () => {
    expect(normalize('city', 'London', 'London', 'somewhere nice')).toBeNull();
  });

  it('keeps a value not in the message when the type allows unlisted values', () => {
    expect(normalize('cuisine', 'spaghetti', 'pasta', 'I want something with noodles')).toEqual({
      value: 'italian',
      raw: 'spaghetti',
      begin: 0,
      end: 0,
    });
  });

  it('drops an entity type the bot does not have', () => {
    expect(normalize('planet', 'Mars', 'Mars', 'to Mars')).toBeNull();
  });
});
