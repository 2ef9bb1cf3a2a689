import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ghlLocation } from '../shared/ghlApi';
import type { DeliveryLedger } from '../shared/webhookDedupe';
import { deliveryLedger } from '../shared/webhookDedupe';
import type { DeliveryLog } from '../shared/webhookRequest';
import { answer, deliveryLog, peekDeliveryId, rawBodyOf } from '../shared/webhookRequest';
import type { DeliveryRules, Source } from './delivery';
import { DEFAULT_REPLAY_WINDOW_MINUTES, judgeDelivery, MAX_BODY_BYTES } from './delivery';
import { isSelected, normaliseEvent } from './events';
import { fetchLatest } from './fetchLatest';
import { GHL_ED25519_PUBLIC_KEY, GHL_RSA_PUBLIC_KEY } from './signature';

/** The secret of a Custom Webhook: the credential, or (workflows saved before it existed) the old parameter. */
async function sharedSecretOf(ctx: IWebhookFunctions, warn: (message: string) => void): Promise<string> {
	let failure: unknown;
	try {
		const credential = await ctx.getCredentials('ghlWebhookSecretApi');
		if (credential?.secret) return String(credential.secret);
	} catch (error) {
		failure = error;
	}
	const legacy = ctx.getNodeParameter('secret', '');
	if (typeof legacy === 'string' && legacy) {
		warn('the shared secret is still stored in the workflow (the old Secret parameter): select a GHL Webhook Secret credential with the same value and save the workflow');
		return legacy;
	}
	throw new NodeOperationError(ctx.getNode(), 'No GHL Webhook Secret credential is selected', {
		description: `Source "GHL Workflow Custom Webhook" needs a GHL Webhook Secret credential holding the header's value.${failure instanceof Error ? ` (${failure.message})` : ''}`,
	});
}

async function rulesFor(ctx: IWebhookFunctions, options: IDataObject, warn: (message: string) => void): Promise<DeliveryRules> {
	const source = ctx.getNodeParameter('source', 'marketplace') as Source;
	const keys = ((options.publicKeys as IDataObject | undefined)?.keys ?? {}) as IDataObject;
	const minutes = Number(options.replayWindowMinutes ?? DEFAULT_REPLAY_WINDOW_MINUTES);
	let locationId = '';
	if (!options.anyLocation) {
		locationId = await ghlLocation(ctx);
		if (!locationId) {
			throw new NodeOperationError(ctx.getNode(), 'The GHL credential names no location, so events cannot be matched to one', {
				description: 'Set the Location ID in the credential, or turn on Options → Accept Any Location.',
			});
		}
	}
	const workflowAction = source === 'workflowAction';
	return {
		source,
		ed25519PublicKey: String(keys.ed25519 || GHL_ED25519_PUBLIC_KEY),
		rsaPublicKey: String(keys.rsa || GHL_RSA_PUBLIC_KEY),
		secretHeader: workflowAction ? String(ctx.getNodeParameter('headerName', 'x-ghl-secret')).trim().toLowerCase() : '',
		secret: workflowAction ? await sharedSecretOf(ctx, warn) : '',
		locationId,
		replayWindowMs: Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : 0,
		maxBytes: MAX_BODY_BYTES,
	};
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One delivery: judged before anything runs; 2xx for what is genuine but not to run (another location, an
 * event not selected, a duplicate); 429 for what the trigger could not take now (GHL then retries, and the
 * ID is not remembered so the retry runs); an execution for the rest. Every answer that runs nothing is logged.
 */
export async function takeGhlDelivery(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const res = ctx.getResponseObject();
	let log: DeliveryLog | undefined;
	let claimed: { ledger: DeliveryLedger; id: string } | undefined;
	try {
		const req = ctx.getRequestObject();
		const raw = rawBodyOf(req);
		log = deliveryLog(ctx, 'GHL Trigger', 'webhookId', peekDeliveryId(raw, 'webhookId'));
		const { warn } = log;
		const options = ctx.getNodeParameter('options', {}) as IDataObject;
		const rules = await rulesFor(ctx, options, (message) => warn(message));
		const verdict = judgeDelivery(raw, req.headers as Record<string, unknown>, rules);
		if (verdict.outcome === 'refuse') {
			log.refused(verdict.status, verdict.reason);
			return answer(res, verdict.status, { error: verdict.reason });
		}
		const { payload } = verdict;
		const webhookId = payload.webhookId === undefined || payload.webhookId === null ? '' : String(payload.webhookId);
		if (verdict.outcome === 'ignore' || !isSelected(payload.type, ctx.getNodeParameter('events', []) as string[])) {
			const reason = verdict.outcome === 'ignore' ? verdict.reason : 'event not selected';
			log.ignored(reason, webhookId);
			return answer(res, 200, { received: true, ignored: reason });
		}
		if (webhookId) {
			const ledger = deliveryLedger(ctx.getWorkflowStaticData('node'), `${ctx.getWorkflow().id}:${ctx.getNode().id}`, rules.replayWindowMs);
			const claim = ledger.claim(webhookId);
			if (claim === 'duplicate') {
				log.ignored('duplicate webhookId', webhookId);
				return answer(res, 200, { received: true, ignored: 'duplicate webhookId' });
			}
			if (claim === 'inProgress') {
				log.refused(429, 'the same webhookId is being taken right now', webhookId);
				return answer(res, 429, { error: 'This webhookId is being taken right now; send it again later' });
			}
			claimed = { ledger, id: webhookId };
		}

		const item = normaliseEvent(payload);
		item.verifiedBy = verdict.verifiedBy;
		if (options.fetchLatest) Object.assign(item, await fetchLatest(ctx, item));
		if (options.includeRaw) item.raw = verdict.body;
		if (claimed) {
			const evicted = claimed.ledger.confirm(claimed.id);
			if (evicted) log.warn(`forgot ${evicted} delivery ID(s) younger than the replay window (over the limit kept); their retries would run again`, webhookId);
		}
		return { workflowData: [ctx.helpers.returnJsonArray([item])] };
	} catch (error) {
		claimed?.ledger.release(claimed.id);
		const reason = `could not take the event: ${messageOf(error)}`;
		if (log) log.refused(429, reason, claimed?.id);
		else ctx.logger.warn(`GHL Trigger refused a delivery (429): ${reason}`, { status: 429, reason, trigger: 'GHL Trigger' });
		return answer(res, 429, { error: 'The trigger could not take this event now; send it again later' });
	}
}
