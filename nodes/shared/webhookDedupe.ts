import type { IDataObject } from 'n8n-workflow';

/**
 * The delivery IDs a webhook trigger has run for recently (GHL's webhookId, Rankr's Rankr-Delivery), kept
 * in the workflow's static data: senders retry a delivery they believe failed, and a replayed request must
 * not run the workflow twice. The window is bounded both ways (count and age) so the static data stays small.
 */
export const DEDUPE_MAX_IDS = 1000;
export const DEDUPE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** delivery ID → when it ran (ms since epoch). */
export type SeenIds = Record<string, number>;

/**
 * n8n saves static data only after an execution ends, and senders retry sooner than that (a real n8n ran a
 * replay twice), so the process keeps its own copy per trigger node; static data carries it across restarts.
 */
const inProcess = new Map<string, SeenIds>();

export function seenIdsOf(staticData: IDataObject, nodeKey?: string): SeenIds {
	const current = staticData.seenWebhookIds;
	const stored = !current || typeof current !== 'object' || Array.isArray(current) ? {} : (current as SeenIds);
	if (!nodeKey) {
		staticData.seenWebhookIds = stored;
		return stored;
	}
	let seen = inProcess.get(nodeKey);
	if (!seen) {
		seen = { ...stored };
		inProcess.set(nodeKey, seen);
	}
	staticData.seenWebhookIds = seen;
	return seen;
}

export function alreadySeen(seen: SeenIds, webhookId: string, now = Date.now()): boolean {
	const at = seen[webhookId];
	return typeof at === 'number' && now - at <= DEDUPE_MAX_AGE_MS;
}

/** Records a delivery ID and drops what fell out of the window (too old, or beyond the newest 1,000). */
export function remember(seen: SeenIds, webhookId: string, now = Date.now()): void {
	seen[webhookId] = now;
	for (const [id, at] of Object.entries(seen)) if (now - at > DEDUPE_MAX_AGE_MS) delete seen[id];
	const ids = Object.keys(seen);
	if (ids.length <= DEDUPE_MAX_IDS) return;
	ids.sort((a, b) => seen[a] - seen[b]);
	for (const id of ids.slice(0, ids.length - DEDUPE_MAX_IDS)) delete seen[id];
}

/** Forgets the in-process copies (tests start each case from a clean slate, as after a restart). */
export function forgetDeliveries(): void {
	inProcess.clear();
}
