// The theme module against the page's stylesheets (plain Node): every colour variable the renderer uses is one the theme defines, and no stylesheet defines its own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLOURS, DARK_COLOURS, PATH_COLOURS, cssVariableName, cssVariables } from '../../plots/theme.js';

const RENDERER = new URL('../../renderer/', import.meta.url).pathname;

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? files(path) : /\.(svelte|css|ts)$/.test(entry.name) ? [path] : [];
  });
}

/** WCAG's relative luminance of a #rrggbb colour, and the contrast ratio of two. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
};

const sources = files(RENDERER).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

describe('the theme', () => {
  it('names each colour as a CSS variable in kebab case', () => {
    expect(cssVariableName('textMuted')).toBe('--text-muted');
    expect(cssVariables()).toContainEqual(['--train', COLOURS.train]);
    expect(cssVariables().map(([name]) => name)).toContain('--font');
  });

  it('defines every CSS variable the renderer reads, except those a component sets on its own elements', () => {
    const themed = new Set(cssVariables().map(([name]) => name));
    const setLocally = new Set(sources.flatMap(({ text }) => [...text.matchAll(/(?:style:|style="\s*|;\s*|\{\s*)(--[a-z-]+)\s*[:=]/g)].map((m) => m[1]!)));
    const missing = sources.flatMap(({ path, text }) =>
      [...text.matchAll(/var\((--[a-z-]+)\)/g)]
        .map((m) => m[1]!)
        .filter((name) => !themed.has(name) && !setLocally.has(name))
        .map((name) => `${name} in ${path}`),
    );
    expect(missing).toEqual([]);
  });

  it("is the only place the page's colour variables get their values", () => {
    const css = readFileSync(join(RENDERER, 'app.css'), 'utf8');
    const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
    expect(root).not.toMatch(/--[a-z-]+\s*:/);
  });

  it("gives the optimizer's six paths distinct colours that stand out from the chart ground of either theme", () => {
    expect(new Set(PATH_COLOURS).size).toBe(6);
    for (const colour of PATH_COLOURS) {
      expect(contrast(colour, COLOURS.surface), `${colour} on the light ground`).toBeGreaterThan(2.5);
      expect(contrast(colour, DARK_COLOURS.surface), `${colour} on the dark ground`).toBeGreaterThan(2.5);
    }
  });
});
