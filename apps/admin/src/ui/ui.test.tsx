import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { diffPatch } from '../features/settings/diff-patch';
import { duplicateWords, firstMatch } from '../features/entities/entity-checks';
import { ChipsInput } from './ChipsInput';
import { ErrorNotice } from './ErrorNotice';

function Chips() {
  const [values, setValues] = useState(['roma']);
  return <ChipsInput id="c" label="synonym" values={values} onChange={setValues} />;
}

describe('ChipsInput', () => {
  it('adds on Enter and removes the last one on Backspace', async () => {
    render(<Chips />);
    const input = screen.getByLabelText('synonym');
    await userEvent.type(input, 'rome{Enter}');
    expect(screen.getByRole('button', { name: 'remove synonym: rome' })).toBeTruthy();
    await userEvent.type(input, '{Backspace}');
    expect(screen.queryByRole('button', { name: 'remove synonym: rome' })).toBeNull();
    expect(screen.getByRole('button', { name: 'remove synonym: roma' })).toBeTruthy();
  });
});

describe('ErrorNotice', () => {
  it('says what the API said, every field problem with its path', async () => {
    const res = new Response(
      JSON.stringify({
        title: 'Invalid request',
        code: 'VALIDATION_FAILED',
        detail: 'One or more fields are invalid.',
        errors: [{ path: 'body.intentId', message: 'must start with a letter' }],
      }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
    );
    render(<ErrorNotice error={await ApiError.fromResponse(res)} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Invalid request');
    expect(alert.textContent).toContain('body.intentId: must start with a letter');
  });

  it('renders a hostile message as text', () => {
    render(<ErrorNotice error={new Error('<img src=x onerror=alert(1)>')} />);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('pure helpers of the forms', () => {
  it('diffPatch sends only what changed, and null for what was removed', () => {
    expect(
      diffPatch(
        { name: 'a', nlu: { threshold: 0.6, llm: { model: 'x', timeoutMs: 1 } } },
        { name: 'a', nlu: { threshold: 0.7, llm: { model: undefined, timeoutMs: 1 } } },
      ),
    ).toEqual({ nlu: { threshold: 0.7, llm: { model: null } } });
  });

  it('finds words used twice across values and synonyms, ignoring case', () => {
    expect(
      duplicateWords([
        { value: 'Paris', synonyms: ['paname'] },
        { value: 'Rome', synonyms: ['PARIS'] },
      ]),
    ).toEqual(['paris']);
  });

  it('checks regex example strings as the API compiles patterns', () => {
    expect(firstMatch(['ORD\\d+', '('], 'order ORD123 please')).toBe('ORD123');
    expect(firstMatch(['('], 'anything')).toBeNull();
  });
});
