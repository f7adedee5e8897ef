import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { EntitySpan, TrainingExample } from '../../api/types';
import { AnnotatedText } from './AnnotatedText';
import { selectionOffsets } from './dom-offsets';
import { EntityPicker } from './EntityPicker';
import { moveSelection, selectionRange, type WordSelection } from './keyboard-selection';
import { addSpan, removeSpan, segmentWords, shiftSpans, snapToWords, type Range } from './spans';

export interface ExampleRowProps {
  example: TrainingExample;
  index: number;
  entityNames: readonly string[];
  language: string;
  canWrite: boolean;
  suggestions?: EntitySpan[];
  onChange: (example: TrainingExample) => void;
  onDelete: () => void;
  onCreateEntity: (name: string) => Promise<void>;
  onAcceptSuggestions?: () => void;
  announce: (message: string) => void;
}

const HELP_ID = 'annotation-help';
/** Room the entity picker needs on screen, to open it above a row near the bottom. */
const PICKER_HEIGHT = 300;

/** One training example: tag words by mouse or keyboard, edit its text, delete it. */
export function ExampleRow({
  example,
  index,
  entityNames,
  language,
  canWrite,
  suggestions,
  onChange,
  onDelete,
  onCreateEntity,
  onAcceptSuggestions,
  announce,
}: ExampleRowProps) {
  const textRef = useRef<HTMLElement>(null);
  const [keys, setKeys] = useState<WordSelection | null>(null);
  const [pending, setPending] = useState<Range | null>(null);
  const [anchor, setAnchor] = useState<{ top: number; left: number } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const words = useMemo(
    () => segmentWords(example.text, language).filter((segment) => segment.isWord),
    [example.text, language],
  );
  const keyRange = selectionRange(keys, words);

  const closePicker = () => {
    setPending(null);
    setKeys(null);
    window.getSelection()?.removeAllRanges();
    textRef.current?.focus();
  };

  const tag = (range: Range, name: string) => {
    const result = addSpan(example.text, example.entities, range, name);
    const words = example.text.slice(range.begin, range.end);
    if (!result.ok) {
      announce(
        result.reason === 'overlap'
          ? `“${words}” overlaps a tag already there: remove that tag first.`
          : 'Nothing to tag.',
      );
    } else {
      onChange({ ...example, entities: result.spans });
      announce(`Tagged “${words}” as ${name}.`);
    }
    closePicker();
  };

  const open = (range: Range | null) => {
    if (!range || !canWrite) return;
    const snapped = snapToWords(example.text, range, language);
    if (!snapped) return;
    if (example.entities.some((s) => s.begin < snapped.end && snapped.begin < s.end)) {
      announce('That selection overlaps a tag already there: remove that tag first.');
      return;
    }
    // The picker floats over the list (fixed), so opening it never changes a row's height.
    const rect = textRef.current?.getBoundingClientRect();
    if (rect) {
      const below = rect.bottom + PICKER_HEIGHT < window.innerHeight;
      setAnchor({
        top: below ? rect.bottom + 4 : Math.max(4, rect.top - PICKER_HEIGHT),
        left: rect.left,
      });
    }
    setPending(snapped);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== textRef.current) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const next = moveSelection(keys, words, event.key === 'ArrowRight' ? 1 : -1, event.shiftKey);
      setKeys(next);
      const range = selectionRange(next, words);
      if (range) announce(`Selected “${example.text.slice(range.begin, range.end)}”`);
    } else if (event.key === 'Enter' && keyRange) {
      event.preventDefault();
      open(keyRange);
    } else if (/^[1-9]$/.test(event.key) && keyRange && canWrite) {
      const name = entityNames[Number(event.key) - 1];
      if (name) {
        event.preventDefault();
        tag(keyRange, name);
      }
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && keyRange && canWrite) {
      const hit = example.entities.find(
        (span) => span.begin < keyRange.end && keyRange.begin < span.end,
      );
      if (hit) {
        event.preventDefault();
        onChange({ ...example, entities: removeSpan(example.entities, hit.begin) });
        announce(`Removed ${hit.name}: ${hit.value}`);
      }
    } else if (event.key === 'Escape') {
      setKeys(null);
    }
  };

  if (editing !== null) {
    return (
      <form
        className="example-row"
        onSubmit={(event) => {
          event.preventDefault();
          const text = editing.trim();
          if (!text) return;
          const entities = shiftSpans(example.text, text, example.entities, language);
          const dropped = example.entities.length - entities.length;
          onChange({ text, entities });
          setEditing(null);
          if (dropped > 0) announce(`${dropped} tag(s) touched by the edit were removed.`);
        }}
      >
        <label className="visually-hidden" htmlFor={`edit-${index}`}>
          Example text
        </label>
        <input
          id={`edit-${index}`}
          value={editing}
          onChange={(event) => setEditing(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setEditing(null);
          }}
          autoFocus
          style={{ flex: 1 }}
        />
        <button type="submit" className="primary">
          Save
        </button>
        <button type="button" onClick={() => setEditing(null)}>
          Cancel
        </button>
      </form>
    );
  }

  return (
    <div className="example-row" data-example-index={index}>
      <div style={{ flex: 1 }}>
        <AnnotatedText
          ref={textRef}
          text={example.text}
          spans={example.entities}
          entityNames={entityNames}
          selection={pending ?? keyRange}
          suggestions={suggestions}
          label={`Example ${index + 1}: ${example.text}`}
          describedBy={HELP_ID}
          onRemove={(span) => {
            onChange({ ...example, entities: removeSpan(example.entities, span.begin) });
            announce(`Removed ${span.name}: ${span.value}`);
            textRef.current?.focus();
          }}
          removeDisabled={!canWrite}
          onMouseUp={() => {
            if (textRef.current) open(selectionOffsets(textRef.current));
          }}
          onKeyDown={onKeyDown}
        />
        {pending && (
          <EntityPicker
            position={anchor}
            selectedText={example.text.slice(pending.begin, pending.end)}
            entityNames={entityNames}
            onPick={(name) => tag(pending, name)}
            creating={creating}
            onCreate={(name) => {
              setCreating(true);
              onCreateEntity(name)
                .then(() => tag(pending, name))
                .catch((error: unknown) =>
                  announce(`Could not create entity ${name}: ${String(error)}`),
                )
                .finally(() => setCreating(false));
            }}
            onCancel={closePicker}
          />
        )}
        {suggestions && suggestions.length > 0 && (
          <div className="small">
            Suggested: {suggestions.map((s) => `${s.value} → ${s.name}`).join(', ')}{' '}
            <button
              type="button"
              className="link"
              onClick={onAcceptSuggestions}
              disabled={!canWrite}
            >
              Accept
            </button>
          </div>
        )}
      </div>
      <button
        type="button"
        onClick={() => setEditing(example.text)}
        disabled={!canWrite}
        aria-label={`Edit example ${index + 1}`}
      >
        Edit
      </button>
      <button
        type="button"
        onClick={onDelete}
        disabled={!canWrite}
        aria-label={`Delete example ${index + 1}: ${example.text}`}
      >
        Delete
      </button>
    </div>
  );
}

export { HELP_ID as ANNOTATION_HELP_ID };
