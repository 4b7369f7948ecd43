import type { verificationChannels } from '@shared/contract/channels/verification';
import type { HandlersOf } from '../core/handler-types';

export const verificationHandlers: HandlersOf<typeof verificationChannels> = {};
