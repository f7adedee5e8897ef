import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { textColorOn } from './colors.js';
import { stringsFor } from './strings.js';

describe('textColorOn', () => {
  it('picks the text colour that reads better on the primary colour', () => {
    assert.equal(textColorOn('#2563eb'), '#ffffff');
    assert.equal(textColorOn('#000000'), '#ffffff');
    assert.equal(textColorOn('#facc15'), '#111111');
    assert.equal(textColorOn('#ffffff'), '#111111');
  });
});

describe('stringsFor', () => {
  it('falls back from a region to its language, then to English', () => {
    assert.equal(stringsFor('fr').send, 'Envoyer');
    assert.equal(stringsFor('de-AT').send, 'Senden');
    assert.equal(stringsFor('xx').send, 'Send');
    assert.equal(stringsFor(undefined).send, 'Send');
  });
});
