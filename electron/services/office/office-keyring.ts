import { sql, type Kysely } from 'kysely';
import { box, randomKey } from '../vault/crypto';
import { dbKeyAad, KEYSLOT_FORMAT, type KeySlotFile } from '../vault/keyslot-file';
import { dbKeyFromSlots } from '../vault/vault';

/**
 * The office data key's key slots (#16 item 2). They are the vault's own slots: the same
 * wrapped private keys (so every member keeps their passphrase and the recovery key keeps
 * working), each now holding the office data key boxed to its public key instead of the vault's
 * database key. Boxing needs only public keys, so moving a vault in needs nobody's passphrase,
 * and the server holds wrapped keys and boxes only. Opening is the vault's own
 * `dbKeyFromSlots`: one scrypt per attempt whether or not the login exists.
 */
export type OfficeKeyring = Omit<KeySlotFile, 'failures' | 'unlockFailures' | 'pendingRekey'>;

export function keyringFromVault(vault: KeySlotFile): { dataKey: Buffer; keyring: OfficeKeyring } {
  if (vault.format !== KEYSLOT_FORMAT || !vault.lookup) throw new Error('the vault must be unlocked once by this build first (key-slot format 2)');
  const dataKey = randomKey();
  const keyVersion = 1;
  const keyring: OfficeKeyring = {
    format: vault.format,
    vaultId: vault.vaultId,
    createdAt: new Date().toISOString(),
    keyVersion,
    auditPublicKey: vault.auditPublicKey,
    lookup: vault.lookup,
    freeUnlockAttempts: vault.freeUnlockAttempts,
    slots: vault.slots.map((slot) => ({
      ...slot,
      // A disabled member (no box in the vault) gets none here either.
      dbKey: slot.dbKey ? box(slot.publicKey, dataKey, dbKeyAad(vault, slot.id, keyVersion)) : null,
    })),
  };
  return { dataKey, keyring };
}

/** The office data key, or null when the credentials open no slot (ACCOUNT_DISABLED for a disabled member). */
export async function openKeyring(
  keyring: OfficeKeyring,
  credentials: { login: string; passphrase: string } | { recoveryKey: string },
): Promise<Buffer | null> {
  const opened = await dbKeyFromSlots({ ...keyring, pendingRekey: null }, credentials);
  return opened?.key ?? null;
}

type AnyDb = Kysely<unknown>;

export async function saveKeyring(db: AnyDb, keyring: OfficeKeyring): Promise<void> {
  const json = JSON.stringify(keyring);
  await sql`insert into office_keyring (id, keyring, updated_at) values (1, ${json}, ${new Date().toISOString()})
            on conflict (id) do update set keyring = excluded.keyring, updated_at = excluded.updated_at`.execute(db);
}

export async function loadKeyring(db: AnyDb): Promise<OfficeKeyring | null> {
  const { rows } = await sql<{ keyring: string }>`select keyring from office_keyring where id = 1`.execute(db);
  return rows[0] ? (JSON.parse(rows[0].keyring) as OfficeKeyring) : null;
}
