// How the tests, the benchmark and the icon renderer launch Debian's Chromium (Node, tooling): never a downloaded browser.

/** Where Debian's chromium package installs the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a headless run on a machine without a sandbox or GPU; without the networking ones it keeps trying to reach the internet. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
