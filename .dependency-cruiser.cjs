// Lint (Node, dependency-cruiser): the import boundaries between the lab's processes and folders, and no import cycles.
// The layout below is the one place that names folders; the rules are built from it.

/** Where each part of the lab lives; every path is relative to the repository's root. */
const layout = {
  engine: 'engine',
  /** The engine's process entries: the only engine files that may use Node. */
  engineProcessEntries: ['engine/worker/[^/]+Entry\\.ts$', 'engine/data/assetFiles\\.ts$', 'engine/kernels/wasm/kernelFiles\\.ts$'],
  renderer: 'renderer',
  /** Each is a lab or a lab's part; none may import another. Every other folder of renderer/ but the shell is shared (analysis/ is a panel the labs share). */
  labs: ['optimizer', 'gradients', 'builder', 'training', 'compare', 'export'],
  /** The app shell: renderer/shell/ and the renderer's root files (App.svelte, main.ts); it may import each lab's top components. */
  shell: 'shell',
  /** A lab's public face: its top component (a capitalised …Lab or …View .svelte file directly in its folder) and the
   *  session the shell keeps alive across lab switches (a …Session.svelte.ts file there). */
  labTopComponent: '([A-Z][A-Za-z0-9]*(Lab|View)\\.svelte|[a-z][A-Za-z0-9]*Session\\.svelte\\.ts)$',
  main: 'main',
  host: 'host',
  cli: 'cli',
  /** Plain-Node code shared by the hosts, main and the CLI (atomic writes). */
  nodeShared: 'node',
  /** What the renderer may import from outside renderer/: the engine's pure domain model, the protocol, the host contract, plot geometry. */
  rendererMayImport: [
    'engine/protocol/', // the protocol, one file per request family, and its index
    'engine/spec\\.ts$', // the NetworkSpec
    'engine/specText\\.ts$', // the network's short form
    'engine/projectFile\\.ts$', // the project file's schema, reader and writer
    'engine/trainedWeights\\.ts$', // trained weights as named tensors, their schema and counts
    'engine/layers/(registry|definitions?)(/|\\.ts$)', // the layer registry's definitions
    'engine/layers/[^/]+Definition\\.ts$',
    'engine/layers/(layerSetting|shape|shortForm)\\.ts$', // a layer's settings with their ranges, shapes, the short form of one layer
    'engine/network/(describeLayers|networkPresets)\\.ts$', // the shape tracer, the preset networks
    'engine/network/imageInput\\.ts$', // an image data set's shape as a network's input shape
    'engine/losses/loss(Names|Rules)\\.ts$', // loss names, titles and the default-loss rule
    'engine/optimizers/optimizerConfig\\.ts$', // optimizer kinds, constants and defaults
    'engine/data/(dataSetNames|dataSource|normalisation|classOutputs|extraFeatures|planeView)\\.ts$', // data sets, their labels, the outputs-per-class rule, extra features, the plane of 2-feature data
    'engine/training/(hyperparameters|epochMetrics|epochTime|learningRateChange)\\.ts$',
    'engine/export/exportFormats\\.ts$', // the files an export writes
    'engine/gradcheck/(gradcheckVariants|layerInputIssue)\\.ts$', // which backward pass a gradient check runs, why a layer refuses its input
    'engine/limits', // limits such as the largest parameter path
    'engine/budget/engineBudget\\.ts$', // the engine's memory budget: its range and how a user types it
    'engine/numberSchemas\\.ts$',
    'contract/', // the host contract: LabHost, save types, the wire codec
    'plots/', // plot geometry
  ],
  /** npm packages that bind code to one process or to the DOM: never in the pure engine. */
  processBoundPackages: ['electron', 'svelte', 'ws', '@resvg/resvg-js', 'd3-selection', 'd3-transition'],
};

const anyOf = (patterns) => `(${patterns.join('|')})`;
const folder = (name) => `^${name}/`;
const labFolders = `^${layout.renderer}/${anyOf(layout.labs)}/`;
const rendererRootFiles = `^${layout.renderer}/[^/]+$`;
const shellFiles = anyOf([`^${layout.renderer}/${layout.shell}/`, rendererRootFiles]);
/** An npm package, whether it resolved into a node_modules folder (possibly through a link) or stayed a bare name. */
const packages = (names) => {
  const escaped = anyOf(names.map((name) => name.replace(/[./]/g, (c) => `\\${c}`)));
  return `(^|/)node_modules/${escaped}(/|$)|^${escaped}(/|$)`;
};

