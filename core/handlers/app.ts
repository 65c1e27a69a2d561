import { copyFileSync } from 'node:fs';
import { AppError } from '../contract/errors';
import { defineHandlers } from '../router';
import type { HandlerContext } from './context';

function unsupported(what: string): AppError {
  return new AppError('input.invalid', `${what} is only available in the desktop app.`);
}

export const appHandlers = defineHandlers<HandlerContext>('app', {
  'app.info': (_input, { app }) => app.info(),
  'files.pickOpen': async (input, { app }) => {
    if (!app.platform.pickOpen) throw unsupported('The file dialog');
    const paths = await app.platform.pickOpen(input);
    return paths.map((path) => app.files.grant(path));
  },
  'files.pickSave': async (input, { app }) => {
    if (!app.platform.pickSave) throw unsupported('The save dialog');
    const path = await app.platform.pickSave(input);
    return path === null ? null : app.files.grant(path);
  },
  'files.saveAs': async (input, { app }) => {
    if (!app.platform.pickSave) throw unsupported('Saving a copy');
    const source = app.files.resolve(input.fileId);
    const target = await app.platform.pickSave({ title: 'Save as', defaultName: input.defaultName, filters: [] });
    if (target === null) return { saved: false, name: null };
    copyFileSync(source.path, target);
    return { saved: true, name: target };
  },
  'files.release': (input, { app }) => {
    app.files.release(input.fileId);
    return { ok: true as const };
  },
  'app.print': async (input, { app }) => {
    if (input.fileId !== undefined) {
      if (!app.platform.printFile) throw unsupported('Printing a report');
      // The id must be a file the core granted (a generated report): never a renderer path.
      await app.platform.printFile(app.files.resolve(input.fileId).path);
      return { ok: true as const };
    }
    if (!app.platform.print) throw unsupported('Printing');
    await app.platform.print();
    return { ok: true as const };
  },
});
