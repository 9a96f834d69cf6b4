// The lab's colours (a light and a dark theme) and chart font, defined once (pure, any process): the page's CSS variables are made from it, and every chart, on screen and in a file, paints with it.

/** Every colour the lab uses by name, in the light theme (which files drawn outside the app, such as the CLI's, use); CSS sees each as a variable, e.g. textMuted as --text-muted. */
export const COLOURS = {
  bg: '#f4f6f9',
  surface: '#ffffff',
  border: '#d9dee6',
  grid: '#e8ebf0',
  axis: '#8a94a3',
  text: '#1d2530',
  textMuted: '#5b6676',
  chip: '#eef1f5',
  accent: '#1f5fbf',
  accentSoft: '#e3edfb',
  /** Text on an accent-coloured button or badge. */
  onAccent: '#ffffff',
  /** The training set's curve (and the one curve of a single-series chart). */
  train: '#1f6fd1',
  /** The test set's curve (and a second series compared with the first). */
  test: '#e0701b',
  error: '#b3261e',
  errorSoft: '#fbe9e7',
  ok: '#1d6b3a',
  okSoft: '#e8f5ec',
  /** A warning's text and border, and its ground: a design that works but works badly (the builder's warnings), a paused run. */
  warning: '#8a5a00',
  warningSoft: '#fff4d6',
  /** The shade under a dialog, and the backdrop behind it. */
  shadow: 'rgba(0, 0, 0, 0.18)',
  backdrop: 'rgba(20, 30, 45, 0.35)',
  /** Marks drawn over a contour plot (minima, the start cross). */
  ink: '#1a1a1a',
  /** The white ring or halo that keeps a mark readable on any contour band. */
  halo: '#ffffff',
  /** A contour plot's ground where the surface has no finite value. */
  noValue: '#f0f0f0',
  /** The training path over the loss landscape. */
  landscapePath: '#d1495b',
  /** Bars of a sample's saliency per feature. */
  saliency: '#c8553d',
  /** Text on a dark heat-map cell. */
  onDark: '#ffffff',
  /** A step-size × decay map's cell whose run diverged. */
  diverged: '#d6336c',
  /** Text on a light heat-map cell (the colour scales are the same in both themes). */
  onLight: '#1d2530',
} as const;

/** The colours of finished runs in the Training lab's history and overlays, apart from the current run's train blue and test orange. */
export const RUN_COLOURS = ['#2a9d55', '#8e44ad', '#c0392b', '#17a2b8', '#8c6d1f', '#e84393', '#34495e', '#6c8e00'] as const;

/** The colours of a data set's classes in scatter plots and decision boundaries (class 0 orange and class 1 blue, as TensorFlow Playground). */
export const CLASS_COLOURS = ['#e8871e', '#1f77c9', '#2a9d55', '#8e44ad', '#c0392b', '#17a2b8', '#8c6d1f', '#e84393', '#34495e', '#6c8e00'] as const;

/**
 * The colours of the (at most six) optimizer paths compared on a contour plot: no blue, green or yellow, so each stands
 * out from the dark blue basin to the pale yellow rim (each path also gets a white halo); none black or white, so each
 * also reads on the learning curve's ground and in the legend in either theme.
 */
export const PATH_COLOURS = ['#e41a1c', '#ff7f00', '#e7298a', '#9d4edd', '#8c8c8c', '#a65628'] as const;

/**
 * The diverging scale of weights, activations and feature maps, from its most negative end (red) through 0 (near white)
 * to its most positive (blue): ColorBrewer's RdBu in 11 steps. The same in both themes, like the contour bands, so
 * the marks drawn over an image read the same.
 */
export const DIVERGING_SCALE = [
  '#67001f',
  '#b2182b',
  '#d6604d',
  '#f4a582',
  '#fddbc7',
  '#f7f7f7',
  '#d1e5f0',
  '#92c5de',
  '#4393c3',
  '#2166ac',
  '#053061',
] as const;

export type ColourName = keyof typeof COLOURS;
/** A value for every colour name: one theme. */
export type Palette = Record<ColourName, string>;

/**
 * The dark theme: dark grounds and light text. The series colours (train, test, runs, paths) read on both grounds and stay;
 * the contour bands and heat maps keep their colour scales, so the marks drawn over them (ink, halo) stay too.
 */
export const DARK_COLOURS: Palette = {
  bg: '#12161c',
  surface: '#1b2129',
  border: '#343d4a',
  grid: '#2a323d',
  axis: '#7d8898',
  text: '#e4e9f0',
  textMuted: '#a3aebd',
  chip: '#26303b',
  accent: '#6ea8ff',
  accentSoft: '#1f3350',
  onAccent: '#0b1526',
  train: COLOURS.train,
  test: COLOURS.test,
  error: '#ff8a80',
  errorSoft: '#3d1f1f',
  ok: '#6fcf8f',
  okSoft: '#1b3224',
  warning: '#f2c46d',
  warningSoft: '#3a2e12',
  shadow: 'rgba(0, 0, 0, 0.5)',
  backdrop: 'rgba(0, 0, 0, 0.55)',
  ink: '#1a1a1a',
  halo: '#ffffff',
  noValue: '#2b3139',
  landscapePath: COLOURS.landscapePath,
  saliency: COLOURS.saliency,
  onDark: '#ffffff',
  onLight: COLOURS.onLight,
  diverged: '#f06595',
};

export type ThemeName = 'light' | 'dark';

/** The palette of each theme. */
export const THEMES: Record<ThemeName, Palette> = { light: COLOURS, dark: DARK_COLOURS };

/** The lab's font, on the page and in every chart: the system's on screen; files name it too, and DejaVu Sans, which the CLI ships and renders with. */
export const CHART_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";

/** The CSS variable of a colour: textMuted → --text-muted. */
export function cssVariableName(name: ColourName): string {
  return `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Every colour of a theme (the light one unless named) as a CSS variable and its value, plus --font. */
export function cssVariables(theme: ThemeName = 'light'): [string, string][] {
  const palette = THEMES[theme];
  return [...(Object.keys(COLOURS) as ColourName[]).map((name): [string, string] => [cssVariableName(name), palette[name]]), ['--font', CHART_FONT]];
}
