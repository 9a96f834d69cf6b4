// The page's theme as a runes class (renderer): light or dark as the system prefers, or as the person chose; applied as the page's CSS variables.
import { cssVariables, type ThemeName } from '../../plots/theme.js';

/** What a person can choose: follow the system, or one theme always. */
export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly { id: ThemeChoice; title: string }[] = [
  { id: 'system', title: 'As the system' },
  { id: 'light', title: 'Light' },
  { id: 'dark', title: 'Dark' },
];

/** Where the choice is kept between sessions (this page's storage, or the desktop app's). */
const STORAGE_KEY = 'backprop-lab.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

const isChoice = (value: unknown): value is ThemeChoice => THEME_CHOICES.some((c) => c.id === value);

export class ThemeState {
  #choice = $state<ThemeChoice>('system');
  #systemDark = $state(false);

  constructor() {
    const saved = readStoredChoice();
    if (isChoice(saved)) this.#choice = saved;
    this.#systemDark = window.matchMedia?.(DARK_QUERY).matches ?? false;
  }

  get choice(): ThemeChoice {
    return this.#choice;
  }
  /** The theme shown. */
  get theme(): ThemeName {
    return this.#choice === 'system' ? (this.#systemDark ? 'dark' : 'light') : this.#choice;
  }

  /** Chooses a theme and remembers the choice. */
  choose(choice: ThemeChoice): void {
    this.#choice = choice;
    try {
      localStorage.setItem(STORAGE_KEY, choice);
    } catch {
      // Storage may be off (a private window): the choice then lasts for this session.
    }
  }

  /** Follows the system's preference as it changes; returns the function that stops following. */
  followSystem(): () => void {
    const query = window.matchMedia?.(DARK_QUERY);
    if (!query) return () => {};
    const changed = (event: MediaQueryListEvent) => (this.#systemDark = event.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }
}

function readStoredChoice(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Paints the page in `theme`: every colour as a CSS variable, and the browser's own controls (scroll bars, pickers) to match. */
export function applyTheme(root: HTMLElement, theme: ThemeName): void {
  for (const [name, value] of cssVariables(theme)) root.style.setProperty(name, value);
  root.style.colorScheme = theme;
  root.dataset.theme = theme;
}
