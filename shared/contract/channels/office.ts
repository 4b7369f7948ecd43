import { z } from 'zod';
import { ADMIN, channel, multilineText, none, secret, text } from '../channel';

/**
 * #16 item 1: which database this desk works on, chosen in the app. Test, save and switch are
 * public like `vault.setup` and `vault.unlock`: they run on the setup and unlock screens, before
 * any vault is open (the service refuses them while someone is signed in). What the desk is on,
 * with the server's versions, is for administrators (Settings).
 *
 * Connection settings are not personal data. The password is a secret: never returned, logged
 * or put in an error; it is stored only in the desk's pgpass file (0600).
 */

/** A host name or an IP address (IPv6 without brackets: two colons at least); no scheme, path, user or port. */
export const officeHost = text(253, { min: 1 }).regex(/^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$|^(?=(?:[^:]*:){2})[0-9A-Fa-f:.]+$/, 'host');

/** PostgreSQL identifiers as Kaiji's provisioning names them (office-roles.ts): no quoting needed. */
const identifier = text(63, { min: 1 }).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'identifier');

/** The office CA as PEM text (read from the file the user chose at the desk); the service parses it (OFFICE_CA_INVALID). */
const caPem = multilineText(64 * 1024);

export const officeConnectionInput = z.object({
  host: officeHost,
  port: z.number().int().min(1).max(65535),
  database: identifier,
  user: identifier,
  password: secret(1024),
  /** Empty: no TLS (loopback only; the service refuses another host without a CA). */
  caPem: caPem.optional(),
});
export type OfficeConnectionInput = z.input<typeof officeConnectionInput>;

/** Where the desk's back end was chosen: at start (KAIJI_OFFICE / --office), on this screen (office.json in the data folder), or nowhere (local vault). */
export type OfficeSource = 'start' | 'desk' | 'none';

export interface OfficeDeskStatus {
  backend: 'vault' | 'office';
  source: OfficeSource;
  /** Set on an office database: where it is (never the password). */
  connection?: { host: string; port: number; database: string; user: string; tls: boolean };
}

/** What a test connection found (every refusal is a typed error instead). */
export interface OfficeProbe {
  serverVersion: string;
  schemaVersion: number;
  supportedSchemaVersion: number;
  tls: boolean;
  /** The office has been set up (company, first administrator) at some desk. */
  setUp: boolean;
}

export interface OfficeDetails extends OfficeDeskStatus {
  serverVersion?: string;
  schemaVersion?: number;
  supportedSchemaVersion: number;
}

export const officeChannels = {
  'office.status': channel<OfficeDeskStatus>()({ access: 'public', input: none }),
  /** Connects, checks TLS and the schema, and reports; saves nothing. */
  'office.check': channel<OfficeProbe>()({ access: 'public', input: officeConnectionInput }),
  /** Tests again, writes office.json (and its pgpass and CA files) in the desk's data folder, and switches the desk to it. */
  'office.use': channel<OfficeDeskStatus>()({ access: 'public', input: officeConnectionInput }),
  /** Back to the desk's own local vault: removes the office files from the data folder. */
  'office.useLocal': channel<OfficeDeskStatus>()({ access: 'public', input: none }),
  'office.info': channel<OfficeDetails>()({ access: ADMIN, input: none }),
} as const;
