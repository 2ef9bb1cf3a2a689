import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { DeliveryLedger } from '../shared/webhookDedupe';
import { deliveryLedger } from '../shared/webhookDedupe';
import { answer, deliveryLog, peekDeliveryId, rawBodyOf } from '../shared/webhookRequest';
import { eventItem, headersToInclude, ignoredOrigin, judgeRankrDelivery } from './delivery';
import { storedSubscription } from './subscription';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One Rankr delivery: judged before anything runs; 2xx for what is genuine but not to run (an event not
 * selected, a change from a system Ignore Changes From names, a redelivery), logged; 429 for anything that
 * keeps the trigger from taking it now (an exception of ours becomes n8n's 500 otherwise), logged, with the
 * delivery ID not remembered, so Rankr's retry (with backoff, same delivery ID) runs it; an execution for
 * the rest.
 */
export function takeRankrDelivery(ctx: IWebhookFunctions): IWebhookResponseData {
	const res = ctx.getResponseObject();
	let log: ReturnType<typeof deliveryLog> | undefined;
	let claimed: { ledger: DeliveryLedger; id: string } | undefined;
	try {
		const req = ctx.getRequestObject();
		const raw = rawBodyOf(req);
		log = deliveryLog(ctx, 'Rankr Trigger', 'deliveryId', peekDeliveryId(raw, 'id'));
		const staticData = ctx.getWorkflowStaticData('node');
		const secret = storedSubscription(staticData)?.secret ?? '';
		const verdict = judgeRankrDelivery(raw, req.headers as Record<string, unknown>, secret);
		if (verdict.outcome === 'refuse') {
			log.refused(verdict.status, verdict.reason);
			return answer(res, verdict.status, { error: verdict.reason });
		}

		const { delivery } = verdict;
		// 200 for whatever is not run, so Rankr does not retry it.
		if (!(ctx.getNodeParameter('events', []) as string[]).includes(delivery.type)) {
			log.ignored('event not selected', delivery.id);
			return answer(res, 200, { received: true, ignored: 'event not selected' });
		}
		// The loop guard: a change this sync wrote itself (Rankr-Origin: ghl) is not sent back.
		const options = ctx.getNodeParameter('options', {}) as IDataObject;
		if (ignoredOrigin(delivery, options.ignoreOrigins)) {
			const reason = `change from ${delivery.origin}`;
			log.ignored(reason, delivery.id);
			return answer(res, 200, { received: true, ignored: reason });
		}
		// The item is built before the ID is claimed: nothing after the claim can fail before the execution starts.
		const item = eventItem(delivery);
		if (options.includeHeaders) item.headers = headersToInclude(req.headers as Record<string, unknown>);
		const ledger = deliveryLedger(staticData, `${ctx.getWorkflow().id}:${ctx.getNode().id}`);
		if (ledger.claim(delivery.id) !== 'claimed') {
			log.ignored('duplicate delivery', delivery.id);
			return answer(res, 200, { received: true, ignored: 'duplicate delivery' });
		}
		claimed = { ledger, id: delivery.id };
		ledger.confirm(delivery.id);
		return { workflowData: [ctx.helpers.returnJsonArray([item])] };
	} catch (error) {
		claimed?.ledger.release(claimed.id);
		const reason = `could not take the event: ${messageOf(error)}`;
		if (log) log.refused(429, reason, claimed?.id);
		else ctx.logger.warn(`Rankr Trigger refused a delivery (429): ${reason}`, { status: 429, reason, trigger: 'Rankr Trigger' });
		return answer(res, 429, { error: 'The trigger could not take this event now; send it again later' });
	}
}
