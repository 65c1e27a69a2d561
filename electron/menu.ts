import { Menu, app as electronApp } from 'electron';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import type { ShelfcastApp } from '../core/app/app';

/** The application menu: files, screens, help. Menu actions go through the same core. */
export function buildMenu(core: ShelfcastApp, window: () => BrowserWindow | undefined): Menu {
  const go = (route: string) => () => core.emit('app.navigate', { route });
  const openWorkspace = async () => {
    const paths = await core.platform.pickOpen?.({ title: 'Open a Shelfcast workspace', multiple: false, filters: [{ name: 'Shelfcast workspace', extensions: ['shelfcast'] }] });
    const path = paths?.[0];
    if (path) await core.openWorkspace(path).catch((err: unknown) => console.error(err));
  };
  const importFiles = async () => {
    const paths = await core.platform.pickOpen?.({ title: 'Import CSV files', multiple: true, filters: [{ name: 'CSV files', extensions: ['csv', 'txt', 'tsv'] }] });
    if (paths && paths.length > 0) core.emit('files.dropped', { files: paths.map((p) => core.files.grant(p)) });
  };
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Open workspace…', accelerator: 'CmdOrCtrl+O', click: () => void openWorkspace() },
        { label: 'Import files…', accelerator: 'CmdOrCtrl+I', click: () => void importFiles() },
        { type: 'separator' },
        { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: () => void core.platform.print?.() },
        { type: 'separator' },
        { label: 'Quit', role: 'quit' },
      ],
    },
    {
      label: 'Go',
      submenu: [
        { label: 'Dashboard', accelerator: 'CmdOrCtrl+1', click: go('/dashboard') },
        { label: 'Reorder', accelerator: 'CmdOrCtrl+2', click: go('/reorder') },
        { label: 'Purchase orders', accelerator: 'CmdOrCtrl+3', click: go('/purchase-orders') },
        { label: 'Products', accelerator: 'CmdOrCtrl+4', click: go('/products') },
        { label: 'Import', accelerator: 'CmdOrCtrl+5', click: go('/import') },
        { label: 'Reports', click: go('/reports') },
        { label: 'Settings', accelerator: 'CmdOrCtrl+,', click: go('/settings') },
      ],
    },
    { label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { label: 'Help', submenu: [{ label: `Shelfcast ${electronApp.getVersion()}`, enabled: false }, { label: 'Focus window', click: () => window()?.focus() }] },
  ];
  return Menu.buildFromTemplate(template);
}
