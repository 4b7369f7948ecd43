import { m001 } from './001_core';
import { m002 } from './002_cases';
import { m003 } from './003_envelopes';
import { m004 } from './004_pages';
import { m005 } from './005_case_documents';
import { m006 } from './006_verification';
import { m007 } from './007_ledger_mail';
import { m008 } from './008_letters';
import { m009 } from './009_deadlines';
import { m010 } from './010_case_waivers';
import { m011 } from './011_letter_approval';
import { m012 } from './012_contacts';
import { m015 } from './015_passphrase_change';
import { m017 } from './017_name_keys';
import { m018 } from './018_document_suggestions';
import { m020 } from './020_backups';
import { m021 } from './021_retention';
import { m023 } from './023_provisions';
import { m024 } from './024_case_facts';
import { m025 } from './025_report_indexes';
import { m027 } from './027_case_assignee';
import { m028 } from './028_saved_filters';
import { m029 } from './029_approval';
import { m030 } from './030_trash';
import { m032 } from './032_page_files';
import { m038 } from './038_audit_append_only';
import { m039 } from './039_office_keyring';
import { m040 } from './040_audit_actor_index';
import { m044 } from './044_page_transform';
import type { SchemaMigration } from './types';

/** In order. Append new files here; never edit a step that has shipped. */
export const migrations: readonly SchemaMigration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012, m015, m017, m018, m020, m021, m023, m024, m025, m027, m028, m029, m030, m032, m038, m039, m040, m044];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
