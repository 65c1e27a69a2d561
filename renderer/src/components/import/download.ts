import { fileUrl, isDesktop } from '../../api/bridge';
import { call } from '../../api/client';

/** Saves a file the core made: a save dialog in the desktop app, a download in the browser. */
export async function saveGrantedFile(file: { fileId: string; name: string }): Promise<string | null> {
  if (isDesktop) {
    const saved = await call('files.saveAs', { fileId: file.fileId, defaultName: file.name });
    return saved.saved ? (saved.name ?? file.name) : null;
  }
  const link = document.createElement('a');
  link.href = fileUrl(file.fileId);
  link.download = file.name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  return file.name;
}
