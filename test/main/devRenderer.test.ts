// A development run's page address, and which page main trusts with IPC, in plain Node.
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { devRendererUrl } from '../../main/devRenderer.js';
import { isRendererUrl } from '../../main/senderCheck.js';

describe('the dev server address of a development run', () => {
  it('is taken from a loopback http address', () => {
    expect(devRendererUrl('http://127.0.0.1:5173/', false)?.origin).toBe('http://127.0.0.1:5173');
    expect(devRendererUrl('http://localhost:5174/', false)?.origin).toBe('http://localhost:5174');
  });

  it('is ignored when unset, and never used by a packaged app', () => {
    expect(devRendererUrl(undefined, false)).toBeUndefined();
    expect(devRendererUrl('', false)).toBeUndefined();
    expect(devRendererUrl('http://127.0.0.1:5173/', true)).toBeUndefined();
  });

  it('refuses an address off this machine, another scheme, or text that is no address, naming the variable', () => {
    expect(() => devRendererUrl('http://192.0.2.1:5173/', false)).toThrow(/BACKPROP_LAB_DEV_URL must be an http:\/\/ address on 127\.0\.0\.1/);
    expect(() => devRendererUrl('https://127.0.0.1:5173/', false)).toThrow(/must be an http:\/\//);
    expect(() => devRendererUrl('file:///tmp/index.html', false)).toThrow(/must be an http:\/\//);
    expect(() => devRendererUrl('5173', false)).toThrow(/BACKPROP_LAB_DEV_URL is not an address/);
  });
});

describe('the page main answers', () => {
  const rendererIndex = '/opt/lab/dist/renderer/index.html';

  it('is the built index.html on app://lab/, with any hash or query, and no other file, nor the file itself over file://', () => {
    const page = { rendererIndex, devRendererUrl: undefined };
    expect(isRendererUrl('app://lab/index.html#training', page)).toBe(true);
    expect(isRendererUrl('app://lab/other.html', page)).toBe(false);
    expect(isRendererUrl(pathToFileURL(rendererIndex).href, page)).toBe(false);
    expect(isRendererUrl('http://127.0.0.1:5173/', page)).toBe(false);
  });

  it('in a development run is a page of the dev server only, not the built file or another port', () => {
    const page = { rendererIndex, devRendererUrl: new URL('http://127.0.0.1:5173/') };
    expect(isRendererUrl('http://127.0.0.1:5173/index.html', page)).toBe(true);
    expect(isRendererUrl('http://127.0.0.1:5174/', page)).toBe(false);
    expect(isRendererUrl(pathToFileURL(rendererIndex).href, page)).toBe(false);
  });
});
