// What main asks before a page with unsaved work is closed or reloaded, and what the answer means (main process; plain data).
import type { MessageBoxOptions } from 'electron';

const LEAVE = 0;
const STAY = 1;

/** The question: leave and lose the unsaved work, or stay (the default, also on Esc). */
export function leaveDialogOptions(): MessageBoxOptions {
  return {
    type: 'warning',
    title: 'Unsaved work',
    message: 'The lab has work that is not saved in a project file.',
    detail: 'Close without saving loses the runs and the labs’ results since the last save. Stay to save them first (File › Save).',
    buttons: ['Close Without Saving', 'Stay'],
    defaultId: STAY,
    cancelId: STAY,
    noLink: true,
  };
}

/** Whether the answer (the button's index) lets the page go. */
export function shouldLeave(response: number): boolean {
  return response === LEAVE;
}
