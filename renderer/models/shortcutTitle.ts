// A control's tooltip naming its keyboard shortcut (renderer): "Save project (Ctrl+S)", from the one table in contract/labCommands.ts.
import { labCommand, shortcutText, type LabCommandId } from '../../contract/labCommands.js';

/** Whether this is a Mac, where Cmd takes Ctrl's place. */
export function onMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

/** The shortcut of a command as this machine writes it ("Ctrl+S", "⌘S"), or '' when it has none. */
export function shortcutOf(id: LabCommandId): string {
  const keys = labCommand(id).keys;
  return keys ? shortcutText(keys, onMac()) : '';
}

/** "Save project (Ctrl+S)": the command's title, or `title`, with its shortcut. */
export function shortcutTitle(id: LabCommandId, title = labCommand(id).title): string {
  const keys = shortcutOf(id);
  return keys ? `${title} (${keys})` : title;
}
