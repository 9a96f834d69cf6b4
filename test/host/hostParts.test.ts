// The browser host's pure parts: its arguments, the path check of its static files, and its Content-Security-Policy.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWebHostArgs } from '../../host/args.js';
import { buildHeaderPolicy, readMetaPolicy } from '../../host/contentSecurityPolicy.js';
import { mimeTypeOf } from '../../host/staticFiles.js';
import { resolveInside } from '../../node/fileInside.js';

describe('web host arguments', () => {
  it('defaults to port 0, a free port', () => {
    expect(parseWebHostArgs([])).toEqual({ port: 0 });
  });

  it('takes --port N and --port=N', () => {
    expect(parseWebHostArgs(['--port', '8080'])).toEqual({ port: 8080 });
    expect(parseWebHostArgs(['--port=0'])).toEqual({ port: 0 });
  });

  it.each([['--port'], ['--port', 'abc'], ['--port', '-1'], ['--port', '70000'], ['--host', '0.0.0.0']])('refuses %j with a one-line message', (...argv) => {
    expect(() => parseWebHostArgs(argv)).toThrow(/^[^\n]+$/);
  });
});

describe('static file paths', () => {
  const root = resolve('/srv/lab');

  it('maps / to index.html and a file to itself', () => {
    expect(resolveInside(root, '/')).toBe(resolve(root, 'index.html'));
    expect(resolveInside(root, '/assets/index.js?v=1')).toBe(resolve(root, 'assets/index.js'));
  });

  it.each(['/../secret', '/a/../../secret', '/..%2fsecret', '/%2e%2e/secret', '/..\\secret', '/%00', '/%E0%A4%A', 'secret'])('refuses %s', (path) => {
    expect(resolveInside(root, path)).toBeUndefined();
  });

  it('names the MIME types a browser needs to run the page', () => {
    expect(mimeTypeOf('index.html')).toMatch(/^text\/html/);
    expect(mimeTypeOf('a.JS')).toMatch(/^text\/javascript/);
    expect(mimeTypeOf('a.css')).toMatch(/^text\/css/);
    expect(mimeTypeOf('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeOf('a.unknown')).toBe('application/octet-stream');
  });
});

describe('content security policy', () => {
  const page = `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; connect-src 'self'">`;

  it('reads the policy from the page', () => {
    expect(readMetaPolicy(page)).toBe("default-src 'self'; script-src 'self'; connect-src 'self'");
    expect(readMetaPolicy('<meta charset="utf-8">')).toBeUndefined();
  });

  it("adds the engine's WebSocket to connect-src and forbids framing, keeping everything else", () => {
    const policy = buildHeaderPolicy(readMetaPolicy(page), ['ws://127.0.0.1:5000/engine']);
    expect(policy).toBe("default-src 'self'; script-src 'self'; connect-src 'self' ws://127.0.0.1:5000/engine; frame-ancestors 'none'");
  });

  it("narrows the page's open-ended WebSocket sources to this server's own address", () => {
    const policy = buildHeaderPolicy("connect-src 'self' ws://127.0.0.1:* ws://localhost:*", ['ws://127.0.0.1:5000/engine']);
    expect(policy).toBe("connect-src 'self' ws://127.0.0.1:5000/engine; frame-ancestors 'none'");
  });

  it("replaces connect-src 'none' rather than keeping a source list that allows nothing", () => {
    expect(buildHeaderPolicy("connect-src 'none'", ['ws://127.0.0.1:1/engine'])).toBe("connect-src ws://127.0.0.1:1/engine; frame-ancestors 'none'");
  });

  it('falls back to a strict policy when the page has none', () => {
    const policy = buildHeaderPolicy(undefined, ['ws://127.0.0.1:1/engine']);
    expect(policy).toMatch(/default-src 'self'/);
    expect(policy).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:1\/engine/);
  });
});
