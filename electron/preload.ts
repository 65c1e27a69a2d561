// The bridge between the sandboxed renderer and the main process. It exposes exactly two
// functions, over allow-lists taken from the contract: invoke(name, input, workspace) and on(event, cb).
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { COMMAND_NAMES, EVENT_NAMES } from '../core/contract';
import { INVOKE_CHANNEL, DROP_CHANNEL, eventChannel } from './channels';

const commandNames = new Set<string>(COMMAND_NAMES);
const eventNames = new Set<string>(EVENT_NAMES);

contextBridge.exposeInMainWorld('shelfcast', {
  invoke(name: unknown, input: unknown, workspace?: unknown) {
    if (typeof name !== 'string' || !commandNames.has(name)) {
      return Promise.resolve({ ok: false, error: { code: 'command.unknown', message: `There is no command called "${String(name)}".` } });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, name, input, workspace);
  },
  on(event: unknown, callback: unknown) {
    if (typeof event !== 'string' || !eventNames.has(event) || typeof callback !== 'function') return () => undefined;
    const listener = (_e: Electron.IpcRendererEvent, payload: unknown) => (callback as (p: unknown) => void)(payload);
    ipcRenderer.on(eventChannel(event), listener);
    return () => ipcRenderer.removeListener(eventChannel(event), listener);
  },
});

// Files dropped anywhere on the window: their paths go to the main process, which grants
// them as file handles and answers with a files.dropped event.
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => {
  e.preventDefault();
  const paths = Array.from(e.dataTransfer?.files ?? [])
    .map((file) => webUtils.getPathForFile(file))
    .filter((path) => path !== '');
  if (paths.length > 0) ipcRenderer.send(DROP_CHANNEL, paths);
});
