// `npm run lint` (Node): checks the import boundaries of .dependency-cruiser.cjs over the lab's sources, .svelte files included,
// and prints each violation with its rule's name. `--root DIR` checks another tree laid out the same way; `--report FILE`
// writes the per-rule outcome as JSON for `npm test`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
const configFile = join(repositoryRoot, '.dependency-cruiser.cjs');
const cruiserCli = join(repositoryRoot, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** Folders never checked, at any depth. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', '.git', 'test-results', 'playwright-report']);
const SOURCE_FILE = /\.(ts|cts|mts|js|cjs|mjs|json|svelte)$/;

/**
 * Every module a .svelte file's script blocks name: static imports (type-only ones too, which the Svelte compiler drops
 * before dependency-cruiser could see them), re-exports and dynamic imports.
 */
export function svelteImports(source) {
  const scripts = [...source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('\n');
  const withoutComments = scripts.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const specifiers = [
    ...withoutComments.matchAll(/\b(?:import|export)\s+(?:type\s+)?(?:[\w$*{}\s,]+?\s+from\s+)?['"]([^'"]+)['"]/g),
    ...withoutComments.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1]);
  return [...new Set(specifiers)];
}

/**
 * Copies the tree's sources into a scratch folder where each .svelte file is reduced to plain imports of every module its
 * scripts name, so that the cruise sees a component's type-only imports as well; node_modules is linked, not copied.
 */
function layShadowTree(root) {
  const shadow = mkdtempSync(join(tmpdir(), 'backprop-lab-lint-'));
  const visit = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) visit(path);
        continue;
      }
      if (!entry.isFile() || !SOURCE_FILE.test(entry.name)) continue;
      const target = join(shadow, relative(root, path));
      mkdirSync(dirname(target), { recursive: true });
      if (entry.name.endsWith('.svelte')) {
        const imports = svelteImports(readFileSync(path, 'utf8')).map((specifier) => `import ${JSON.stringify(specifier)};`);
        writeFileSync(target, `<script lang="ts">\n${imports.join('\n')}\n</script>\n`);
      } else {
        copyFileSync(path, target);
      }
    }
  };
  visit(root);
  symlinkSync(join(repositoryRoot, 'node_modules'), join(shadow, 'node_modules'), 'dir');
  return shadow;
}

/** One violation as one line (a cycle as its chain of modules). */
function describeViolation({ rule, from, to, cycle }) {
  const path = cycle?.length ? [from, ...cycle.map((step) => step.name)].join(' → ') : `${from} → ${to}`;
  return `  ${rule.name}: ${path}`;
}

/** Checks the tree at `root`; returns the cruise's violations and the names of every rule that was checked. */
export function lintTree(root) {
  const shadow = layShadowTree(resolve(root));
  try {
    const run = spawnSync(process.execPath, [cruiserCli, '.', '--config', configFile, '--output-type', 'json', '--no-cache'], {
      cwd: shadow,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (run.status === null || !run.stdout.trim().startsWith('{')) {
      throw new Error(`dependency-cruiser did not run: ${(run.stderr || run.error?.message || '').trim()}`);
    }
    const { summary } = JSON.parse(run.stdout);
    const rules = summary.ruleSetUsed.forbidden.map((rule) => rule.name);
    return { violations: summary.violations, rules, modules: summary.totalCruised };
  } finally {
    rmSync(shadow, { recursive: true, force: true });
  }
}

function main() {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const root = option('--root') ?? repositoryRoot;
  const report = option('--report');
  const { violations, rules, modules } = lintTree(root);
  const broken = new Set(violations.map((violation) => violation.rule.name));
  for (const name of rules) {
    const own = violations.filter((violation) => violation.rule.name === name);
    if (own.length === 0) continue;
    console.log(`✗ ${name} (${own.length})`);
    for (const violation of own) console.log(describeViolation(violation));
  }
  console.log(
    `${violations.length} import ${violations.length === 1 ? 'violation' : 'violations'} in ${modules} modules; rules kept: ${rules.length - broken.size} of ${rules.length}`,
  );
  if (report)
    writeFileSync(report, JSON.stringify({ rules: rules.map((name) => ({ name, violations: violations.filter((v) => v.rule.name === name).length })) }));
  process.exitCode = violations.length ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
