import { z } from 'zod';
import { isValidIsoDate } from '../domain/dates';
import { roles, type Access } from '../roles';

/** A channel: who may call it, what it takes (validated at the edge) and what it returns. */
export interface Channel<I extends z.ZodType, O> {
  access: Access;
  input: I;
  /** Phantom: the output type, carried for the typed API only. */
  readonly _output?: O;
}

export const channel =
  <O>() =>
  <I extends z.ZodType>(spec: { access: Access; input: I }): Channel<I, O> =>
    spec;

export const ADMIN = ['administrator'] as const;
export const OVERSIGHT = ['administrator', 'auditor'] as const;
export const CASEWORK = ['administrator', 'clerk', 'auditor'] as const;
export const INTAKE = ['administrator', 'clerk'] as const;

export const none = z.object({}).strict();
export const passphrase = z.string().min(1).max(1024);
export const login = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'login');
export const displayName = z.string().trim().min(1).max(80);
export const role = z.enum(roles);
export const id = z.string().min(1).max(64);
export const isoDate = z.string().refine(isValidIsoDate, 'date');

