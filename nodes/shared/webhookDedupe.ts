import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/**
 * The delivery IDs a webhook trigger has run for recently (GHL's webhookId, Rankr's Rankr-Delivery), kept
 * in the workflow's static data: senders retry a delivery they believe failed, and a replayed request must
 * not run the workflow twice. Bounded both ways (count and age) so the static data stays small.
 */
export const DEDUPE_MAX_IDS = 5000;
/** The shortest time an ID is kept; a trigger whose replay window is longer keeps IDs that long. */
export const DEDUPE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** delivery ID → when it ran (ms since epoch). */
export type SeenIds = Record<string, number>;

export type Claim = 'claimed' | 'duplicate' | 'inProgress';

/**
 * Each process keeps its own copy per trigger node, because n8n saves static data only once the webhook
 * call has answered: two deliveries inside one process must see each other before that. Static data is
 * loaded from the database on every webhook call (n8n's LiveWebhooks), so merging it in on every call
 * picks up what other processes (main, webhook processes) have saved since.
 */
const inProcess = new Map<string, SeenIds>();
/** Claimed but not yet confirmed (the trigger is still reading GHL): a copy arriving meanwhile waits. */
const pending = new Map<string, Set<string>>();

function storedIds(staticData: IDataObject): SeenIds {
	const current = staticData.seenWebhookIds;
	if (!current || typeof current !== 'object' || Array.isArray(current)) return {};
	const ids: SeenIds = {};
	for (const [id, at] of Object.entries(current as IDataObject)) if (typeof at === 'number' && Number.isFinite(at)) ids[id] = at;
	return ids;
}

/** The process copy with the stored IDs merged in (the earliest time wins, so an ID never lives longer). */
function mergedIds(staticData: IDataObject, nodeKey: string): SeenIds {
	let seen = inProcess.get(nodeKey);
	if (!seen) {
		seen = {};
		inProcess.set(nodeKey, seen);
	}
	for (const [id, at] of Object.entries(storedIds(staticData))) if (!(id in seen) || at < seen[id]) seen[id] = at;
	return seen;
}

export function alreadySeen(seen: SeenIds, deliveryId: string, now = Date.now(), retentionMs = DEDUPE_MAX_AGE_MS): boolean {
	const at = seen[deliveryId];
	return typeof at === 'number' && now - at <= Math.max(retentionMs, DEDUPE_MAX_AGE_MS);
}

/**
 * Records a delivery ID and drops what fell out of the window (older than the retention, or beyond the
 * newest DEDUPE_MAX_IDS). Returns how many of the dropped IDs were younger than the retention: those
 * retries would run again, which the caller logs.
 */
export function remember(seen: SeenIds, deliveryId: string, now = Date.now(), retentionMs = DEDUPE_MAX_AGE_MS): number {
	const keepMs = Math.max(retentionMs, DEDUPE_MAX_AGE_MS);
	seen[deliveryId] = now;
	for (const [id, at] of Object.entries(seen)) if (now - at > keepMs) delete seen[id];
	const ids = Object.keys(seen);
	if (ids.length <= DEDUPE_MAX_IDS) return 0;
	ids.sort((a, b) => seen[a] - seen[b]);
	const dropped = ids.slice(0, ids.length - DEDUPE_MAX_IDS);
	for (const id of dropped) delete seen[id];
	return dropped.length;
}

/** Writes a fresh object, so n8n sees the static data changed and saves every ID this process knows. */
function store(staticData: IDataObject, seen: SeenIds): void {
	staticData.seenWebhookIds = { ...seen };
}

/**
 * n8n (2.41) saves a webhook call's static data after webhook() returns, but only if it is flagged as
 * changed, and when the call starts an execution the flag is cleared first: WorkflowRunner.run
 * (establishContextForPersistence) builds a second Workflow over the same static data object, and n8n's
 * ObservableObject.create resets `__dataChanged` on it. The IDs are still there, unsaved, so the next
 * process never sees them. Writing them again once that has happened (it happens within the same tick, the
 * save only after several database round trips) sets the flag again; a write after the save changes nothing.
 */
const RESTORE_AFTER_MS = [0, 10, 50, 200, 500];

function storeAgainAfterReturn(staticData: IDataObject, nodeKey: string): void {
	for (const delay of RESTORE_AFTER_MS) {
		void sleep(delay).then(() => store(staticData, inProcess.get(nodeKey) ?? storedIds(staticData)));
	}
}

export interface DeliveryLedger {
	/**
	 * Synchronous on purpose (no await between the check and the record): 'claimed' means run it, and
	 * confirm or release it afterwards; 'duplicate' means it ran already; 'inProgress' means another copy is
	 * being taken right now in this process.
	 */
	claim(deliveryId: string, now?: number): Claim;
	/** The delivery runs: it stays recorded, and static data carries it to other processes. Returns IDs evicted early. */
	confirm(deliveryId: string, now?: number): number;
	/** The delivery was not taken (answered 429): forget it, so the sender's retry runs it. */
	release(deliveryId: string): void;
}

/** The ledger of one trigger node (`nodeKey` = workflow ID + node ID) over this call's static data. */
export function deliveryLedger(staticData: IDataObject, nodeKey: string, retentionMs = DEDUPE_MAX_AGE_MS): DeliveryLedger {
	const inFlight = pending.get(nodeKey) ?? new Set<string>();
	pending.set(nodeKey, inFlight);
	return {
		claim(deliveryId, now = Date.now()) {
			const seen = mergedIds(staticData, nodeKey);
			if (inFlight.has(deliveryId)) return 'inProgress';
			if (alreadySeen(seen, deliveryId, now, retentionMs)) return 'duplicate';
			inFlight.add(deliveryId);
			seen[deliveryId] = now;
			return 'claimed';
		},
		confirm(deliveryId, now = Date.now()) {
			inFlight.delete(deliveryId);
			const seen = mergedIds(staticData, nodeKey);
			const evicted = remember(seen, deliveryId, seen[deliveryId] ?? now, retentionMs);
			store(staticData, seen);
			storeAgainAfterReturn(staticData, nodeKey);
			return evicted;
		},
		release(deliveryId) {
			inFlight.delete(deliveryId);
			const seen = inProcess.get(nodeKey);
			if (seen) delete seen[deliveryId];
			const stored = storedIds(staticData);
			if (deliveryId in stored) {
				delete stored[deliveryId];
				staticData.seenWebhookIds = stored;
			}
		},
	};
}

/** Forgets the in-process copies (tests start each case from a clean slate, as after a restart). */
export function forgetDeliveries(): void {
	inProcess.clear();
	pending.clear();
}
