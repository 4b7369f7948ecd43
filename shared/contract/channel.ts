import { z } from 'zod';
import { roles, type Access } from '../roles';
import { isoDateOf, loginName, secret, text, token } from './input-text';

export * from './input-text';

/** A channel: who may call it, what it takes (validated at the edge) and what it returns. */
export interface Channel<I extends z.ZodType, O> {
  access: Access;
  input: I;
  /**
   * The result carries personal data of data subjects (names, addresses, page images or
   * text, letters). S3: every such view is audited; the dispatcher writes a `record.viewed`
   * entry for any call whose service wrote none (issue 11, finding 4).
   */
  personal?: true;
  /** Phantom: the output type, carried for the typed API only. */
  readonly _output?: O;
}

export const channel =
  <O>() =>
  <I extends z.ZodType>(spec: { access: Access; input: I; personal?: true }): Channel<I, O> =>
    spec;

export const ADMIN = ['administrator'] as const;
export const OVERSIGHT = ['administrator', 'auditor'] as const;
export const CASEWORK = ['administrator', 'clerk', 'auditor'] as const;
export const INTAKE = ['administrator', 'clerk'] as const;

export const none = z.object({}).strict();
export const passphrase = secret(1024);
/**
 * A passphrase being set (setup, recovery, change, a new or reset staff member): the staff
 * service's length rule (MIN_PASSPHRASE_LENGTH) as a named refinement, so a form names it at
 * its field before any call and the dispatcher answers WEAK_PASSPHRASE, as the service does.
 */
export const MIN_NEW_PASSPHRASE = 12;
export const newPassphrase = passphrase.refine((v) => [...v.normalize('NFC')].length >= MIN_NEW_PASSPHRASE, 'weak_passphrase');
export const login = loginName();
export const displayName = text(80, { min: 1 });
export const role = z.enum(roles);
export const id = token(64);
/** An office date (arrival, sending, filters): see DATE_RANGES; other meanings use isoDateOf. */
export const isoDate = isoDateOf('event');

