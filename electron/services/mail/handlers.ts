import type { mailChannels } from '@shared/contract/channels/mail';
import type { HandlersOf } from '../core/handler-types';

export const mailHandlers: HandlersOf<typeof mailChannels> = {};
