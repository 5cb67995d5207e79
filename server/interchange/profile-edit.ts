// Corrections to a person's form record from the dashboard: the descriptive fields (籍贯, 出生地,
// 专业技术职务, schools, 现任职务 …) — not the ones the rules read, which come with the form
// itself. Within the editor's subtree; empty text clears a field, an absent one stays; audited
// with what it replaced.
import { toDate, toIso } from '../../domain/dates.ts';
import { refusal } from '../../domain/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { ownedByScope, type Viewer } from '../auth/viewer.ts';
import { recordChange } from '../db/changes.ts';
import type { Db } from '../db/client.ts';
import { EDITABLE_PROFILE_FIELDS, type ProfileEdit } from './person-form.ts';

export async function editProfile(
  db: Db,
  viewer: Viewer,
  personCode: string,
  edit: ProfileEdit,
  options: { requestId?: string | null } = {},
) {
  const person = await db.person.findFirst({
    where: { code: personCode, ...ownedByScope(viewer) },
    include: { profile: true },
  });
  if (!person) throw refusal('NOT_FOUND', 'auth.notFoundOrOutside', {});
  const before: Record<string, string | null> = {};
  const after: Record<string, string | null> = {};
  for (const field of EDITABLE_PROFILE_FIELDS) {
    if (!(field in edit)) continue;
    const value = edit[field]?.trim() || null;
    before[field] = person.profile?.[field] ?? null;
    after[field] = value;
  }
  if ('currentPostSince' in edit) {
    before.currentPostSince = person.profile?.currentPostSince ? toIso(person.profile.currentPostSince) : null;
    after.currentPostSince = edit.currentPostSince ?? null;
  }
  const data = {
    ...after,
    ...('currentPostSince' in after
      ? { currentPostSince: after.currentPostSince ? toDate(after.currentPostSince) : null }
      : {}),
  };
  return db.$transaction(async (tx) => {
    const profile = await tx.personProfile.upsert({
      where: { personCode },
      create: { personCode, ...data },
      update: data,
    });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'person.profile.edit',
      entity: 'Person',
      entityCode: personCode,
      detail: { before, after },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'PersonRecord', keys: [personCode] });
    return profile;
  });
}
