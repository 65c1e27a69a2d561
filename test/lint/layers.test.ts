import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('layer rules (CONVENTIONS.md §1)', () => {
  it('fail when core imports electron', async () => {
    expect(await layerErrors("import { app } from 'electron';\nexport const x = app;\n", 'core/bad.ts')).not.toEqual([]);
  });

  it('fail when core imports react or the renderer', async () => {
    expect(await layerErrors("import { useState } from 'react';\nexport const x = useState;\n", 'core/forecast/bad.ts')).not.toEqual([]);
    expect(await layerErrors("import { App } from '../renderer/src/App';\nexport const x = App;\n", 'core/bad.ts')).not.toEqual([]);
  });

  it('fail when the renderer imports a value from core/contract or any other core module', async () => {
    expect(await layerErrors("import { commands } from '../../core/contract';\nexport const x = commands;\n", 'renderer/src/bad.ts')).not.toEqual([]);
    expect(await layerErrors("import { openWorkspace } from '../../core/db/connection';\nexport const x = openWorkspace;\n", 'renderer/src/bad.ts')).not.toEqual([]);
    expect(await layerErrors("import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'renderer/src/bad.ts')).not.toEqual([]);
  });

  it('allow the renderer to import types from core/contract', async () => {
    expect(await layerErrors("import type { CommandName } from '../../core/contract';\nexport type X = CommandName;\n", 'renderer/src/ok.ts')).toEqual([]);
  });

  it('fail when the preload imports anything but the contract and electron', async () => {
    expect(await layerErrors("import { openWorkspace } from '../core/db/connection';\nexport const x = openWorkspace;\n", 'electron/preload.ts')).not.toEqual([]);
    expect(await layerErrors("import { COMMAND_NAMES } from '../core/contract';\nexport const x = COMMAND_NAMES;\n", 'electron/preload.ts')).toEqual([]);
  });
});
