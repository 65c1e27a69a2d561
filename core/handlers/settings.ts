import { readSettings, updateSettings } from '../db/repos/settings';
import { defineHandlers } from '../router';
import type { HandlerContext } from './context';

export const settingsHandlers = defineHandlers<HandlerContext>('settings', {
  'settings.get': (_input, { app }) => readSettings(app.db),
  'settings.update': (input, { app }) => {
    const settings = updateSettings(app.db, input);
    app.emit('workspace.changed', { reason: 'settings' });
    return settings;
  },
});
