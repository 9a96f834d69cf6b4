// The menu bar: File > Quit, View > Reload / Toggle DevTools (development only), Help > About (main process).
import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppModule } from './appModule.js';

export function applicationMenu(): AppModule {
  return {
    name: 'application menu',
    enable() {
      void app.whenReady().then(() => Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(!app.isPackaged))));
    },
  };
}

function menuTemplate(development: boolean): MenuItemConstructorOptions[] {
  const developerItems: MenuItemConstructorOptions[] = development
    ? [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }]
    : [];
  return [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [{ role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }, ...developerItems],
    },
    { label: 'Help', submenu: [{ label: 'About Backprop Lab', click: () => void showAbout() }] },
  ];
}

async function showAbout(): Promise<void> {
  const options = {
    type: 'info' as const,
    title: 'About Backprop Lab',
    message: `Backprop Lab ${app.getVersion()}`,
    detail: [
      'A lab for learning and checking how neural networks learn: gradients, backprop and training, drawn live.',
      '',
      'Digits data: UCI Machine Learning Repository, "Optical Recognition of Handwritten Digits"',
      '(E. Alpaydin, C. Kaynak, 1998), CC BY 4.0.',
      '',
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    ].join('\n'),
    buttons: ['OK'],
  };
  const window = BrowserWindow.getFocusedWindow();
  await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}
