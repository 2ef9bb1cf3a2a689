import type { IExecuteFunctions } from 'n8n-workflow';
import { tryToParseDateTime } from 'n8n-workflow';

import { invalid } from '../../../shared/validation';

/**
 * Value checks the task, note and workflow operations need beyond nodes/shared/validation.ts: dates read
 * the way n8n's own dateTime fields mean them, and booleans that arrive through expressions.
 */
type Ctx = Pick<IExecuteFunctions, 'getNode' | 'getTimezone'>;

/** Epoch seconds (10 digits) or milliseconds (13 digits), as a number or a string of digits. */
function epochMillis(value: unknown): number | undefined {
	const text = typeof value === 'number' ? String(Math.trunc(value)) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d{10}$|^\d{13}$/.test(text)) return undefined;
	return text.length === 10 ? Number(text) * 1000 : Number(text);
}

/**
 * A date-time as GHL's task and workflow endpoints take it: ISO 8601 in UTC to the second
 * ("2030-01-31T09:00:00Z", the form of the spec's examples; n8n's HighLevel node found that GHL refuses
 * its own millisecond form on task updates). A value without an offset — what n8n's date picker gives —
 * means the workflow's time zone, as everywhere in n8n; Luxon DateTimes from expressions keep theirs.
 */
export function ghlDateTime(ctx: Ctx, value: unknown, field: string, itemIndex: number): string | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
	const shown = typeof value === 'string' ? value.trim().slice(0, 40) : String(value).slice(0, 40);
	const millis = epochMillis(value);
	let parsed;
	try {
		if (millis !== undefined) parsed = tryToParseDateTime(new Date(millis), ctx.getTimezone());
		else if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value.trim()))) parsed = undefined;
		else parsed = tryToParseDateTime(value, ctx.getTimezone());
	} catch {
		parsed = undefined;
	}
	const iso = parsed?.isValid ? parsed.toUTC().startOf('second').toISO({ suppressMilliseconds: true }) : null;
	if (!iso) {
		throw invalid(ctx, field, itemIndex, `"${shown}" is not a date`, 'Use ISO 8601, e.g. 2030-01-31T09:00:00Z, or pick a date.');
	}
	return iso;
}

/** A boolean field whose expression may give "true"/"false" or 1/0; anything else is refused. */
export function checkBoolean(ctx: Ctx, value: unknown, field: string, itemIndex: number): boolean {
	if (typeof value === 'boolean') return value;
	const text = String(value).trim().toLowerCase();
	if (text === 'true' || text === '1') return true;
	if (text === 'false' || text === '0') return false;
	throw invalid(ctx, field, itemIndex, `"${String(value).slice(0, 40)}" is not true or false`);
}
