import { FORM_ID, FORM_VERSION } from '@shared/domain/application-form';
import { KaijiError } from '@shared/errors';
import { generateApplicationForm } from '../forms';
import { readFormIntoCase } from '../intake/form-into-case';
import { contactHandlers } from '../contacts/handlers';
import { letterHandlers } from '../letters/handlers';
import { lifecycleHandlers, transitionByHand } from '../lifecycle/handlers';
import { ledgerHandlers } from '../fees/handlers';
import { mailHandlers } from '../mail/handlers';
import { provisionHandlers } from '../provisions/handlers';
import { reportHandlers } from '../reports/handlers';
import { worklistHandlers } from '../worklists/handlers';
import { todayHandlers } from '../today/handlers';
import { backupHandlers } from '../backup/handlers';
import { retentionHandlers } from '../retention/handlers';
import { auditHandlers } from '../audit/handlers';
import { verificationHandlers } from '../verification/handlers';
import { readingHandlers } from '../reading/handlers';
import { trashHandlers } from '../trash/handlers';
import { approvalHandlers } from '../approval/handlers';
import { officeHandlers } from '../office/handlers';
import { readPageIntoCase } from '../reading/read-into-case';
import { LATEST_SCHEMA_VERSION } from '../vault/migrator';
import { rekeyWithAudit } from '../vault/rekey-audit';
import { APP_VERSION } from './app-info';
import { must, type HandlerMap } from './handler-types';

export type { HandlerContext, HandlerMap } from './handler-types';


/**
 * One handler per channel, shared by Electron IPC and web mode. Input is already
 * validated and the caller's role checked when a handler runs.
 */
