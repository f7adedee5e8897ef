import { forwardRef, type KeyboardEvent, type ReactNode } from 'react';
import type { EntitySpan } from '../../api/types';
import { entityColour } from './entity-colors';
import { pieces, type Range } from './spans';

export interface AnnotatedTextProps {
  text: string;
  spans: readonly EntitySpan[];
  entityNames: readonly string[];
  /** Highlighted words chosen with the keyboard. */
  selection?: Range | null;
  /** Proposed tags (from the model), shown dotted until accepted. */
  suggestions?: readonly EntitySpan[];
  onRemove?: (span: EntitySpan) => void;
  removeDisabled?: boolean;
  onMouseUp?: () => void;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
  label: string;
  describedBy?: string;
  focusable?: boolean;
}

/**
 * An example's text with its tags. Every character sits in an element with `data-begin`
 * (its offset in the text), so a mouse selection maps back to offsets exactly; labels and
 * buttons are `data-skip` and never count.
 */
export const AnnotatedText = forwardRef<HTMLElement, AnnotatedTextProps>(function AnnotatedText(
  {
    text,
    spans,
    entityNames,
    selection,
    suggestions = [],
    onRemove,
    removeDisabled,
    onMouseUp,
    onKeyDown,
    label,
    describedBy,
    focusable = true,
  },
  ref,
) {
  const plain = (begin: number, end: number): ReactNode[] => {
    const cuts = [begin, end];
    for (const range of [selection, ...suggestions]) {
      if (!range) continue;
      for (const at of [range.begin, range.end]) if (at > begin && at < end) cuts.push(at);
    }
    const points = [...new Set(cuts)].sort((a, b) => a - b);
    return points.slice(0, -1).map((from, i) => {
      const to = points[i + 1]!;
      const selected = selection && from >= selection.begin && to <= selection.end;
      const suggested = suggestions.find((s) => from >= s.begin && to <= s.end);
      return (
        <span
          key={from}
          data-begin={from}
          className={[selected ? 'kbd-selected' : '', suggested ? 'suggested' : ''].join(' ')}
          title={suggested ? `suggested: ${suggested.name}` : undefined}
        >
          {text.slice(from, to)}
        </span>
      );
    });
  };

  return (
    <span
      ref={ref}
      className="example-text"
      tabIndex={focusable ? 0 : undefined}
      role={focusable ? 'group' : undefined}
      aria-label={focusable ? label : undefined}
      aria-describedby={describedBy}
      onMouseUp={onMouseUp}
      onKeyDown={onKeyDown}
    >
      {pieces(text, spans).map((piece) =>
        piece.span ? (
          <mark
            key={`t${piece.begin}`}
            className="tag"
            style={{ background: entityColour(entityNames, piece.span.name) }}
          >
            {plain(piece.begin, piece.end)}
            <span className="tag-label" data-skip="" aria-hidden="true">
              {piece.span.name}
            </span>
            <span className="visually-hidden" data-skip="">
              {` (${piece.span.name})`}
            </span>
            {onRemove && (
              <button
                type="button"
                className="tag-remove"
                data-skip=""
                aria-label={`remove ${piece.span.name}: ${piece.span.value}`}
                title={`remove ${piece.span.name}: ${piece.span.value}`}
                disabled={removeDisabled}
                onClick={() => onRemove(piece.span!)}
              >
                ×
              </button>
            )}
          </mark>
        ) : (
          <span key={`p${piece.begin}`}>{plain(piece.begin, piece.end)}</span>
        ),
      )}
    </span>
  );
});