module.exports = {
  forbidden: [
    {
      name: 'engine-stays-pure',
      comment:
        'engine/ runs in every process: no Node built-ins outside its process entries (engine/worker/*Entry.ts, engine/data/assetFiles.ts, engine/kernels/wasm/kernelFiles.ts).',
      severity: 'error',
      from: { path: folder(layout.engine), pathNot: layout.engineProcessEntries },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'engine-no-process-bound-packages',
      comment: 'engine/ runs in every process: no Electron, Svelte, DOM-only or Node-only package, not even in its process entries.',
      severity: 'error',
      from: { path: folder(layout.engine) },
      to: { path: packages(layout.processBoundPackages) },
    },
    {
      name: 'engine-imports-only-engine',
      comment: 'engine/ is the bottom layer: it does not import the renderer, main, the hosts, the CLI, the plain-Node shared code or plots.',
      severity: 'error',
      from: { path: folder(layout.engine) },
      to: { path: `^${anyOf([layout.renderer, layout.main, layout.host, layout.cli, layout.nodeShared, 'plots', 'scripts', 'test'])}/` },
    },
    {
      name: 'engine-no-process-entry-imports',
      comment: 'A pure engine module must not import a process entry: it would bring Node along.',
      severity: 'error',
      from: { path: folder(layout.engine), pathNot: layout.engineProcessEntries },
      to: { path: layout.engineProcessEntries },
    },
    {
      name: 'renderer-no-electron',
      comment: 'The renderer runs in a browser page and reaches Electron only through the preload API: never the electron package.',
      severity: 'error',
      from: { path: folder(layout.renderer) },
      to: { path: packages(['electron']) },
    },
    {
      name: 'renderer-no-node-builtins',
      comment: 'The renderer runs in a browser page: no Node built-ins.',
      severity: 'error',
      from: { path: folder(layout.renderer) },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-main-host-cli',
      comment: 'The renderer talks to its host through the host contract only: never main/, host/, cli/ or the plain-Node shared code.',
      severity: 'error',
      from: { path: folder(layout.renderer) },
      to: { path: `^${anyOf([layout.main, layout.host, layout.cli, layout.nodeShared])}/` },
    },
    {
      name: 'renderer-no-engine-internals',
      comment:
        'The renderer may import from the engine only its domain model, the protocol and the NetworkSpec (the allow-list is layout.rendererMayImport in .dependency-cruiser.cjs).',
      severity: 'error',
      from: { path: folder(layout.renderer) },
      to: { path: folder(layout.engine), pathNot: layout.rendererMayImport.map((pattern) => `^${pattern}`) },
    },
    {
      name: 'lab-no-other-lab',
      comment: "A renderer lab's folder does not import another lab's folder: what two labs share lives in a shared renderer folder.",
      severity: 'error',
      from: { path: labFolders },
      to: { path: labFolders, pathNot: `^${layout.renderer}/$1/` },
    },
    {
      name: 'shell-only-lab-top-components',
      comment: "The app shell imports a lab only through the lab's top component (…Lab.svelte or …View.svelte in the lab's folder).",
      severity: 'error',
      from: { path: shellFiles },
      to: { path: labFolders, pathNot: `${labFolders}${layout.labTopComponent}` },
    },
    {
      name: 'shared-renderer-no-lab',
      comment: 'A shared renderer folder (anything in renderer/ that is neither a lab nor the shell) does not import a lab.',
      severity: 'error',
      from: { path: folder(layout.renderer), pathNot: [labFolders, shellFiles] },
      to: { path: labFolders },
    },
    {
      name: 'cli-no-main',
      comment: "The CLI is plain Node: it never imports Electron's main process (shared Node code lives in a plain-Node folder).",
      severity: 'error',
      from: { path: folder(layout.cli) },
      to: { path: folder(layout.main) },
    },
    {
      name: 'main-no-renderer',
      comment: "Electron's main process does not import the renderer.",
      severity: 'error',
      from: { path: folder(layout.main) },
      to: { path: folder(layout.renderer) },
    },
    {
      name: 'host-no-main-or-renderer',
      comment: "The browser host does not import Electron's main process or the renderer.",
      severity: 'error',
      from: { path: folder(layout.host) },
      to: { path: `^${anyOf([layout.main, layout.renderer])}/` },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles, type-only imports included: each module depends on the ones below it.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^(dist|node_modules|test|bench|scripts|assets|bin|test-results|playwright-report)/', '^[^/]+\\.[a-z]+$'] },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    detectJSDocImports: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
      extensions: ['.ts', '.svelte.ts', '.js', '.mjs', '.cjs', '.cts', '.svelte', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
