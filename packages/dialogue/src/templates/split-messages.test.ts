import { splitMessages } from './split-messages.js';

describe('splitMessages', () => {
  it.each([
    ['Hello', ['Hello']],
    ['Hi there ### How can I help?', ['Hi there', 'How can I help?']],
    ['one###two###three', ['one', 'two', 'three']],
    ['  ### only ###  ', ['only']],
    ['', []],
  ])('splits %p', (text, expected) => {
    expect(splitMessages(text)).toEqual(expected);
  });
});
