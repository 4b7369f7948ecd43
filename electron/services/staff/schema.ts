/**
 * #13 item 8: a passphrase an administrator set (new staff, reset) must be changed by its
 * owner at first sign-in. One row per person who still has to; removed when they change it.
 */
export interface PassphraseChangeTable {
  staff_id: string;
  /** When the administrator set the passphrase (ISO time). */
  since: string;
}

export interface StaffTables {
  passphrase_change_required: PassphraseChangeTable;
}
