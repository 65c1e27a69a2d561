import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommandInput, CommandName, CommandOutput } from '../../../core/contract';
import { ApiError, call, subscribe } from '../api/client';

export interface CommandState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs a read command and keeps its answer; runs it again when the input changes or the
 * workspace reports a change (import finished, plan made, settings saved …).
 */
export function useCommand<K extends CommandName>(
  name: K,
  input: CommandInput<K>,
  options: { enabled?: boolean; refreshOnChange?: boolean } = {},
): CommandState<CommandOutput<K>> {
  const { enabled = true, refreshOnChange = true } = options;
  const [data, setData] = useState<CommandOutput<K>>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(enabled);
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(input);
  const latest = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    const ticket = ++latest.current;
    setLoading(true);
    call(name, JSON.parse(key) as CommandInput<K>)
      .then((value) => {
        if (ticket !== latest.current) return;
        setData(value);
        setError(undefined);
      })
      .catch((err: unknown) => {
        if (ticket !== latest.current) return;
        setError(err instanceof ApiError ? err : new ApiError({ code: 'internal', message: String(err) }));
      })
      .finally(() => {
        if (ticket === latest.current) setLoading(false);
      });
  }, [name, key, enabled, version]);

  useEffect(() => {
    if (!refreshOnChange || !enabled) return;
    return subscribe('workspace.changed', () => setVersion((v) => v + 1));
  }, [refreshOnChange, enabled]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload };
}
