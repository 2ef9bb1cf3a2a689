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
