import { AppError } from '../contract/errors';
import { readSettings, updateSettings } from '../db/repos/settings';
import { defineHandlers } from '../router';
import type { HandlerContext } from './context';

export const settingsHandlers = defineHandlers<HandlerContext>('settings', {
  'settings.get': (_input, { app }) => readSettings(app.db),
  'settings.update': (input, { app }) => {
    const { workspace, ...changes } = input;
    // Compared, never opened: the path only says which workspace the change was meant for.
    if (workspace !== undefined && workspace !== app.workspacePath) {
      throw new AppError('conflict', 'Another workspace was opened, so these settings were not saved. The form now shows its settings.', { workspace: app.workspacePath });
    }
    const settings = updateSettings(app.db, changes);
    app.emit('workspace.changed', { reason: 'settings' });
    return settings;
  },
});
