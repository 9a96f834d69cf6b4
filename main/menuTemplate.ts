// The menu bar as a template, built from the lab's one command table (main process; plain data, so plain Node tests it).
import type { MenuItemConstructorOptions } from 'electron';
import { labCommand, type LabCommandId } from '../contract/labCommands.js';

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** An unpackaged run: Reload and the developer tools are offered. */
  development: boolean;
  /** Project files opened or saved lately, newest first. */
  recent: readonly string[];
  /** Sends a command to the page, which carries it out as its own key would. */
  send(command: LabCommandId): void;
  /** Opens a project file from Open Recent. */
  openRecent(file: string): void;
  clearRecent(): void;
}

/**
 * The menu bar: File (New, Open…, Open Recent, Save, Save As…, Export…, Quit), Edit, View (labs, theme, zoom), Help
 * (Keyboard shortcuts, About). The shortcuts are shown here but left to the page, which handles every key itself (Space
 * must stay a space in a text field), so the menu and the keys take them from one table.
 */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const item = (id: LabCommandId, label?: string): MenuItemConstructorOptions => {
    const command = labCommand(id);
    return {
      id,
      label: label ?? command.title,
      ...(command.keys ? { accelerator: command.keys, registerAccelerator: false } : {}),
      click: () => options.send(id),
    };
  };
  const mac = options.platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] = options.recent.length
    ? [
        ...options.recent.map((file): MenuItemConstructorOptions => ({ label: file, click: () => options.openRecent(file) })),
        { type: 'separator' },
        { label: 'Clear Recent', click: () => options.clearRecent() },
      ]
    : [{ label: 'No recent projects', enabled: false }];
  const developerItems: MenuItemConstructorOptions[] = options.development
    ? [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }]
    : [];
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    {
      label: 'File',
      submenu: [
        item('new', 'New Project'),
        item('open', 'Open…'),
        { id: 'open-recent', label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        item('save', 'Save'),
        item('save-as', 'Save As…'),
        { type: 'separator' },
        item('export', 'Export…'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        item('lab-1', 'Optimizer'),
        item('lab-2', 'Gradients'),
        item('lab-3', 'Network builder'),
        item('lab-4', 'Training'),
        item('lab-5', 'Compare'),
        item('lab-6', 'Export'),
        { type: 'separator' },
        { label: 'Theme', submenu: [item('theme-system', 'As the System'), item('theme-light'), item('theme-dark')] },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...developerItems,
      ],
    },
    {
      label: 'Training',
      submenu: [item('train'), item('pause-resume'), item('stop')],
    },
    { role: 'help', submenu: [item('shortcuts', 'Keyboard Shortcuts'), { type: 'separator' }, item('about')] },
  ];
}
