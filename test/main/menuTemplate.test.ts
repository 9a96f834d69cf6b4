// The desktop menu's template: every item the issue lists, the shortcuts from the one command table, commands sent to the page.
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { SHORTCUT_COMMANDS, type LabCommandId } from '../../contract/labCommands.js';
import { menuTemplate, type MenuOptions } from '../../main/menuTemplate.js';

function build(overrides: Partial<MenuOptions> = {}) {
  const sent: LabCommandId[] = [];
  const opened: string[] = [];
  let cleared = 0;
  const template = menuTemplate({
    platform: 'linux',
    development: false,
    recent: [],
    send: (command) => sent.push(command),
    openRecent: (file) => opened.push(file),
    clearRecent: () => (cleared += 1),
    ...overrides,
  });
  return { template, sent, opened, cleared: () => cleared };
}

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const named = (items: MenuItemConstructorOptions[], label: string) => items.find((item) => item.label === label);
const labels = (items: MenuItemConstructorOptions[]) => items.map((item) => item.label ?? item.role ?? item.type);
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('menuTemplate', () => {
  it('has File with New, Open…, Open Recent, Save, Save As…, Export… and Quit, then Edit, View and Help', () => {
    const { template } = build();
    expect(labels(template)).toEqual(['File', 'editMenu', 'View', 'Training', 'help']);
    expect(labels(submenu(named(template, 'File')))).toEqual([
      'New Project',
      'Open…',
      'Open Recent',
      'separator',
      'Save',
      'Save As…',
      'separator',
      'Export…',
      'separator',
      'quit',
    ]);
    expect(labels(submenu(template[4]))).toEqual(['Keyboard Shortcuts', 'separator', 'About Backprop Lab']);
  });

  it('lists the labs, the themes and the zoom under View, and the developer tools only in development', () => {
    const view = submenu(build().template[2]);
    expect(labels(view)).toEqual([
      'Optimizer',
      'Gradients',
      'Network builder',
      'Training',
      'Compare',
      'Export',
      'separator',
      'Theme',
      'separator',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'separator',
      'togglefullscreen',
    ]);
    expect(labels(submenu(named(view, 'Theme')))).toEqual(['As the System', 'Light', 'Dark']);
    expect(labels(submenu(build({ development: true }).template[2]))).toContain('toggleDevTools');
  });

  it('shows every shortcut of the command table without registering it, so the page handles the keys', () => {
    const { template } = build();
    const all = template.flatMap(function flat(item): MenuItemConstructorOptions[] {
      return [item, ...submenu(item).flatMap(flat)];
    });
    for (const command of SHORTCUT_COMMANDS) {
      const item = all.find((entry) => entry.id === command.id);
      expect(item, command.id).toBeDefined();
      expect(item!.accelerator).toBe(command.keys);
      expect(item!.registerAccelerator).toBe(false);
    }
  });

  it('sends the page the command of the item clicked', () => {
    const { template, sent } = build();
    click(named(submenu(template[0]), 'Save As…'));
    click(named(submenu(template[2]), 'Gradients'));
    click(named(submenu(named(submenu(template[2]), 'Theme')), 'Dark'));
    click(named(submenu(template[3]), 'Pause / Resume'));
    expect(sent).toEqual(['save-as', 'lab-2', 'theme-dark', 'pause-resume']);
  });

  it('offers the recent projects, newest first, and a way to clear them; says so when there are none', () => {
    expect(labels(submenu(named(submenu(build().template[0]), 'Open Recent')))).toEqual(['No recent projects']);
    const built = build({ recent: ['/p/b.backprop-lab.json', '/p/a.backprop-lab.json'] });
    const recent = submenu(named(submenu(built.template[0]), 'Open Recent'));
    expect(labels(recent)).toEqual(['/p/b.backprop-lab.json', '/p/a.backprop-lab.json', 'separator', 'Clear Recent']);
    click(recent[1]);
    click(recent[3]);
    expect(built.opened).toEqual(['/p/a.backprop-lab.json']);
    expect(built.cleared()).toBe(1);
  });

  it('puts the app menu first on a Mac, where File ends with Close', () => {
    const { template } = build({ platform: 'darwin' });
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(submenu(template[1]).at(-1)).toEqual({ role: 'close' });
  });
});
