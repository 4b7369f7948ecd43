import type { letterChannels } from '@shared/contract/channels/letters';
import type { HandlersOf } from '../core/handler-types';

export const letterHandlers: HandlersOf<typeof letterChannels> = {};
