// Writes the command's lines straight to its standard output and error (Node, the CLI process). process.stdout and
// process.stderr would load Node's stream modules on first use, several milliseconds of a short command's start.
import { writeSync } from 'node:fs';

/**
 * Writes `text` whole to file descriptor `fd`, waiting while a non-blocking pipe is full; a reader that has gone away
 * (EPIPE, as `| head` does) ends the writing quietly.
 */
export function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  while (written < bytes.length) {
    try {
      written += writeSync(fd, bytes, written, bytes.length - written);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return;
      if (code !== 'EAGAIN') throw error;
    }
  }
}
