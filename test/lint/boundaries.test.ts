// The lint step (npm run lint) fails on each forbidden import, naming its rule, and passes the allowed ones (Node).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const lintScript = fileURLToPath(new URL('../../scripts/lint.mjs', import.meta.url));

interface LintOutcome {
  exitCode: number | null;
  stdout: string;
  rules: { name: string; violations: number }[];
}

/** Lays out `files` (path → content) in a fresh folder and runs the lint step over it. */
function lint(files: Record<string, string>): LintOutcome {
  const root = mkdtempSync(join(tmpdir(), 'boundaries-test-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    const report = join(root, 'report.json');
    const run = spawnSync(process.execPath, [lintScript, '--root', join(root, 'tree'), '--report', report], { encoding: 'utf8' });
    if (run.status !== 0 && run.status !== 1) throw new Error(`the lint step did not run: ${run.stderr}`);
    return { exitCode: run.status, stdout: run.stdout, rules: JSON.parse(readFileSync(report, 'utf8')).rules };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Files every tree has, so that each allowed or forbidden import has something real to point at. */
const targets: Record<string, string> = {
  'engine/spec.ts': 'export const SPEC = 1;\n',
  'engine/protocol/training.ts': 'export const TRAIN = 1;\n',
  'engine/losses/lossNames.ts': 'export const LOSS_NAMES = [];\n',
  'engine/network/forward.ts': 'export const forward = 1;\n',
  'engine/losses/meanSquaredError.ts': 'export const mse = 1;\n',
  'node/atomicWrite.ts': 'export const atomicWrite = 1;\n',
  'engine/data/assetFiles.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  'engine/worker/childProcessEntry.ts': "import { join } from 'node:path';\nimport { SPEC } from '../spec.js';\nexport const entry = [join, SPEC];\n",
  'plots/chartGeometry.ts': 'export const MARGIN = 1;\n',
  'contract/labHost.ts': 'export interface LabHost { name: string }\n',
  'main/atomicWrite.ts': 'export const atomicWrite = 1;\n',
  'renderer/training/presets.ts': 'export const PRESETS = [];\n',
  'renderer/builder/BuilderLab.svelte': '<script lang="ts">\n  let count = 0;\n</script>\n<p>{count}</p>\n',
  'renderer/builder/layerCards.ts': 'export const cards = [];\n',
  'renderer/optimizer/plotFrame.ts': 'export const frame = 1;\n',
};

/** One file per forbidden import, and the rule that must name it. */
const forbidden = [
  {
    rule: 'engine-stays-pure',
    from: 'engine/network/readFile.ts',
    to: 'fs',
    content: "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
  },
  { rule: 'engine-stays-pure', from: 'engine/training/paths.ts', to: 'path', content: "import { join } from 'path';\nexport const j = join;\n" },
  {
    rule: 'engine-no-process-bound-packages',
    from: 'engine/layers/ui.ts',
    to: 'svelte',
    content: "import { mount } from 'svelte';\nexport const m = mount;\n",
  },
  {
    rule: 'engine-no-process-bound-packages',
    from: 'engine/worker/electronEntry.ts',
    to: 'electron',
    content: "import { app } from 'electron';\nexport const a = app;\n",
  },
  {
    rule: 'engine-imports-only-engine',
    from: 'engine/export/chart.ts',
    to: 'plots/chartGeometry.ts',
    content: "import { MARGIN } from '../../plots/chartGeometry.js';\nexport const m = MARGIN;\n",
  },
  {
    rule: 'engine-no-process-entry-imports',
    from: 'engine/analysis/load.ts',
    to: 'engine/data/assetFiles.ts',
    content: "import { read } from '../data/assetFiles.js';\nexport const r = read;\n",
  },
  {
    rule: 'renderer-no-main-host-cli',
    from: 'renderer/host/save.ts',
    to: 'main/atomicWrite.ts',
    content: "import { atomicWrite } from '../../main/atomicWrite.js';\nexport const w = atomicWrite;\n",
  },
  {
    rule: 'renderer-no-engine-internals',
    from: 'renderer/analysis/trace.ts',
    to: 'engine/network/forward.ts',
    content: "import { forward } from '../../engine/network/forward.js';\nexport const f = forward;\n",
  },
  {
    rule: 'renderer-no-engine-internals',
    from: 'renderer/training/lossChart.ts',
    to: 'engine/losses/meanSquaredError.ts',
    content: "import { mse } from '../../engine/losses/meanSquaredError.js';\nexport const m = mse;\n",
  },
  {
    rule: 'renderer-no-main-host-cli',
    from: 'renderer/export/write.ts',
    to: 'node/atomicWrite.ts',
    content: "import { atomicWrite } from '../../node/atomicWrite.js';\nexport const w = atomicWrite;\n",
  },
  {
    rule: 'renderer-no-node-builtins',
    from: 'renderer/export/names.ts',
    to: 'path',
    content: "import { basename } from 'node:path';\nexport const b = basename;\n",
  },
  {
    rule: 'renderer-no-electron',
    from: 'renderer/host/ipc.ts',
    to: 'electron',
    content: "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n",
  },
  {
    rule: 'lab-no-other-lab',
    from: 'renderer/gradients/GradcheckForm.svelte',
    to: 'renderer/training/presets.ts',
    content:
      '<script lang="ts">\n  import type { PRESETS } from \'../training/presets.js\';\n  let chosen: typeof PRESETS | undefined;\n</script>\n<p>{chosen}</p>\n',
  },
  {
    rule: 'lab-no-other-lab',
    from: 'renderer/training/landscape.ts',
    to: 'renderer/optimizer/plotFrame.ts',
    content: "import { frame } from '../optimizer/plotFrame.js';\nexport const f = frame;\n",
  },
  {
    rule: 'shell-only-lab-top-components',
    from: 'renderer/shell/networkDraft.ts',
    to: 'renderer/builder/layerCards.ts',
    content: "import { cards } from '../builder/layerCards.js';\nexport const c = cards;\n",
  },
  {
    rule: 'shared-renderer-no-lab',
    from: 'renderer/charts/ContourLayer.svelte',
    to: 'renderer/optimizer/plotFrame.ts',
    content: '<script lang="ts">\n  import { frame } from \'../optimizer/plotFrame.js\';\n</script>\n<p>{frame}</p>\n',
  },
  {
    rule: 'cli-no-main',
    from: 'cli/writeRunFiles.ts',
    to: 'main/atomicWrite.ts',
    content: "import { atomicWrite } from '../main/atomicWrite.js';\nexport const w = atomicWrite;\n",
  },
  {
    rule: 'main-no-renderer',
    from: 'main/window.ts',
    to: 'renderer/optimizer/plotFrame.ts',
    content: "import { frame } from '../renderer/optimizer/plotFrame.js';\nexport const f = frame;\n",
  },
  {
    rule: 'host-no-main-or-renderer',
    from: 'host/server.ts',
    to: 'main/atomicWrite.ts',
    content: "import { atomicWrite } from '../main/atomicWrite.js';\nexport const w = atomicWrite;\n",
  },
  {
    rule: 'no-cycles',
    from: 'engine/losses/createLoss.ts',
    to: 'engine/network/validateSpec.ts',
    content: "import { validate } from '../network/validateSpec.js';\nexport const create = () => validate;\n",
  },
];
const cycleEnd = { 'engine/network/validateSpec.ts': "import { create } from '../losses/createLoss.js';\nexport const validate = () => create;\n" };

/** Imports each rule lets through: the engine's process entries using Node, the renderer's allow-list, the shell's lab components. */
const allowed: Record<string, string> = {
  'renderer/optimizer/OptimizerLab.svelte': [
    '<script lang="ts">',
    "  import { SPEC } from '../../engine/spec.js';",
    "  import { TRAIN } from '../../engine/protocol/training.js';",
    "  import { LOSS_NAMES } from '../../engine/losses/lossNames.js';",
    "  import type { LabHost } from '../../contract/labHost.js';",
    "  import { MARGIN } from '../../plots/chartGeometry.js';",
    "  import { frame } from './plotFrame.js';",
    '  let host: LabHost | undefined;',
    '</script>',
    '<p>{SPEC}{TRAIN}{LOSS_NAMES}{MARGIN}{frame}{host}</p>',
    '',
  ].join('\n'),
  'renderer/shell/App.svelte':
    "<script lang=\"ts\">\n  import BuilderLab from '../builder/BuilderLab.svelte';\n  import OptimizerLab from '../optimizer/OptimizerLab.svelte';\n</script>\n<BuilderLab /><OptimizerLab />\n",
  'renderer/fields/NumberField.svelte': '<script lang="ts">\n  import { MARGIN } from \'../../plots/chartGeometry.js\';\n</script>\n<p>{MARGIN}</p>\n',
  'cli/train.ts': "import { readFileSync } from 'node:fs';\nimport { SPEC } from '../engine/spec.js';\nexport const t = [readFileSync, SPEC];\n",
  'host/webHost.ts':
    "import { SPEC } from '../engine/spec.js';\nimport type { LabHost } from '../contract/labHost.js';\nexport const h: LabHost = { name: String(SPEC) };\n",
};

const inTree = (files: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(files).map(([path, content]) => [`tree/${path}`, content]));

describe('the lint step over a tree with one forbidden import of each kind', () => {
  let outcome: LintOutcome;
  beforeAll(() => {
    outcome = lint(inTree({ ...targets, ...cycleEnd, ...allowed, ...Object.fromEntries(forbidden.map(({ from, content }) => [from, content])) }));
  });

  it('fails', () => {
    expect(outcome.exitCode).toBe(1);
  });

  it.each(forbidden)('reports $from importing $to under the rule $rule', ({ rule, from, to }) => {
    const line = outcome.stdout.split('\n').find((text) => text.trim().startsWith(`${rule}: ${from} → `));
    expect(line, outcome.stdout).toBeDefined();
    expect(line).toContain(to);
  });

  it('reports nothing else: each rule counts exactly the forbidden imports written for it', () => {
    const expected = new Map<string, number>();
    for (const { rule } of forbidden) expected.set(rule, (expected.get(rule) ?? 0) + 1);
    for (const { name, violations } of outcome.rules) expect({ name, violations }).toEqual({ name, violations: expected.get(name) ?? 0 });
    expect(outcome.rules.map((rule) => rule.name)).toEqual(expect.arrayContaining([...expected.keys()]));
  });
});

describe('the lint step over a tree with only allowed imports', () => {
  let outcome: LintOutcome;
  beforeAll(() => {
    outcome = lint(inTree({ ...targets, ...allowed }));
  });

  it('passes and reports no violation', () => {
    expect(outcome.stdout).toContain('0 import violations');
    expect(outcome.exitCode).toBe(0);
    expect(outcome.rules.every((rule) => rule.violations === 0)).toBe(true);
  });
});
