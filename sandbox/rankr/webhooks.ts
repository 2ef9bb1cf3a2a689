/** Webhook subscriptions: list, create (the secret shown once), get, delete. */
import { route } from '../shared/http';
import type { RankrContext } from './context';
import { pageByCreation, RankrError } from './context';
import type { RankrStore } from './store';
import { randomId } from './store';
import type { Webhook, WebhookEventType } from './types';

/** A subscription as listed: without its secret. */
export const publicWebhook = ({ secret: _secret, ...rest }: Webhook): Omit<Webhook, 'secret'> => rest;

export function addWebhook(store: RankrStore, input: { url: string; events: WebhookEventType[]; description?: string }): Webhook {
	const hook: Webhook = {
		id: store.id('whk_'),
		url: input.url,
		events: [...input.events],
		description: input.description ?? null,
		createdAt: store.now(),
		secret: randomId('whsec_', 32),
	};
	store.webhooks.set(hook.id, hook);
	return hook;
}

function findWebhook(store: RankrStore, id: string): Webhook {
	const hook = store.webhooks.get(id);
	if (!hook) throw RankrError.notFound('webhook', id);
	return hook;
}

export const webhookRoutes = [
	route<RankrContext>('GET', '/v1/webhooks', (ctx) => {
		const page = pageByCreation(ctx, [...ctx.store.webhooks.values()]);
		ctx.reply(200, { data: page.data.map(publicWebhook), nextCursor: page.nextCursor });
	}),
	route<RankrContext>('POST', '/v1/webhooks', (ctx) => ctx.reply(201, addWebhook(ctx.store, ctx.body))),
	route<RankrContext>('GET', '/v1/webhooks/{webhookId}', (ctx, p) => ctx.reply(200, publicWebhook(findWebhook(ctx.store, p.webhookId)))),
	route<RankrContext>('DELETE', '/v1/webhooks/{webhookId}', (ctx, p) => {
		findWebhook(ctx.store, p.webhookId);
		ctx.store.webhooks.delete(p.webhookId);
		ctx.reply(204);
	}),
];
