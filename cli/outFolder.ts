// Checks `--out` before training and moves a run's finished files into it together (Node, the CLI process).
// The folder is created one level at a time (never with a recursive mkdir, which does not return on some special file systems).
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, rmdirSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fsyncFolder } from '../node/atomicWrite.js';
import { UsageError } from './usageError.js';

/** What an errno means for a folder the user named, as a sentence's end. */
function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'files cannot be created there';
  return (error as Error).message;
}

/** The entry at `path`, or undefined when there is none (a parent that is a file counts as none). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** True when a file can be created in `folder` (checked by creating and removing one). */
function probeWritable(folder: string): string | undefined {
  const probe = join(folder, `.backprop-lab-probe.${process.pid}.${randomBytes(4).toString('hex')}`);
  try {
    closeSync(openSync(probe, 'wx'));
    rmSync(probe, { force: true });
    return undefined;
  } catch (error) {
    return reasonOf(error);
  }
}

/**
 * Checks that `out` is a writable folder, or can be created as one, before any work is done; returns its absolute path.
 * Throws a UsageError (exit 2) with a sentence otherwise.
 */
export function checkOutFolder(out: string): string {
  const target = resolve(out);
  const stats = statOf(target);
  if (stats) {
    if (!stats.isDirectory()) throw new UsageError(`--out ${out}: this is a file, not a folder; give a folder to write the run's files into`);
    const problem = probeWritable(target);
    if (problem) throw new UsageError(`--out ${out}: cannot write into this folder (${problem})`);
    return target;
  }
  let ancestor = dirname(target);
  while (!statOf(ancestor) && dirname(ancestor) !== ancestor) ancestor = dirname(ancestor);
  const ancestorStats = statOf(ancestor);
  if (!ancestorStats?.isDirectory()) throw new UsageError(`--out ${out}: ${ancestor} is a file, so the folder cannot be created`);
  const problem = probeWritable(ancestor);
  if (problem) throw new UsageError(`--out ${out}: the folder cannot be created in ${ancestor} (${problem})`);
  return target;
}

/** Creates `folder` and any missing parents, one level at a time. */
function createFolders(folder: string): void {
  const missing: string[] = [];
  for (let path = folder; !statOf(path); path = dirname(path)) missing.unshift(path);
  for (const path of missing) mkdirSync(path);
}

/** A hidden staging folder beside `target`, on the same file system so its files move by rename. */
function stagingFolderFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.partial`);
}

/**
 * Writes a run's files into a staging folder beside `target` with `write(folder)`, and moves them into place only when every
 * one is complete: a new (or empty) target is the staging folder renamed; an existing one receives each file by rename.
 * A failure while writing leaves `target` as it was and removes the staging folder. Returns the files' final paths.
 */
export async function writeFolderTogether(target: string, write: (folder: string) => Promise<string[]>): Promise<string[]> {
  createFolders(dirname(target));
  const staging = stagingFolderFor(target);
  mkdirSync(staging);
  let names: string[];
  try {
    names = (await write(staging)).map((path) => basename(path));
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const existing = statOf(target);
  if (existing && readdirSync(target).length === 0) rmdirSync(target);
  if (!statOf(target)) {
    renameSync(staging, target);
  } else {
    for (const name of names) renameSync(join(staging, name), join(target, name));
    rmSync(staging, { recursive: true, force: true });
    fsyncFolder(target);
  }
  fsyncFolder(dirname(target));
  return names.map((name) => join(target, name));
}
