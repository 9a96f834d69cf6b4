// Electron (test runner): the fuses electron-builder flipped in a packaged app's binary, read back from the binary itself.
// Runs where `npm run dist` has produced the unpacked Linux app (release/linux-unpacked/); skips, saying why, elsewhere.
import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const binary = path.join(root, 'release', 'linux-unpacked', 'backprop-lab');
const skipReason = existsSync(binary)
  ? undefined
  : 'Fuse tests skipped: no packaged app at release/linux-unpacked/ (run `npm run dist` on Linux where Electron can be downloaded).';
test.skip(skipReason !== undefined, skipReason);

test('the packaged binary runs with run-as-Node, NODE_OPTIONS and --inspect off, and cookie encryption, ASAR integrity and ASAR-only loading on', async () => {
  const { FuseV1Options, getCurrentFuseWire } = await import('@electron/fuses');
  // A fuse's state is one byte of the wire: '0' (48) off, '1' (49) on.
  const FuseState = { DISABLE: 48, ENABLE: 49 };
  const wire = await getCurrentFuseWire(binary);
  const state = (option: number) => (wire as unknown as Record<number, number>)[option];
  expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE);
  expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE);
  expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE);
  expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE);
  expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE);
  expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE);
  expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.DISABLE);
});
