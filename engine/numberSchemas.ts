// Zod schemas of numbers with messages that name the field, shared by the domain schemas; pure, any process.
import { z } from 'zod';

/** A finite number above 0; the message names `what`. */
export const positiveNumber = (what: string) =>
  z.number({ error: `${what} must be a number` }).refine((v) => Number.isFinite(v) && v > 0, { message: `${what} must be a positive number` });

/** A whole number above 0; the message names `what`. */
export const positiveInteger = (what: string) =>
  z.number({ error: `${what} must be a number` }).refine((v) => Number.isInteger(v) && v > 0, { message: `${what} must be a positive whole number` });
