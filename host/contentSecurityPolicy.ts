// Browser host (Node): the Content-Security-Policy header — the renderer's own meta policy, plus the WebSocket address.

/** Used only when the built page carries no policy of its own: as strict as the renderer's. */
const FALLBACK_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Reads the policy from a page's `<meta http-equiv="Content-Security-Policy" content="…">`, if it has one. */
export function readMetaPolicy(html: string): string | undefined {
  const tag = /<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/i.exec(html)?.[0];
  const content = tag && /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
  return content
    ? (content[1] ?? content[2])!
        .replace(/&#39;|&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .trim()
    : undefined;
}

/**
 * The header for every response: the page's own policy with `connect-src` allowing the engine's WebSocket
 * on this server and no other WebSocket, and `frame-ancestors 'none'`, which only a header can set.
 */
export function buildHeaderPolicy(metaPolicy: string | undefined, webSocketOrigins: readonly string[]): string {
  const directives = (metaPolicy ?? FALLBACK_POLICY)
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  const connectIndex = directives.findIndex((d) => /^connect-src\s/i.test(d) || d.toLowerCase() === 'connect-src');
  if (connectIndex >= 0) {
    // The page's own WebSocket sources (ports left open, as it cannot know this one) give way to this server's exact address.
    const sources = directives[connectIndex]!.split(/\s+/)
      .slice(1)
      .filter((s) => s !== "'none'" && !/^wss?:/i.test(s));
    directives[connectIndex] = ['connect-src', ...new Set([...sources, ...webSocketOrigins])].join(' ');
  } else {
    directives.push(['connect-src', "'self'", ...webSocketOrigins].join(' '));
  }
  if (!directives.some((d) => /^frame-ancestors\b/i.test(d))) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}
