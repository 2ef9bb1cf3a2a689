import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

type WebhookResponse = ReturnType<IWebhookFunctions['getResponseObject']>;
type WebhookRequest = ReturnType<IWebhookFunctions['getRequestObject']>;

/** Answers the request here and starts no execution. */
export function answer(res: WebhookResponse, status: number, body: IDataObject): IWebhookResponseData {
	res.status(status).json(body);
	return { noWebhookResponse: true };
}

/** The bytes the sender signed. n8n keeps them as `rawBody`; without it, the parsed body is all there is. */
export function rawBodyOf(req: WebhookRequest): Buffer {
	const { rawBody, body } = req as { rawBody?: unknown; body?: unknown };
	if (Buffer.isBuffer(rawBody)) return rawBody;
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return Buffer.from(JSON.stringify(body ?? {}), 'utf8');
}

/**
 * The delivery ID a body names, for the log only (a refused body is not trusted for anything else): a
 * string or number of at most 100 printable characters, else ''.
 */
export function peekDeliveryId(raw: Buffer, key: string): string {
	if (raw.length > 1024 * 1024) return '';
	try {
		const body = JSON.parse(raw.toString('utf8')) as IDataObject;
		const value = body && typeof body === 'object' ? (body[key] ?? (body.data as IDataObject | undefined)?.[key]) : undefined;
		const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
		return /^[\x21-\x7e]{1,100}$/.test(text) ? text : '';
	} catch {
		return '';
	}
}

export interface DeliveryLog {
	/** Not run and answered 4xx: the sender may retry (429) or has been turned away. */
	refused(status: number, reason: string, deliveryId?: string): void;
	/** Answered 2xx and not run on purpose (duplicate, event not selected, another location). */
	ignored(reason: string, deliveryId?: string): void;
	warn(message: string, deliveryId?: string): void;
}

/**
 * Every delivery a trigger does not run goes to n8n's logger with the reason, the delivery ID and where
 * (workflow, node), never a header or secret, so a user can tell why GHL or Rankr saw a refusal.
 */
export function deliveryLog(ctx: IWebhookFunctions, trigger: string, idKey: string, peekedId: string): DeliveryLog {
	const where = () => ({ workflowId: ctx.getWorkflow().id, node: ctx.getNode().name });
	const meta = (deliveryId?: string) => ({ trigger, [idKey]: deliveryId || peekedId || undefined, ...where() });
	// The ID in the text too: n8n's text log format may leave the metadata out.
	const tail = (deliveryId?: string) => (deliveryId || peekedId ? ` (${idKey} ${deliveryId || peekedId})` : '');
	return {
		refused(status, reason, deliveryId) {
			ctx.logger.warn(`${trigger} refused a delivery (${status}): ${reason}${tail(deliveryId)}`, { status, reason, ...meta(deliveryId) });
		},
		ignored(reason, deliveryId) {
			ctx.logger.debug(`${trigger} acknowledged a delivery without running the workflow: ${reason}${tail(deliveryId)}`, { status: 200, reason, ...meta(deliveryId) });
		},
		warn(message, deliveryId) {
			ctx.logger.warn(`${trigger}: ${message}${tail(deliveryId)}`, meta(deliveryId));
		},
	};
}
