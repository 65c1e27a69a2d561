import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Settings } from '../../../core/contract/commands/settings';
import { ApiError, call, subscribe } from '../api/client';
import type { SettingsFormAction, SettingsFormState } from '../components/settings-form';
import { EMPTY_SETTINGS_FORM, settingsFormReducer } from '../components/settings-form';

export interface SettingsSnapshot {
  workspacePath: string;
  settings: Settings;
}

/** The path of the workspace open in the host now (null when none). */
async function openWorkspacePath(): Promise<string | null> {
  return (await call('app.info', {})).workspace?.path ?? null;
}

/**
 * The settings together with the workspace they were read from. settings.get does not say
 * which workspace answered, so the open workspace is asked before and after: when they differ
 * another workspace was opened in between, and the answer is dropped (that opening sends its
 * own workspace.changed, which loads again).
 */
async function readSnapshot(): Promise<SettingsSnapshot | undefined> {
  const before = await openWorkspacePath();
  if (before === null) return undefined;
  const settings = await call('settings.get', {});
  const after = await openWorkspacePath();
  return after === before ? { workspacePath: before, settings } : undefined;
}

export interface SettingsForm {
  state: SettingsFormState;
  error: ApiError | undefined;
  dispatch: (action: SettingsFormAction) => void;
  /** Reads the stored settings again; `reset` drops unsaved edits (after a restore). */
  reload: (options?: { reset?: boolean }) => void;
}

/**
 * The settings form's state, kept in step with the workspace: loads on mount and on every
 * workspace.changed; only the newest load's answer is used, so a slow answer from before
 * another workspace was opened never lands over the new one's.
 */
export function useSettingsForm(): SettingsForm {
  const [state, dispatch] = useReducer(settingsFormReducer, EMPTY_SETTINGS_FORM);
  const [error, setError] = useState<ApiError>();
  const latest = useRef(0);
  const resetPending = useRef(false);

  const reload = useCallback((options: { reset?: boolean } = {}) => {
    // A reset asked for survives a newer load overtaking it: whichever load lands applies it.
    if (options.reset) resetPending.current = true;
    const ticket = ++latest.current;
    readSnapshot()
      .then((snapshot) => {
        if (ticket !== latest.current || !snapshot) return;
        dispatch({ type: 'loaded', ...snapshot, reset: resetPending.current });
        resetPending.current = false;
        setError(undefined);
      })
      .catch((err: unknown) => {
        if (ticket !== latest.current) return;
        setError(err instanceof ApiError ? err : new ApiError({ code: 'internal', message: String(err) }));
      });
  }, []);

  useEffect(() => {
    reload();
    const unsubscribe = subscribe('workspace.changed', () => reload());
    return () => {
      unsubscribe();
      latest.current++;
    };
  }, [reload]);

  return { state, error, dispatch, reload };
}
