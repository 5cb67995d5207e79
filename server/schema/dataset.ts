import { refusal } from '../../domain/errors.ts';
import { scopeOf } from '../auth/capabilities.ts';
import { builder } from '../builder.ts';
import { type ImportCounts, importDataset } from '../dataset/import.ts';
import { DatasetError } from '../dataset/validate.ts';
import { db, dbConfig } from '../db/client.ts';

const ImportDatasetInput = builder.inputType('ImportDatasetInput', {
  fields: (t) => ({
    dataset: t.string({ required: true, description: 'The dataset document (format version 1), as JSON text.' }),
    replace: t.boolean({
      defaultValue: false,
      description: 'Empty the organization’s data first (in the same transaction).',
    }),
  }),
});

const ImportCountsRef = builder.objectRef<ImportCounts>('ImportCounts').implement({
  authScopes: { signedIn: true },
  description: 'How many records of each array were imported.',
  fields: (t) => ({
    units: t.exposeInt('units'),
    positions: t.exposeInt('positions'),
    people: t.exposeInt('people'),
    reserves: t.exposeInt('reserves'),
    trainings: t.exposeInt('trainings'),
    assessments: t.exposeInt('assessments'),
    practices: t.exposeInt('practices'),
    mentors: t.exposeInt('mentors'),
    talks: t.exposeInt('talks'),
  }),
});

builder.mutationFields((t) => ({
  importDataset: t.field({
    authScopes: scopeOf('IMPORT_DATASET'),
    type: ImportCountsRef,
    description:
      'Imports a dataset, all or nothing: a bad record rejects the whole file (BAD_USER_INPUT, with `extensions.issues` naming each record and field) and nothing is written. Needs a viewer of the whole tree.',
    args: { input: t.arg({ type: ImportDatasetInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      try {
        const counts = await importDataset(
          db,
          dbConfig,
          { text: input.dataset },
          { replace: input.replace ?? false, actor: ctx.viewer.actor, requestId: ctx.requestId },
        );
        return counts;
      } catch (e) {
        if (e instanceof DatasetError) throw refusal('BAD_USER_INPUT', e.messageKey, e.params, { issues: e.issues });
        throw e;
      }
    },
  }),
}));
