// Describes a failed parse of a protocol message (or a NetworkSpec, a weights file) in one line that names the field; pure, any process.
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/**
 * Of a union's failure, the issue of the branch the input was meant for: the one that did not fail on its
 * discriminator ("kind" or "type"), e.g. a toy data set with an unknown name rather than "not a data set name".
 */
function branchIssue(issue: Issue): Issue {
  if (issue.code !== 'invalid_union') return issue;
  const meant = issue.errors.find(
    (branch) => branch.length > 0 && branch[0]!.path.length > 0 && !branch.some((i) => i.path.length === 1 && (i.path[0] === 'kind' || i.path[0] === 'type')),
  );
  return meant ? { ...meant[0]!, path: [...issue.path, ...meant[0]!.path] } : issue;
}

/** Describes what is wrong with a zod error in one line, naming the field. */
export function describeIssue(error: z.ZodError): { message: string; field?: string } {
  const first = error.issues[0];
  if (!first) return { message: 'invalid message' };
  const issue = branchIssue(first);
  const field = issue.path.length ? issue.path.join('.') : undefined;
  return { message: field ? `${field}: ${issue.message}` : issue.message, field };
}
