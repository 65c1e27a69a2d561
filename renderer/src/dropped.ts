import type { FileRef } from '../../core/contract/common';
import { isDesktop, uploadFile } from './api/bridge';
import { subscribe } from './api/client';

/**
 * Files the user dropped on the window or picked, waiting for the Import screen. In the
 * desktop app the preload hands dropped paths to the main process, which grants handles
 * and sends them back as a `files.dropped` event; in the browser host we upload them.
 */
type Listener = (files: FileRef[]) => void;
const listeners = new Set<Listener>();
let pending: FileRef[] = [];

export function takePendingFiles(): FileRef[] {
  const files = pending;
  pending = [];
  return files;
}

export function onFilesArrived(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function deliver(files: FileRef[]): void {
  if (files.length === 0) return;
  if (listeners.size === 0) {
    pending = [...pending, ...files];
    return;
  }
  for (const listener of listeners) listener(files);
}

export async function addBrowserFiles(files: File[]): Promise<FileRef[]> {
  const refs = await Promise.all(files.map((f) => uploadFile(f)));
  deliver(refs);
  return refs;
}

export function startDropListening(onArrive: () => void): () => void {
  const unsubscribe = subscribe('files.dropped', ({ files }) => {
    onArrive();
    deliver(files);
  });
  const onDragOver = (e: DragEvent) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    // In the desktop app the preload reads the paths of the same drop.
    if (isDesktop) return;
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (files.length === 0) return;
    onArrive();
    void addBrowserFiles(files);
  };
  window.addEventListener('dragover', onDragOver);
  window.addEventListener('drop', onDrop);
  return () => {
    unsubscribe();
    window.removeEventListener('dragover', onDragOver);
    window.removeEventListener('drop', onDrop);
  };
}
