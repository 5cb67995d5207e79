// A compliance rule's label with the numbers of the policy in force (ages of the bands and of the
// young members): the numbers are policy, so no label spells them.
import type { TFunction } from 'i18next';

interface Band {
  from: number;
  to: number;
  youngUnder: number;
}
type PolicyDoc = { ageBands?: { PRINCIPAL?: Band; DEPUTY?: Band } } | null | undefined;

export function ruleLabel(t: TFunction, rule: string, policy: unknown): string {
  const bands = (policy as PolicyDoc)?.ageBands;
  const band = rule.endsWith('_PRINCIPAL') ? bands?.PRINCIPAL : rule.endsWith('_DEPUTY') ? bands?.DEPUTY : undefined;
  return t(`rule.${rule}`, { from: band?.from ?? '…', to: band?.to ?? '…', under: band?.youngUnder ?? '…' });
}
