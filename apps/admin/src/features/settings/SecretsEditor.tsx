import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { enc, keys } from '../../api/queries';
import type { Bot } from '../../api/types';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { WriteButton } from '../../ui/WriteButton';

/** Tool-call secrets ({{secrets.NAME}}): set, replace or delete; values are never shown. */
export function SecretsEditor({ bot }: { bot: Bot }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.bot(bot.id) });
  const set = useMutation({
    mutationFn: () => api.put(`/admin/bots/${enc(bot.id)}/secrets/${enc(name.trim())}`, { value }),
    onSuccess: () => {
      setName('');
      setValue('');
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (secret: string) => api.delete(`/admin/bots/${enc(bot.id)}/secrets/${enc(secret)}`),
    onSuccess: () => void refresh(),
  });
  return (
    <section className="card" aria-labelledby="secrets-title">
      <h2 id="secrets-title" style={{ marginTop: 0 }}>
        Tool-call secrets
      </h2>
      <p className="small muted">
        Used in tool-call URLs and headers as <code>{'{{secrets.NAME}}'}</code>. Write-only: values
        are stored and never shown, and they are redacted from logs and transcripts.
      </p>
      {bot.secretNames.length === 0 ? (
        <p className="muted">No secrets.</p>
      ) : (
        <ul>
          {bot.secretNames.map((secret) => (
            <li key={secret}>
              <code>{secret}</code> <span className="badge ok">set</span>{' '}
              <WriteButton
                type="button"
                onClick={() => remove.mutate(secret)}
                aria-label={`Delete secret ${secret}`}
              >
                Delete
              </WriteButton>
            </li>
          ))}
        </ul>
      )}
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          set.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="secret-name">Name</label>
          <input id="secret-name" value={name} onChange={(event) => setName(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="secret-value">Value</label>
          <input
            id="secret-value"
            type="password"
            autoComplete="off"
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        </div>
        <div className="field">
          <WriteButton type="submit" disabled={!name.trim() || !value || set.isPending}>
            {bot.secretNames.includes(name.trim()) ? 'Replace secret' : 'Set secret'}
          </WriteButton>
        </div>
      </form>
      <ErrorNotice error={set.error} title="The secret was not saved" />
      <ErrorNotice error={remove.error} title="The secret was not deleted" />
    </section>
  );
}
