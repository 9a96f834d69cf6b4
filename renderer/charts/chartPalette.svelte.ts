// The colours the charts paint with on screen (renderer): the shell's current theme, handed down as Svelte context; light where none is given.
import { getContext, setContext } from 'svelte';
import { COLOURS, THEMES, type Palette, type ThemeName } from '../../plots/theme.js';

/** The theme shown now; charts read `colours` while drawing, so a change of theme redraws them. */
export class ChartPalette {
  theme = $state<ThemeName>('light');
  get colours(): Palette {
    return THEMES[this.theme];
  }
}

const KEY = Symbol('chart palette');
/** Charts drawn outside the app (a file rendered on the server) paint in the light theme. */
const LIGHT: Pick<ChartPalette, 'colours'> = { colours: COLOURS };

/** Lets every chart below the calling component (the shell) paint in `palette`'s theme. */
export function provideChartPalette(palette: ChartPalette): void {
  setContext(KEY, palette);
}

/** The palette to paint with: the app's current theme, or the light one. */
export function chartPalette(): Pick<ChartPalette, 'colours'> {
  return getContext<ChartPalette | undefined>(KEY) ?? LIGHT;
}
