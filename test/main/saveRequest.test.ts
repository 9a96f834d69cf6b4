// Main's check of a save request from the renderer, the dialog's name and filters, and the failure sentence (plain Node).
import { describe, expect, it } from 'vitest';
import { MAX_SAVE_BYTES } from '../../engine/limits.js';
import { fileExtension, parseSaveRequest, safeBaseName, saveDialogFilters } from '../../main/saveRequest.js';
import { writeErrorMessage } from '../../main/writeErrorMessage.js';

describe('parseSaveRequest', () => {
  const bytes = new Uint8Array([1, 2, 3]);

  it('accepts a plain object with a name, a media type and bytes, and passes the bytes through', () => {
    const parsed = parseSaveRequest({ suggestedName: 'weights.json', mime: 'application/json', bytes });
    expect(parsed).toEqual({ ok: true, request: { suggestedName: 'weights.json', mime: 'application/json', bytes } });
    expect(parsed.ok && parsed.request.bytes).toBe(bytes);
  });

  it('accepts a Node Buffer, which is a Uint8Array', () => {
    expect(parseSaveRequest({ suggestedName: 'a.bin', mime: '', bytes: Buffer.from('x') }).ok).toBe(true);
  });

  it('reduces a name with a path to its last part', () => {
    const parsed = parseSaveRequest({ suggestedName: '../../etc/passwd', mime: 'text/plain', bytes });
    expect(parsed.ok && parsed.request.suggestedName).toBe('passwd');
  });

  it.each([
    [null, 'not an object'],
    ['weights.json', 'not an object'],
    [[1, 2], 'not an object'],
    [{ mime: 'text/csv', bytes }, 'file name'],
    [{ suggestedName: 7, mime: 'text/csv', bytes }, 'file name'],
    [{ suggestedName: 'a.csv', bytes }, 'media type'],
    [{ suggestedName: 'a.csv', mime: 'x'.repeat(300), bytes }, 'media type'],
    [{ suggestedName: 'a.csv', mime: 'text/csv', bytes: 'text' }, 'bytes'],
    [{ suggestedName: 'a.csv', mime: 'text/csv', bytes: [1, 2, 3] }, 'bytes'],
    [{ suggestedName: 'a.csv', mime: 'text/csv', bytes: new Float32Array(2) }, 'bytes'],
    [{ suggestedName: 'a.csv', mime: 'text/csv', bytes: bytes.buffer }, 'bytes'],
  ])('refuses %j with one sentence', (payload, reason) => {
    const parsed = parseSaveRequest(payload);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(new RegExp(`^Could not save: .*${reason}.*\\.$`));
  });

  it('refuses more bytes than the limit and accepts exactly the limit', () => {
    expect(parseSaveRequest({ suggestedName: 'a', mime: '', bytes: new Uint8Array(11) }, 10)).toEqual({
      ok: false,
      message: 'Could not save: the file is 0.0 MB, more than the 0.0 MB a file may have.',
    });
    expect(parseSaveRequest({ suggestedName: 'a', mime: '', bytes: new Uint8Array(10) }, 10).ok).toBe(true);
    expect(MAX_SAVE_BYTES).toBe(256 * 1024 * 1024);
  });
});

describe('safeBaseName', () => {
  it.each([
    ['weights.json', 'weights.json'],
    ['run 3/metrics.csv', 'metrics.csv'],
    ['C:\\Users\\x\\model.onnx', 'model.onnx'],
    ['..', 'export'],
    ['../', 'export'],
    ['', 'export'],
    ['   ', 'export'],
    ['.bashrc', 'bashrc'],
    ['name. ', 'name'],
    ['a<b>c:d"e|f?g*h.txt', 'a_b_c_d_e_f_g_h.txt'],
    ['tab\there\u0000.csv', 'tab_here_.csv'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['console.txt', 'console.txt'],
  ])('%j becomes %j', (name, safe) => {
    expect(safeBaseName(name)).toBe(safe);
  });

  it('shortens a very long name and keeps its extension', () => {
    const safe = safeBaseName(`${'a'.repeat(500)}.png`);
    expect(safe).toHaveLength(120);
    expect(safe.endsWith('.png')).toBe(true);
  });
});

describe('the save dialog filters', () => {
  it('offers the file type first, then every file', () => {
    expect(saveDialogFilters('learning-curves.SVG')).toEqual([
      { name: 'SVG file', extensions: ['svg'] },
      { name: 'All files', extensions: ['*'] },
    ]);
  });

  it('offers every file when the name has no extension', () => {
    expect(saveDialogFilters('README')).toEqual([{ name: 'All files', extensions: ['*'] }]);
    expect(fileExtension('archive.')).toBe('');
    expect(fileExtension('weights.npz')).toBe('npz');
  });
});

describe('writeErrorMessage', () => {
  it('names the file and says why in words, for the usual causes', () => {
    const error = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(writeErrorMessage('/home/a/weights.npz', error)).toBe('Could not save weights.npz: the disk is full. Any file that was there is unchanged.');
  });

  it("falls back to the error's own text", () => {
    expect(writeErrorMessage('/x/a.csv', new Error('something odd'))).toBe('Could not save a.csv: something odd. Any file that was there is unchanged.');
  });
});
