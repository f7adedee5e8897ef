import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { enc, keys, useBot, useEntities, useIntent } from '../../api/queries';
import type { EntitySpan, TrainingExample } from '../../api/types';
import { usePermissions } from '../../auth/session';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { WriteButton } from '../../ui/WriteButton';
import { ModelStatusBadge } from '../models/ModelStatusBadge';
import { ANNOTATION_HELP_ID, ExampleRow } from './ExampleRow';
import { addSpan } from './spans';
import { useExampleEdits } from './useExampleEdits';

interface Suggestion {
  index: number;
  text: string;
  entities: EntitySpan[];
}

export default function ExamplesPage() {
  const { botId = '', intentId = '' } = useParams();
  const api = useApi();
  const queryClient = useQueryClient();
  const bot = useBot(botId);
  const intent = useIntent(botId, intentId);
  const entities = useEntities(botId);
  const { canWrite } = usePermissions();
  const edits = useExampleEdits(botId, intentId);
  const [draft, setDraft] = useState('');
  const [search] = useSearchParams();
  const [filter, setFilter] = useState(search.get('filter') ?? '');
  const [pasting, setPasting] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [suggestions, setSuggestions] = useState<Map<string, EntitySpan[]>>(new Map());
  const scrollRef = useRef<HTMLDivElement>(null);

  const entityNames = useMemo(() => entities.data?.map((e) => e.name) ?? [], [entities.data]);
  const examples = intent.data?.trainingData ?? [];
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const all = examples.map((example, index) => ({ example, index }));
    return needle ? all.filter(({ example }) => example.text.toLowerCase().includes(needle)) : all;
  }, [examples, filter]);

  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 52,
    overscan: 8,
    getItemKey: (i) => `${shown[i]?.index}:${shown[i]?.example.text}`,
  });

  const announce = useCallback((message: string) => setAnnouncement(message), []);
  const edit = (fn: (examples: TrainingExample[]) => TrainingExample[]) => edits.mutate(fn);

  const createEntity = useMutation({
    mutationFn: (name: string) => api.post(`/admin/bots/${enc(botId)}/entities`, { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.entities(botId) }),
  });

  const suggest = useMutation({
    mutationFn: () =>
      api.post<{ suggestions: Suggestion[] }>(
        `/admin/bots/${enc(botId)}/intents/${enc(intentId)}/suggestions`,
      ),
    onSuccess: ({ suggestions: found }) => {
      setSuggestions(new Map(found.map((s) => [s.text, s.entities])));
      announce(
        found.length === 0
          ? 'The model has no suggestions for the unannotated examples.'
          : `${found.length} example(s) have suggested tags.`,
      );
    },
  });

  const accept = (texts: string[]) => {
    const chosen = new Map(texts.map((text) => [text, suggestions.get(text) ?? []]));
    edit((list) =>
      list.map((example) => {
        const proposed = chosen.get(example.text);
        if (!proposed) return example;
        let spans = example.entities;
        for (const span of proposed) {
          const result = addSpan(example.text, spans, span, span.name);
          if (result.ok) spans = result.spans;
        }
        return { ...example, entities: spans };
      }),
    );
    setSuggestions((current) => {
      const next = new Map(current);
      for (const text of texts) next.delete(text);
      return next;
    });
  };

  const addMany = (texts: string[]) => {
    const known = new Set(examples.map((example) => example.text));
    const fresh = [...new Set(texts.map((t) => t.trim()).filter((t) => t && !known.has(t)))];
    if (fresh.length === 0) {
      announce('Nothing new to add: those examples are already there.');
      return;
    }
    edit((list) => [...fresh.map((text) => ({ text, entities: [] })), ...list]);
    announce(`Added ${fresh.length} example(s).`);
  };

  if (intent.isPending || entities.isPending) return <Loading what="Loading examples" />;
  if (intent.error) return <ErrorNotice error={intent.error} title="Could not load the intent" />;

  return (
    <>
      <div className="page-head">
        <h1>Examples of “{intent.data.name}”</h1>
        <ModelStatusBadge botId={botId} />
        <div className="actions">
          <Link to={`/bots/${botId}/intents/${intentId}`}>Edit intent</Link>
          <WriteButton type="button" onClick={() => suggest.mutate()} disabled={suggest.isPending}>
            {suggest.isPending ? 'Asking the model…' : 'Suggest tags'}
          </WriteButton>
          {suggestions.size > 0 && (
            <WriteButton type="button" onClick={() => accept([...suggestions.keys()])}>
              Accept all {suggestions.size} suggestions
            </WriteButton>
          )}
        </div>
      </div>
      <ErrorNotice error={edits.error} title="The change was not saved" />
      <ErrorNotice error={suggest.error} title="No suggestions" />
      <ErrorNotice error={createEntity.error} title="The entity was not created" />
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          addMany([draft]);
          setDraft('');
        }}
      >
        <div className="field" style={{ flex: 1 }}>
          <label htmlFor="new-example">Add an example</label>
          <input
            id="new-example"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            placeholder="Something a user would say"
            disabled={!canWrite}
          />
        </div>
        <div className="field">
          <WriteButton type="submit" className="primary" disabled={!draft.trim()}>
            Add
          </WriteButton>
        </div>
        <div className="field">
          <WriteButton type="button" onClick={() => setPasting(true)}>
            Paste many…
          </WriteButton>
        </div>
      </form>
      <div className="row">
        <div className="field">
          <label htmlFor="filter-examples">Filter</label>
          <input
            id="filter-examples"
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
        <p className="muted" role="status">
          {shown.length} of {examples.length} examples ·{' '}
          {edits.isPending
            ? 'saving…'
            : edits.isError
              ? 'last change not saved'
              : 'all changes saved'}
        </p>
      </div>
      <p className="small muted" id={ANNOTATION_HELP_ID}>
        To tag words: select them with the mouse, or focus an example and use ←/→ (Shift to extend),
        then Enter to choose the entity or a digit 1–9. Delete removes the tag under the selection.
      </p>
      <div aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      {announcement && (
        <p className="small" aria-hidden="true">
          {announcement}
        </p>
      )}
      <div ref={scrollRef} className="examples-list" role="list" aria-label="Training examples">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = shown[item.index]!;
            return (
              <div
                key={item.key}
                role="listitem"
                ref={virtualizer.measureElement}
                data-index={item.index}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  transform: `translateY(${item.start}px)`,
                }}
              >
                <ExampleRow
                  example={row.example}
                  index={row.index}
                  entityNames={entityNames}
                  language={bot.data?.language ?? 'en'}
                  canWrite={canWrite}
                  suggestions={suggestions.get(row.example.text)}
                  onAcceptSuggestions={() => accept([row.example.text])}
                  onChange={(changed) =>
                    edit((list) => list.map((ex, i) => (i === row.index ? changed : ex)))
                  }
                  onDelete={() => {
                    edit((list) => list.filter((_ex, i) => i !== row.index));
                    announce(`Deleted “${row.example.text}”.`);
                  }}
                  onCreateEntity={async (name) => {
                    await createEntity.mutateAsync(name);
                  }}
                  announce={announce}
                />
              </div>
            );
          })}
        </div>
      </div>
      {pasting && (
        <PasteDialog
          onClose={() => setPasting(false)}
          onAdd={(texts) => {
            addMany(texts);
            setPasting(false);
          }}
        />
      )}
    </>
  );
}

function PasteDialog({ onClose, onAdd }: { onClose: () => void; onAdd: (t: string[]) => void }) {
  const [text, setText] = useState('');
  const lines = text.split('\n').filter((line) => line.trim());
  return (
    <Dialog open title="Paste examples" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onAdd(lines);
        }}
      >
        <div className="field">
          <label htmlFor="paste-examples">One example per line</label>
          <textarea
            id="paste-examples"
            rows={10}
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoFocus
          />
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={lines.length === 0}>
            Add {lines.length} example(s)
          </button>
        </div>
      </form>
    </Dialog>
  );
}
