// The signed-in account as the pages see it: what it may do comes from the server
// (`me.capabilities`), so a page offers only the actions the API would accept.
import { createContext, useContext } from 'react';
import type { ResultOf } from './api/graphql.ts';
import type { ME } from './api/operations.ts';

export type Viewer = NonNullable<ResultOf<typeof ME>['me']>;
export type Capability = Viewer['capabilities'][number];

export const ViewerContext = createContext<Viewer | null>(null);

/** Whether the signed-in account may do this. */
export function useCan(capability: Capability): boolean {
  return useContext(ViewerContext)?.capabilities.includes(capability) ?? false;
}
