// The lab's commands and their keyboard shortcuts, defined once (any process): the renderer's keys, tooltips and Help dialog, and the desktop menu.

/** What a person can ask the lab to do from the keyboard or the menu. */
export type LabCommandId =
  | 'train'
  | 'pause-resume'
  | 'stop'
  | 'new'
  | 'open'
  | 'save'
  | 'save-as'
  | 'export'
  | 'lab-1'
  | 'lab-2'
  | 'lab-3'
  | 'lab-4'
  | 'lab-5'
  | 'lab-6'
  | 'theme-system'
  | 'theme-light'
  | 'theme-dark'
  | 'shortcuts'
  | 'about';

export interface LabCommand {
  id: LabCommandId;
  /** What the menu and the Help dialog call it. */
  title: string;
  /** The shortcut in Electron's accelerator form ("CmdOrCtrl+S", "Space"), if it has one. */
  keys?: string;
  /** When the shortcut applies, if not always. */
  when?: string;
}

/** Every command with a shortcut, in the order the Help dialog lists them. */
export const SHORTCUT_COMMANDS: readonly LabCommand[] = [
  { id: 'train', title: 'Train', keys: 'CmdOrCtrl+Enter' },
  { id: 'pause-resume', title: 'Pause / Resume', keys: 'Space', when: 'when no field or button has the focus' },
  { id: 'stop', title: 'Stop', keys: 'Escape', when: 'when no dialog is open' },
  { id: 'save', title: 'Save project', keys: 'CmdOrCtrl+S' },
  { id: 'open', title: 'Open project…', keys: 'CmdOrCtrl+O' },
  { id: 'export', title: 'Export…', keys: 'CmdOrCtrl+E' },
  { id: 'lab-1', title: 'Optimizer lab', keys: 'CmdOrCtrl+1' },
  { id: 'lab-2', title: 'Gradients lab', keys: 'CmdOrCtrl+2' },
  { id: 'lab-3', title: 'Network builder', keys: 'CmdOrCtrl+3' },
  { id: 'lab-4', title: 'Training lab', keys: 'CmdOrCtrl+4' },
  { id: 'lab-5', title: 'Compare lab', keys: 'CmdOrCtrl+5' },
  { id: 'lab-6', title: 'Export lab', keys: 'CmdOrCtrl+6' },
];

/** Commands without a shortcut, named for the menu. */
export const MENU_ONLY_COMMANDS: readonly LabCommand[] = [
  { id: 'new', title: 'New project' },
  { id: 'save-as', title: 'Save project as…' },
  { id: 'theme-system', title: 'Follow the system' },
  { id: 'theme-light', title: 'Light' },
  { id: 'theme-dark', title: 'Dark' },
  { id: 'shortcuts', title: 'Keyboard shortcuts' },
  { id: 'about', title: 'About Backprop Lab' },
];

/** The command with `id`. */
export function labCommand(id: LabCommandId): LabCommand {
  const command = [...SHORTCUT_COMMANDS, ...MENU_ONLY_COMMANDS].find((c) => c.id === id);
  if (!command) throw new Error(`no lab command ${id}`);
  return command;
}

/** Whether a value is a command's id (what main sends the renderer is checked with this). */
export function isLabCommandId(value: unknown): value is LabCommandId {
  return typeof value === 'string' && [...SHORTCUT_COMMANDS, ...MENU_ONLY_COMMANDS].some((c) => c.id === value);
}

/** A shortcut as a person reads it: "Ctrl+Enter" (or "⌘Enter" on a Mac), "Space", "Esc". */
export function shortcutText(keys: string, mac: boolean): string {
  return keys
    .split('+')
    .map((part) => (part === 'CmdOrCtrl' ? (mac ? '⌘' : 'Ctrl') : part === 'Escape' ? 'Esc' : part))
    .join(mac ? '' : '+');
}
