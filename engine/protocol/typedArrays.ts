// Schemas of the typed arrays messages carry as they are, never as JSON number lists; pure, any process.
import { z } from 'zod';

export const Float64ArraySchema = z.custom<Float64Array>((value) => value instanceof Float64Array, { message: 'expected a Float64Array' });
export const Int32ArraySchema = z.custom<Int32Array>((value) => value instanceof Int32Array, { message: 'expected an Int32Array' });
export const Uint8ArraySchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'expected a Uint8Array' });
