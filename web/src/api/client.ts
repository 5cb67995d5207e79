// The GraphQL client: urql with Graphcache (units keyed by code; computed reports kept inline,
// they have no identity of their own), the session cookie sent along, and the CSRF header the
// server asks of browser requests. Operations are sent as persisted operations (by hash).
import { cacheExchange } from '@urql/exchange-graphcache';
import { persistedExchange } from '@urql/exchange-persisted';
import { Client, fetchExchange } from 'urql';

const inline = () => null;

export const client = new Client({
  url: '/graphql',
  fetchOptions: () => ({ credentials: 'same-origin', headers: { 'x-graphql-csrf': '1' } }),
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
      },
    }),
    // Operations go by their hash (registered by the build); the text follows only when the server
    // does not know the hash (outside production).
    persistedExchange({ enableForMutation: true, preferGetForPersistedQueries: false }),
    fetchExchange,
  ],
});
