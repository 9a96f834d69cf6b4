// Which lab command a key press asks for (renderer; pure): the shortcuts of contract/labCommands.ts matched against a key event.
import { SHORTCUT_COMMANDS, type LabCommandId } from '../../contract/labCommands.js';

/** The parts of a KeyboardEvent that decide the command. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Where the focus is when the key is pressed: a field or a button takes Space for itself, a text field Esc too, an open dialog Esc. */
export interface KeyContext {
  inControl: boolean;
  inTextField: boolean;
  dialogOpen: boolean;
  mac: boolean;
}

/** "CmdOrCtrl+Enter" matched against a press: Cmd on a Mac, Ctrl elsewhere, and no other modifier. */
function matches(keys: string, press: KeyPress, mac: boolean): boolean {
  const parts = keys.split('+');
  const key = parts.pop()!;
  const command = parts.includes('CmdOrCtrl');
  const primary = mac ? press.metaKey : press.ctrlKey;
  const other = mac ? press.ctrlKey : press.metaKey;
  if (primary !== command || other || press.altKey || press.shiftKey) return false;
  const pressed = press.key === ' ' ? 'Space' : press.key;
  return pressed.toLowerCase() === key.toLowerCase();
}

/** The command a key press asks for, or null (the press is left to the page). */
export function commandForKey(press: KeyPress, context: KeyContext): LabCommandId | null {
  for (const command of SHORTCUT_COMMANDS) {
    if (!command.keys || !matches(command.keys, press, context.mac)) continue;
    if (command.id === 'pause-resume' && (context.inControl || context.dialogOpen)) return null;
    if (command.id === 'stop' && (context.inTextField || context.dialogOpen)) return null;
    return command.id;
  }
  return null;
}

/** Elements where a person types: they take Space and Esc for themselves. */
const TEXT_FIELDS = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
/** Every element that takes Space for itself. */
const CONTROLS = `${TEXT_FIELDS}, button, a[href], summary, [role="slider"], [role="spinbutton"], [role="button"]`;

/** Where the focused element is: in a text field, in any control, or in neither. */
export function focusContext(element: Element | null): Pick<KeyContext, 'inControl' | 'inTextField'> {
  const focused = element && element !== document.body ? element : null;
  return { inControl: focused?.closest(CONTROLS) != null, inTextField: focused?.closest(TEXT_FIELDS) != null };
}
