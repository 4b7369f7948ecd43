import type { ledgerChannels } from '@shared/contract/channels/ledger';
import type { HandlersOf } from '../core/handler-types';

export const ledgerHandlers: HandlersOf<typeof ledgerChannels> = {};
