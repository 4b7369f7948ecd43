import type { ChannelName } from './channels';

/**
 * Whether a channel only reads, changes data or changes who is signed in: the renderer's server
 * state (renderer/src/ui/server-state.ts) invalidates after changes, and the single-desk vault
 * publishes change notices for them (#16 item 3). Methods that only read (or export what is
 * there): the channels queries call. A read must never be missing here, or each of its fetches
 * would invalidate the others in a loop (test/unit/server-state.test.ts checks every useLoad
 * call site).
 */
export const READ_METHOD =
  /^(list|get|detail|status|info|overview|image|text|importStatus|checklist|deficiency|awaitingResubmission|maskSuggestions|maskState|masks|ledger|monthlyTotals|suggest|preview|previewGuidance|previewImport|pdf|guidancePdf|recordPdf|labels|toSendCount|caseDeadline|obligations|owed|schedule|due|holds|register|actors|lookup|check|blockList|match|year|export|exportXlsx|exportPdf|exportRegister|applicationForm|verify|assignees)$/;

/** Calls that change no data the UI lists (activity pings). */
const NO_DATA: ReadonlySet<string> = new Set(['session.touch']);

/** Who is signed in changes: everything cached belongs to the previous session. */
const SESSION_CHANGES: ReadonlySet<string> = new Set(['vault.unlock', 'vault.recover', 'vault.lock', 'vault.setup', 'backup.restore', 'office.use', 'office.useLocal']);

export type ChannelEffect = 'read' | 'change' | 'session';

export function channelEffect(channel: ChannelName | string): ChannelEffect {
  if (SESSION_CHANGES.has(channel)) return 'session';
  if (NO_DATA.has(channel)) return 'read';
  const method = channel.slice(channel.indexOf('.') + 1);
  return READ_METHOD.test(method) ? 'read' : 'change';
}
