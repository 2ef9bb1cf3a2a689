import type { IDataObject } from 'n8n-workflow';

/**
 * One shape for every record the GHL triggers emit: camelCase keys (GHL Workflow webhooks send
 * `contact_id`, `first_name`, …) and dates as ISO-8601 UTC strings (GHL mixes offsets and epoch numbers).
 */

const SNAKE = /^[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)+$/;

export function camelCase(key: string): string {
	if (key === '_id') return 'id';
	if (!SNAKE.test(key)) return key;
	const [first, ...rest] = key.split(/[_-]/);
	return first.toLowerCase() + rest.map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()).join('');
}

/** Keys GHL uses for points in time: dateAdded, dateUpdated, dueDate, startTime, completedAt, timestamp … */
const DATE_KEY = /^(date[A-Z].*|.+Date|.+At|.+Time|timestamp|date)$/;

/** ISO-8601 UTC for a date string or an epoch number (seconds or milliseconds); undefined if it is not one. */
export function toIsoDate(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
		return new Date(value < 1e11 ? value * 1000 : value).toISOString();
	}
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * Keys are converted at every level except inside maps whose keys are data, not field names
 * (`dndSettings` channels such as `SMS`, custom field values).
 */
const OPAQUE = new Set(['dndSettings', 'customFields', 'customField', 'customData']);

export function normaliseRecord(record: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [rawKey, value] of Object.entries(record)) {
		const key = camelCase(rawKey);
		if (key in out && key !== rawKey) continue; // the camelCase field, when both are present, wins
		out[key] = normaliseValue(key, value);
	}
	return out;
}

function normaliseValue(key: string, value: unknown): IDataObject[keyof IDataObject] {
	if (DATE_KEY.test(key)) {
		const iso = toIsoDate(value);
		if (iso) return iso;
	}
	if (OPAQUE.has(key) || value === null || typeof value !== 'object') return value as IDataObject[keyof IDataObject];
	if (Array.isArray(value)) {
		return value.map((v) => (v && typeof v === 'object' && !Array.isArray(v) ? normaliseRecord(v as IDataObject) : v)) as IDataObject[];
	}
	return normaliseRecord(value as IDataObject);
}