export const handlers: HandlerMap = {
  'app.info': async (_, { core }) => ({ version: APP_VERSION, mode: core.mode, schemaVersion: LATEST_SCHEMA_VERSION }),

  'vault.status': async (_, { core }) => core.status(),
  'vault.setup': async (input, { core }) => core.setup(input),
  'vault.unlock': async (input, { core }) => core.unlock(input.login, input.passphrase),
  'vault.recover': async (input, { core }) => core.recover(input.recoveryKey, input.login, input.newPassphrase),
  'vault.lock': async (_, { core }) => {
    await core.lock('user');
    return null;
  },
  'vault.rekey': async (_, ctx) => {
    const s = must(ctx);
    await rekeyWithAudit(ctx.core.vault, s.ws.audit, s.ws.db, s.actor);
    return { rotatedAt: new Date().toISOString() };
  },
  'vault.rotateRecoveryKey': async (_, ctx) => {
    const s = must(ctx);
    // On an office database the new slot is written in the audit entry's transaction.
    const recoveryKey = await s.ws.db.transaction().execute(async (trx) => {
      const key = await ctx.core.vault.rotateRecoveryKey(trx);
      await s.ws.audit.append(trx, s.actor, { action: 'vault.recovery_key_rotated', recordType: 'vault' });
      return key;
    });
    return { recoveryKey };
  },

  'session.touch': async (_, { core }) => {
    core.touch();
    return null;
  },
  'session.changePassphrase': async (input, ctx) => {
    const s = must(ctx);
    await s.ws.staff.changeOwnPassphrase(s.actor, input.current, input.next);
    return null;
  },

  'staff.list': async (_, ctx) => must(ctx).ws.staff.list(),
  'staff.add': async (input, ctx) => must(ctx).ws.staff.add(must(ctx).actor, input),
  'staff.setStatus': async (input, ctx) => must(ctx).ws.staff.setStatus(must(ctx).actor, input.id, input.status),
  'staff.setRole': async (input, ctx) => must(ctx).ws.staff.setRole(must(ctx).actor, input.id, input.role),
  'staff.resetPassphrase': async (input, ctx) => {
    await must(ctx).ws.staff.resetPassphrase(must(ctx).actor, input.id, input.passphrase);
    return null;
  },
  'staff.remove': async (input, ctx) => {
    await must(ctx).ws.staff.remove(must(ctx).actor, input.id);
    return null;
  },

  'settings.get': async (_, ctx) => must(ctx).ws.settings.get(),
  'settings.update': async (input, ctx) => {
    const s = must(ctx);
    const { versions, ...patch } = input;
    const settings = await s.ws.settings.update(s.actor, patch, versions);
    await ctx.core.afterSettingsChange();
    return settings;
  },

  'audit.list': async (input, ctx) => {
    const s = must(ctx);
    const page = await s.ws.audit.list(input);
    // Reading the trail is itself an access worth recording, once per page.
    await s.ws.audit.append(s.ws.db, s.actor, { action: 'audit.viewed', summary: { offset: input.offset, count: page.entries.length } });
    return page;
  },
  'audit.verify': async (_, ctx) => {
    const s = must(ctx);
    const result = await s.ws.audit.verify();
    await s.ws.audit.append(s.ws.db, s.actor, {
      action: 'audit.verified',
      summary: { ok: result.ok, checked: result.checked, problems: result.problems.length },
    });
    return result;
  },

  'cases.list': async (input, ctx) => must(ctx).ws.caseList.list(must(ctx).actor, input),
  'cases.get': async (input, ctx) => must(ctx).ws.cases.get(must(ctx).actor, input.id),
  'cases.updateSubject': async ({ id, version, ...subject }, ctx) => {
    await must(ctx).ws.caseFiles.setSubject(must(ctx).actor, id, subject, version);
    return must(ctx).ws.cases.get(must(ctx).actor, id);
  },

  'cases.detail': async (input, ctx) => must(ctx).ws.caseFiles.detail(must(ctx).actor, input.id),
  'cases.setFields': async (input, ctx) => {
    return { version: await must(ctx).ws.caseFiles.setFields(must(ctx).actor, input.id, input.fields, input.version) };
  },
  'cases.addNote': async (input, ctx) => {
    await must(ctx).ws.caseFiles.addNote(must(ctx).actor, input.id, input.body);
    return null;
  },

  'pages.import': async (input, ctx) => {
    const s = must(ctx);
    const files = input.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.data, 'base64') }));
    return s.ws.importJobs.start(s.actor, files, { caseId: input.caseId, envelopeId: input.envelopeId });
  },
  'pages.importStatus': async (input, ctx) => {
    const status = must(ctx).ws.importJobs.status(input.jobId);
    if (!status) throw new KaijiError('NOT_FOUND');
    return status;
  },
  'pages.list': async (input, ctx) => {
    const { pages } = must(ctx).ws;
    if (input.caseId) return pages.listForCase(input.caseId);
    if (input.envelopeId) return pages.listForEnvelope(input.envelopeId);
    return pages.listUnassigned();
  },
  'pages.image': async (input, ctx) => {
    const image = await must(ctx).ws.pages.image(must(ctx).actor, input.id);
    return { dataUrl: `data:${image.mime};base64,${image.png.toString('base64')}`, width: image.width, height: image.height };
  },
  'pages.text': async (input, ctx) => ({ text: (await must(ctx).ws.pages.text(input.id)).text }),
  'pages.setKind': async (input, ctx) => must(ctx).ws.pages.setKind(must(ctx).actor, input.id, input.kind),
  'pages.move': async (input, ctx) => {
    const s = must(ctx);
    const moved = await s.ws.pages.move(s.actor, input.id, input.caseId);
    if (moved.formId) await readFormIntoCase(s.ws.db, s.ws.pages, s.ws.caseFiles, ctx.core.ocrPool(), s.actor, moved.id, input.caseId);
    // ID copies and free-form letters too (issue 12 items 3, 4).
    else await readPageIntoCase(s.ws, s.actor, moved.id, input.caseId);
    return moved;
  },
  'pages.reorder': async (input, ctx) => must(ctx).ws.pages.reorder(must(ctx).actor, input.caseId, input.ids),
  'pages.rotate': async (input, ctx) => must(ctx).ws.pages.rotate(must(ctx).actor, input.id, input.degrees),
  'pages.delete': async (input, ctx) => {
    // #13 item 3: to the trash (Undo, Trash view, re-import); purged for good after settings.trashDays.
    await must(ctx).ws.trash.trashPage(must(ctx).actor, input.id);
    return null;
  },
  'search.text': async (input, ctx) => must(ctx).ws.textSearch.search(must(ctx).actor, input.query),
  'scanner.poll': async (_, ctx) => {
    const results = (await must(ctx).scanner?.poll()) ?? [];
    return {
      id: 'scanner-folder',
      state: 'done',
      files: results.map((r) =>
        r.ok
          ? { name: r.name, state: 'done', pagesDone: r.pageIds.length, pagesTotal: r.pageIds.length, pageIds: r.pageIds, duplicate: r.duplicate }
          : { name: r.name, state: 'failed', pagesDone: 0, pagesTotal: 0, pageIds: [], duplicate: false, error: r.error },
      ),
    };
  },

  'forms.applicationForm': async (input, ctx) => {
    const settings = await must(ctx).ws.settings.get();
    const pdf = await generateApplicationForm(
      { name: settings.companyName, address: settings.companyAddress, contactPoint: settings.contactPoint },
      { fields: input.fillable ? 'fillable' : 'none' },
    );
    return { fileName: `${FORM_ID}-v${FORM_VERSION}.pdf`, dataBase64: Buffer.from(pdf).toString('base64') };
  },

  'documents.record': async ({ caseId, ...doc }, ctx) => must(ctx).ws.documents.record(must(ctx).actor, caseId, doc),
  'documents.list': async (input, ctx) => must(ctx).ws.documents.list(input.caseId),
  'documents.remove': async (input, ctx) => {
    await must(ctx).ws.documents.remove(must(ctx).actor, input.id);
    return null;
  },
  // Who may make which move is the role table's (shared/domain/case-permissions.ts), checked in
  // CaseService.setStatusIn; closing by hand waives what is still owed only with the reason.
  'cases.transition': async (input, ctx) => transitionByHand(must(ctx), input),
  'cases.checklist': async (input, ctx) => must(ctx).ws.checklists.checklist(must(ctx).actor, input.id),

  'envelopes.log': async (input, ctx) => must(ctx).ws.envelopes.log(must(ctx).actor, input),
  'envelopes.list': async (input, ctx) => must(ctx).ws.envelopes.list(must(ctx).actor, input),

  ...verificationHandlers,
  ...ledgerHandlers,
  ...mailHandlers,
  ...letterHandlers,
  ...todayHandlers,
  ...contactHandlers,
  ...lifecycleHandlers,
  ...backupHandlers,
  ...retentionHandlers,
  ...auditHandlers,
  ...readingHandlers,
  ...provisionHandlers,
  ...reportHandlers,
  ...worklistHandlers,
  ...trashHandlers,
  ...approvalHandlers,
  ...officeHandlers,
};
