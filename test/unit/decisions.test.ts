// A committee meeting's arithmetic, by hand: quorate with present ≥ members × quorum; an item
// adopted with more than members × pass share in favour.
import { describe, expect, it } from 'vitest';
import { adopted, quorate, votesNeeded } from '../../domain/decisions.ts';
import { DEFAULT_POLICY } from '../../domain/policy/defaults.ts';

const rules = DEFAULT_POLICY.procedure;

describe('meeting arithmetic', () => {
  it('takes 2/3 present as the quorum, 6 of 9 exactly included', () => {
    expect(quorate({ members: 9, present: 6 }, rules)).toBe(true);
    expect(quorate({ members: 9, present: 5 }, rules)).toBe(false);
    expect(quorate({ members: 11, present: 8 }, rules)).toBe(true); // 8 ≥ 7.33
    expect(quorate({ members: 11, present: 7 }, rules)).toBe(false);
    expect(quorate({ members: 0, present: 0 }, rules)).toBe(false);
  });

  it('needs more than half of the members expected, however many came', () => {
    expect(votesNeeded({ members: 9, present: 6 }, rules)).toBe(5); // more than 4.5
    expect(votesNeeded({ members: 10, present: 10 }, rules)).toBe(6); // more than 5
    expect(adopted({ members: 9, present: 6 }, { favour: 5, against: 1, abstain: 0 }, rules)).toBe(true);
    expect(adopted({ members: 9, present: 6 }, { favour: 4, against: 0, abstain: 2 }, rules)).toBe(false);
    // Below the quorum nothing is adopted, even unanimously.
    expect(adopted({ members: 9, present: 5 }, { favour: 5, against: 0, abstain: 0 }, rules)).toBe(false);
  });

  it('does not let a share’s binary rounding lower the bar', () => {
    // 100 × 0.57 is 57 (computed as 56.99999…): more than 57 is 58, not 57. 3 × 2/3 is 2: 3.
    expect(votesNeeded({ members: 100, present: 100 }, { ...rules, meetingPassShare: 0.57 })).toBe(58);
    expect(votesNeeded({ members: 3, present: 3 }, { ...rules, meetingPassShare: 2 / 3 })).toBe(3);
  });
});
