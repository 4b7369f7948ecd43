import type { todayChannels } from '@shared/contract/channels/today';
import type { HandlersOf } from '../core/handler-types';

export const todayHandlers: HandlersOf<typeof todayChannels> = {};
