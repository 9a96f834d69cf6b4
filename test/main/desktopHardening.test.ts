// The desktop app's hardening that runs without Electron: the fuses set at packaging, the app:// answers with their path
// check and policy, and which frames count as the lab's own page.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../electron.config.js';
import { readMetaPolicy } from '../../host/contentSecurityPolicy.js';
import { APP_PAGE_URL, appResponse, desktopPolicy } from '../../main/appResponse.js';
import { isRendererUrl } from '../../main/senderCheck.js';
import { readFileSync } from 'node:fs';

describe('Electron fuses at packaging', () => {
  it('turn off running as Node, NODE_OPTIONS and --inspect, and turn on cookie encryption, ASAR integrity and loading only from ASAR', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });
});

describe('the desktop policy', () => {
  it("keeps the page's own policy but allows no WebSocket and no network origin at all", () => {
    const page = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const policy = desktopPolicy(readMetaPolicy(page));
    expect(policy).toMatch(/(^|; )connect-src 'self'(;|$)/);
    expect(policy).not.toMatch(/ws:|wss:|http:|https:|\*/);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
  });
});

describe('app://lab/ answers', () => {
  let folder: string;
  let root: string;
  const policy = "default-src 'self'; connect-src 'self'";
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'backprop-lab-app-'));
    root = join(folder, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>lab</title>');
    writeFileSync(join(root, 'assets', 'index.js'), 'export {};');
    writeFileSync(join(folder, 'secret.txt'), 'private');
    symlinkSync(join(folder, 'secret.txt'), join(root, 'leak.txt'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('serves the page and its scripts with their types and the policy', async () => {
    const page = await appResponse(root, APP_PAGE_URL, policy);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(policy);
    expect(await page.text()).toContain('<title>lab</title>');
    const script = await appResponse(root, 'app://lab/assets/index.js', policy);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it.each([
    ['app://lab/../secret.txt', 404],
    ['app://lab/%2e%2e/secret.txt', 404],
    ['app://lab/..%2fsecret.txt', 400],
    ['app://lab/leak.txt', 403],
    ['app://other/index.html', 400],
    ['app://lab/missing.js', 404],
  ])('refuses %s with %i', async (url, status) => {
    const answer = await appResponse(root, url, policy);
    expect(answer.status).toBe(status);
    expect(await answer.text()).not.toContain('private');
  });
});

describe("the lab's own page", () => {
  it('is app://lab/index.html, or in a development run the dev server', () => {
    expect(isRendererUrl('app://lab/index.html', {})).toBe(true);
    expect(isRendererUrl('app://lab/index.html#training', {})).toBe(true);
    expect(isRendererUrl('app://lab/other.html', {})).toBe(false);
    expect(isRendererUrl('file:///opt/lab/index.html', {})).toBe(false);
    expect(isRendererUrl('https://example.com/', {})).toBe(false);
    expect(isRendererUrl('not a url', {})).toBe(false);
    expect(isRendererUrl('http://127.0.0.1:5173/', { devRendererUrl: new URL('http://127.0.0.1:5173/') })).toBe(true);
  });
});
