import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { TrainingExample } from '../../api/types';
import { AnnotatedText } from './AnnotatedText';
import { pointToOffset } from './dom-offsets';
import { EntityPicker } from './EntityPicker';
import { ExampleRow } from './ExampleRow';

const text = '🙂 fly from Paris to Rome';
const paris = {
  name: 'city',
  value: 'Paris',
  begin: text.indexOf('Paris'),
  end: text.indexOf('Paris') + 5,
};

describe('AnnotatedText', () => {
  it('names each tag and its remove button for screen readers', async () => {
    const onRemove = vi.fn();
    render(
      <AnnotatedText
        text={text}
        spans={[paris]}
        entityNames={['city']}
        onRemove={onRemove}
        label="ex"
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'remove city: Paris' }));
    expect(onRemove).toHaveBeenCalledWith(paris);
  });

  it('maps a point in the DOM back to UTF-16 offsets, skipping labels', () => {
    const { container } = render(
      <AnnotatedText text={text} spans={[paris]} entityNames={['city']} label="ex" />,
    );
    const root = container.querySelector('.example-text')!;
    const rome = [...root.querySelectorAll('[data-begin]')].find(
      (el) => el.textContent === ' to Rome',
    )!;
    // "R" of Rome, inside the text node after the tag
    expect(pointToOffset(root, rome.firstChild!, 4)).toBe(text.indexOf('Rome'));
    // a point on the tag's label counts as the end of the tag
    const label = root.querySelector('.tag-label')!;
    expect(pointToOffset(root, label.firstChild!, 2)).toBe(paris.end);
  });
});

describe('EntityPicker', () => {
  const setup = () => {
    const onPick = vi.fn();
    const onCancel = vi.fn();
    render(
      <EntityPicker
        selectedText="Paris"
        entityNames={['city', 'country']}
        onPick={onPick}
        onCreate={vi.fn()}
        onCancel={onCancel}
      />,
    );
    return { onPick, onCancel, list: screen.getByRole('listbox') };
  };

  it('takes focus and picks with the arrow keys and Enter', async () => {
    const { onPick, list } = setup();
    expect(document.activeElement).toBe(list);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(onPick).toHaveBeenCalledWith('country');
  });

  it('picks with the digit shown, and Esc cancels', async () => {
    const { onPick, onCancel } = setup();
    await userEvent.keyboard('1');
    expect(onPick).toHaveBeenCalledWith('city');
    await userEvent.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalled();
  });

  it('offers to create an entity named after the words', async () => {
    setup();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(screen.getByLabelText('New entity name')).toHaveProperty('value', 'paris');
  });
});

describe('ExampleRow keyboard path', () => {
  it('selects words with the arrows and tags them with a digit, no mouse involved', async () => {
    const onChange = vi.fn();
    const example: TrainingExample = { text: 'fly to New York now', entities: [] };
    render(
      <ExampleRow
        example={example}
        index={0}
        entityNames={['city']}
        language="en"
        canWrite
        onChange={onChange}
        onDelete={vi.fn()}
        onCreateEntity={vi.fn()}
        announce={vi.fn()}
      />,
    );
    const group = screen.getByRole('group', { name: /fly to New York now/ });
    group.focus();
    for (let i = 0; i < 3; i++) fireEvent.keyDown(group, { key: 'ArrowRight' });
    fireEvent.keyDown(group, { key: 'ArrowRight', shiftKey: true });
    fireEvent.keyDown(group, { key: '1' });
    expect(onChange).toHaveBeenCalledWith({
      text: example.text,
      entities: [{ name: 'city', value: 'New York', begin: 7, end: 15 }],
    });
  });

  it('keeps the tags after an edit before them, shifted', async () => {
    const onChange = vi.fn();
    const example: TrainingExample = {
      text: 'to Paris',
      entities: [{ name: 'city', value: 'Paris', begin: 3, end: 8 }],
    };
    render(
      <ExampleRow
        example={example}
        index={0}
        entityNames={['city']}
        language="en"
        canWrite
        onChange={onChange}
        onDelete={vi.fn()}
        onCreateEntity={vi.fn()}
        announce={vi.fn()}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Edit example 1' }));
    const input = screen.getByLabelText('Example text');
    await userEvent.clear(input);
    await userEvent.type(input, 'fly to Paris{Enter}');
    expect(onChange).toHaveBeenCalledWith({
      text: 'fly to Paris',
      entities: [{ name: 'city', value: 'Paris', begin: 7, end: 12 }],
    });
  });
});
