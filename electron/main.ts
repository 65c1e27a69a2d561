// Electron main process: one window, the menu, dialogs, printing and the IPC binding.
// Thin by design: everything else is the core, shared with the CLI and the browser host.
import { BrowserWindow, Menu, Notification, app as electronApp, dialog, ipcMain, net, protocol, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ShelfcastApp } from '../core/app/app';
import { createAppRouter } from '../core/handlers';
import { CONTENT_SECURITY_POLICY } from '../core/host/csp';
import { appRoot } from '../core/paths';
import { bindIpc } from './ipc';
import { buildMenu } from './menu';

const APP_ORIGIN = 'app://shelfcast';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | undefined;

function rendererDir(): string {
  return join(appRoot(), 'dist', 'renderer');
}

/** Serves the built renderer on app://shelfcast/ with the strict CSP; nothing outside it. */
function serveRenderer(): void {
  const root = rendererDir();
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const path = normalize(join(root, relative));
    if (url.host !== 'shelfcast' || !path.startsWith(root + sep) || !existsSync(path)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(path).href);
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function lockDown(): void {
  // No permission (camera, notifications from pages, geolocation …) is ever granted to content.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  // Nothing is loaded from anywhere but the app itself.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith('app://') || details.url.startsWith('devtools://') || details.url.startsWith('data:') || details.url.startsWith('blob:');
    callback({ cancel: !allowed });
  });
  electronApp.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

async function createWindow(core: ShelfcastApp): Promise<void> {
  mainWindow = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: 'Shelfcast',
    show: false,
    webPreferences: {
      preload: join(appRoot(), 'dist', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
  void core;
}

async function start(): Promise<void> {
  await electronApp.whenReady();
  lockDown();
  serveRenderer();
  const core = new ShelfcastApp({
    host: 'electron',
    // SHELFCAST_HOME keeps test runs apart from the user's own state.
    configDir: process.env.SHELFCAST_HOME ?? electronApp.getPath('userData'),
    defaultWorkspaceDir: process.env.SHELFCAST_HOME ? join(process.env.SHELFCAST_HOME, 'workspaces') : join(electronApp.getPath('documents'), 'Shelfcast'),
    pickOpen: async ({ title, multiple, filters }) => {
      const result = await dialog.showOpenDialog({ title, filters, properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'] });
      return result.canceled ? [] : result.filePaths;
    },
    pickSave: async ({ title, defaultName, filters }) => {
      const result = await dialog.showSaveDialog({ title, defaultPath: defaultName, filters });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    print: () =>
      new Promise<void>((resolve, reject) => {
        if (!mainWindow) return reject(new Error('No window to print'));
        mainWindow.webContents.print({}, (success, reason) => (success || reason === 'cancelled' ? resolve() : reject(new Error(reason))));
      }),
    // A report prints from the system's PDF viewer, which keeps the PDF's own pages (A4,
    // repeated table headers) rather than re-laying them out as a web page.
    printFile: async (path) => {
      const error = await shell.openPath(path);
      if (error) throw new Error(`Could not open the report to print: ${error}`);
    },
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
  });
  const router = createAppRouter();
  bindIpc(ipcMain, core, router, () => mainWindow?.webContents);
  Menu.setApplicationMenu(buildMenu(core, () => mainWindow));

  const last = core.recent.last();
  if (last) {
    try {
      await core.openWorkspace(last);
    } catch (err) {
      console.error('Could not reopen the last workspace', err);
    }
  }
  await createWindow(core);

  electronApp.on('window-all-closed', () => {
    void core.dispose().finally(() => electronApp.quit());
  });
  electronApp.on('activate', () => {
    if (!mainWindow) void createWindow(core);
  });
}

void start();
