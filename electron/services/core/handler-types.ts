import type { ChannelName, ChannelOutput, ChannelParsed } from '@shared/contract';
import type { KaijiCore, Session } from './kaiji-core';

export interface HandlerContext {
  core: KaijiCore;
  /** Present for every channel whose access is not 'public' (dispatch checks). */
  session: Session | null;
}

export type Handler<C extends ChannelName> = (input: ChannelParsed<C>, ctx: HandlerContext) => Promise<ChannelOutput<C>>;
export type HandlerMap = { [C in ChannelName]: Handler<C> };
/** The handlers of one capability's channel group (e.g. `typeof ledgerChannels`). */
export type HandlersOf<G> = { [C in keyof G & ChannelName]: Handler<C> };

/** The signed-in session, or LOCKED: every non-public handler starts here. */
export const must = (ctx: HandlerContext): Session => ctx.core.requireSession();
