// The numbers of what one request may ask (docs/decisions/014-limits-and-load.md); the
// mechanisms are in limits.ts (operations) and main.ts (bodies, concurrency).

export const LIMITS = {
  /** Request body, read while streaming (main.ts) and by its declared length (yoga.ts). */
  maxBodyBytes: Number(process.env.MAX_BODY_BYTES ?? 32 * 1024 * 1024),
  /** A body above this is for imports only: `importDataset` (an administrator of the whole tree), `importLrmx`. */
  maxPlainBodyBytes: 1024 * 1024,
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
  /**
   * Checked before validation (server/gate.ts): fields in a document (the dashboard's largest
   * operation has about 80), one response name repeated in one selection set.
   */
  maxFields: 1000,
  maxRepeats: 20,
  /** A body without credentials (login, logout, me need a few hundred bytes). */
  maxAnonymousBodyBytes: 4096,
  /** Requests a second… per address without credentials: `anonymousRequests` per window. */
  anonymousRequests: 100,
  anonymousWindowSeconds: 10,
  /** Rows of one page of a list (`first`). */
  maxPage: 100,
  /** Rows of a page when `first` is not given (the connections' default), for the cost. */
  defaultPage: 20,
  /** What a list without a page size (a unit's posts, an entry's history…) counts as, for the cost. */
  listEstimate: 10,
  /** Values of any one list handed in (an argument, a variable, inside an input); fields may say less. */
  maxListValues: 1000,
};

/**
 * How many rows a list without a page size holds at most in practice, for the cost
 * (docs/decisions/025); lists not named here count LIMITS.listEstimate. The rows of a paged
 * report (`items`, `rows` under a field that takes `first`) count 1: the page's size already
 * multiplies them.
 */
export const LIST_SIZES: Record<string, number> = {
  'Unit.children': 50,
  'Unit.positions': 10,
  'Unit.ancestors': 6,
  'Unit.reserveRatio': 2,
  'Position.incumbencies': 5,
  'Person.reserveEntries': 3,
  'Person.trainings': 20,
  'Person.assessments': 10,
  'Person.practices': 5,
  'Person.positionsHeld': 3,
  'ReserveEntry.targetPositions': 10,
  'ReserveEntry.history': 10,
  'ReserveEntry.mentors': 3,
  'ReserveEntry.talks': 10,
  'ReserveEntry.recommendationRounds': 3,
  'ReserveEntry.inspections': 3,
  'ReserveEntry.notices': 3,
  'ReserveEntry.eliminationDecisions': 3,
  'ReserveEntry.blockers': 8,
  'RecommendationTallyResult.groups': 12,
  'ScoreSheet.rounds': 5,
  'ScoreRoundResult.parts': 5,
  'PublicNotice.objections': 5,
  'AlertReport.items': 1,
  'ComplianceRowPage.rows': 1,
  'DrillPage.rows': 1,
  'IntakeRow.years': 5,
  // One entry per structure rule (PROFILE_RULES).
  'IntakeRow.profile': 5,
  'IntakeRowYear.profile': 5,
  'PlannedIntake.years': 5,
  'PlannedIntake.profile': 5,
  'SuccessionRanking.teams': 1,
};
