// The GraphQL client: urql with Graphcache (units keyed by code; computed reports kept inline,
// they have no identity of their own), the session cookie sent along, and the CSRF header the
// server asks of browser requests. Operations are sent as persisted operations (by hash).
import { cacheExchange } from '@urql/exchange-graphcache';
import { persistedExchange } from '@urql/exchange-persisted';
import { Client, cacheExchange as documentCache, fetchExchange } from 'urql';
import i18n from '../i18n/index.ts';

const inline = () => null;

// Operations go by their hash (registered by the build); the text follows only when the server
// does not know the hash (outside production).
const persisted = () => persistedExchange({ enableForMutation: true, preferGetForPersistedQueries: false });
// The server answers its messages in the dashboard's language.
const fetchOptions = () => ({
  credentials: 'same-origin' as const,
  headers: { 'x-graphql-csrf': '1', 'accept-language': i18n.language === 'en' ? 'en' : 'zh-CN' },
});

export const client = new Client({
  url: '/graphql',
  fetchOptions,
  exchanges: [
    cacheExchange({
      keys: {
        Unit: (u) => (u.code as string | undefined) ?? null,
        Viewer: () => 'me',
        PoolStructure: inline,
        ComplianceReport: inline,
        ComplianceTotal: inline,
        ComplianceRowPage: inline,
        ComplianceRow: inline,
        SuccessionGapReport: inline,
        AlertReport: inline,
        AlertCount: inline,
        IntakeProjection: inline,
        IntakeYear: inline,
        IntakeRow: inline,
        IntakeProfileNeed: inline,
        Percentiles: inline,
        LearnedRates: inline,
        KindRates: inline,
        LearnedRate: inline,
        SuggestedScenario: inline,
        ScenarioParams: inline,
        IntakePlan: inline,
        PlannedIntake: inline,
        PlannedProfile: inline,
        BindingConstraint: inline,
        // The selection procedure's computed parts (tallies, score sheets, what blocks a step).
        GroupTally: inline,
        RecommendationTallyResult: inline,
        ScoreSheet: inline,
        ScoreRoundResult: inline,
        ScorePart: inline,
        SelectionRankingRow: inline,
        StepBlocker: inline,
        ReserveAlert: inline,
        QueryReservesConnection: inline,
        QueryReservesConnectionEdge: inline,
        PageInfo: inline,
      },
    }),
    persisted(),
    fetchExchange,
  ],
});

/**
 * For long lists read page by page (the roster): urql's document cache, not the normalised one.
 * Writing a hundred entries, their people and units into Graphcache on every page took frames
 * from a scroll in progress. The document cache adds __typename as Graphcache does, so the
 * operations' hashes are the registered ones.
 */
export const listClient = new Client({
  url: '/graphql',
  fetchOptions,
  exchanges: [documentCache, persisted(), fetchExchange],
});
