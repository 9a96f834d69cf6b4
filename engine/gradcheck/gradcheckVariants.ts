// Which backward pass a gradient check runs: the correct one or one of the exercise's wrong ones; pure, any process.
import { z } from 'zod';

/** The exercise's wrong backward passes, kept so the lab can show a gradient check catching them. */
export const BROKEN_VARIANTS = ['exercise-db', 'exercise-sigmoid-grad'] as const;
export const GradcheckVariantSchema = z.enum(['correct', ...BROKEN_VARIANTS]);
export type GradcheckVariant = z.infer<typeof GradcheckVariantSchema>;
