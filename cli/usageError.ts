// A problem with the command line, reported in one line with exit status 2 (Node, the CLI process).
export class UsageError extends Error {}
