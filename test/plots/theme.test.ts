// The theme module against the page's stylesheets (plain Node): every colour variable the renderer uses is one the theme defines, and no stylesheet defines its own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLOURS, cssVariableName, cssVariables } from '../../plots/theme.js';

const RENDERER = new URL('../../renderer/', import.meta.url).pathname;

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? files(path) : /\.(svelte|css|ts)$/.test(entry.name) ? [path] : [];
  });
}

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
});
