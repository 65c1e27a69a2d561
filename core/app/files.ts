import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { FileRef } from '../contract/common';
import { AppError } from '../contract/errors';

interface Grant {
  path: string;
  name: string;
  /** Files the core created itself (uploads, reports) are deleted when released. */
  owned: boolean;
}

/**
 * The only way a path reaches the core from the UI: the host grants a path the user chose
 * in a dialog, dropped on the window or uploaded, and the UI refers to it by an opaque id.
 */
export class FileGrants {
  private readonly grants = new Map<string, Grant>();

  grant(path: string, options: { name?: string; owned?: boolean } = {}): FileRef {
    const fileId = randomBytes(12).toString('hex');
    const name = options.name ?? basename(path);
    this.grants.set(fileId, { path, name, owned: options.owned ?? false });
    let size = 0;
    try {
      size = statSync(path).size;
    } catch {
      size = 0;
    }
    return { fileId, name, size };
  }

  resolve(fileId: string): { path: string; name: string } {
    const grant = this.grants.get(fileId);
    if (!grant) {
      throw new AppError('file.not_granted', 'That file is no longer available. Choose or drop it again.', { fileId });
    }
    return { path: grant.path, name: grant.name };
  }

  release(fileId: string): void {
    const grant = this.grants.get(fileId);
    if (!grant) return;
    this.grants.delete(fileId);
    if (grant.owned) rmSync(grant.path, { force: true });
  }

  releaseAll(): void {
    for (const id of [...this.grants.keys()]) this.release(id);
  }
}
