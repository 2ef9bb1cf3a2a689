/** Lead scores: get, set, adjust with a reason, and the history of changes. */
import { route } from '../shared/http';
import type { RankrContext } from './context';
import { pageByCreation } from './context';
import type { RankrStore } from './store';
import type { ScoreChange } from './types';

export interface ScoreChangeOrigin {
	reason?: string | null;
	source: ScoreChange['source'];
	ruleId?: string | null;
	eventId?: string | null;
}

/** Moves a contact's score by `delta` (0 changes nothing), records the change, emits score.changed. */
export function changeScore(store: RankrStore, contactId: string, delta: number, origin: ScoreChangeOrigin): ScoreChange | undefined {
	const contact = store.findContact(contactId);
	if (delta === 0) return undefined;
	contact.score += delta;
	const change: ScoreChange = {
		id: store.id('scr_'),
		contactId,
		delta,
		score: contact.score,
		reason: origin.reason ?? null,
		source: origin.source,
		ruleId: origin.ruleId ?? null,
		eventId: origin.eventId ?? null,
		createdAt: store.now(),
	};
	store.scoreHistory.push(change);
	store.scoreUpdatedAt.set(contactId, change.createdAt);
	store.emit('score.changed', { contactId, score: change.score, delta, reason: change.reason, source: change.source });
	return change;
}

export function scoreOf(store: RankrStore, contactId: string) {
	const contact = store.findContact(contactId);
	return { contactId, score: contact.score, updatedAt: store.scoreUpdatedAt.get(contactId) ?? null };
}

export const scoreRoutes = [
	route<RankrContext>('GET', '/v1/contacts/{contactId}/score', (ctx, p) => ctx.reply(200, scoreOf(ctx.store, p.contactId))),
	route<RankrContext>('PUT', '/v1/contacts/{contactId}/score', (ctx, p) => {
		const { score, reason } = ctx.body as { score: number; reason?: string };
		const current = ctx.store.findContact(p.contactId).score;
		changeScore(ctx.store, p.contactId, score - current, { reason, source: 'api' });
		ctx.reply(200, scoreOf(ctx.store, p.contactId));
	}),
	route<RankrContext>('POST', '/v1/contacts/{contactId}/score/adjust', (ctx, p) => {
		const { delta, reason } = ctx.body as { delta: number; reason: string };
		changeScore(ctx.store, p.contactId, delta, { reason, source: 'api' });
		ctx.reply(200, scoreOf(ctx.store, p.contactId));
	}),
	route<RankrContext>('GET', '/v1/contacts/{contactId}/score/history', (ctx, p) => {
		ctx.store.findContact(p.contactId);
		ctx.reply(200, pageByCreation(ctx, ctx.store.scoreHistory.filter((c) => c.contactId === p.contactId)));
	}),
];
