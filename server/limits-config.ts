// The numbers of what one request may ask (docs/decisions/014-limits-and-load.md); the
// mechanisms are in limits.ts (operations) and main.ts (bodies, concurrency).

export const LIMITS = {
  /** Request body, read while streaming (main.ts) and by its declared length (yoga.ts). */
  maxBodyBytes: Number(process.env.MAX_BODY_BYTES ?? 32 * 1024 * 1024),
  /** Nesting of arrays and objects in a JSON body. */
  maxJsonDepth: 64,
  /** Tokens of an operation's text: the dashboard's largest operation has a few hundred. */
  maxTokens: 3000,
  maxDepth: 12,
  maxAliases: 20,
  maxDirectives: 20,
  /** Cost with list multipliers (the complexity plugin): see docs/decisions/014. */
  maxComplexity: 20_000,
  maxBreadth: 300,
  /** Rows of one page of a list (`first`). */
  maxPage: 100,
};
