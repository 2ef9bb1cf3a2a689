import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Checks of user input made before any request is sent. Every failure names the field (as the user sees
 * it in the editor) and the item, so a bad row in a batch of thousands is found at once.
 */
type Ctx = Pick<IExecuteFunctions, 'getNode'>;

export function invalid(ctx: Ctx, field: string, itemIndex: number, problem: string, hint?: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${field}: ${problem} [item ${itemIndex}]`, {
		itemIndex,
		description: hint,
	});
}

export function requireValue(ctx: Ctx, value: unknown, field: string, itemIndex: number): string {
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (!text) throw invalid(ctx, field, itemIndex, 'is required but empty');
	return text;
}

/** Record IDs: non-empty, no spaces or slashes (they would change the URL). */
export function requireId(ctx: Ctx, value: unknown, field: string, itemIndex: number): string {
	const id = requireValue(ctx, value, field, itemIndex);
	if (!/^[A-Za-z0-9_.:-]{1,128}$/.test(id)) {
		throw invalid(ctx, field, itemIndex, `"${id.slice(0, 60)}" is not a valid ID`, 'IDs contain only letters, digits, "-", "_", "." and ":".');
	}
	return id;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(ctx: Ctx, value: unknown, field: string, itemIndex: number): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const email = String(value).trim();
	if (!EMAIL.test(email)) throw invalid(ctx, field, itemIndex, `"${email.slice(0, 80)}" is not an email address`);
	return email;
}

/** Phone numbers as GHL stores them: digits with an optional leading +, separators allowed. */
export function checkPhone(ctx: Ctx, value: unknown, field: string, itemIndex: number): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const phone = String(value).trim();
	const digits = phone.replace(/[\s().-]/g, '');
	if (!/^\+?[0-9]{6,16}$/.test(digits)) {
		throw invalid(ctx, field, itemIndex, `"${phone.slice(0, 40)}" is not a phone number`, 'Use international format, e.g. +14155550123.');
	}
	return phone;
}

/** A date or date-time the user gave (n8n's dateTime field, an ISO string, a Luxon DateTime). */
export function checkDate(
	ctx: Ctx,
	value: unknown,
	field: string,
	itemIndex: number,
	as: 'dateTime' | 'date' = 'dateTime',
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const raw = typeof value === 'object' && value !== null && 'toISO' in value ? (value as { toISO(): string }).toISO() : String(value);
	const parsed = new Date(raw);
	if (Number.isNaN(parsed.getTime())) throw invalid(ctx, field, itemIndex, `"${raw.slice(0, 40)}" is not a date`);
	return as === 'date' ? parsed.toISOString().slice(0, 10) : parsed.toISOString();
}

export function checkEnum<T extends string>(
	ctx: Ctx,
	value: unknown,
	allowed: readonly T[],
	field: string,
	itemIndex: number,
): T {
	if (!allowed.includes(value as T)) {
		throw invalid(ctx, field, itemIndex, `"${String(value)}" is not one of ${allowed.join(', ')}`);
	}
	return value as T;
}

export function checkNumber(
	ctx: Ctx,
	value: unknown,
	field: string,
	itemIndex: number,
	range: { min?: number; max?: number; integer?: boolean } = {},
): number {
	const n = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(n) || (range.integer && !Number.isInteger(n))) {
		throw invalid(ctx, field, itemIndex, `"${String(value)}" is not a${range.integer ? 'n integer' : ' number'}`);
	}
	if (range.min !== undefined && n < range.min) throw invalid(ctx, field, itemIndex, `must be at least ${range.min}`);
	if (range.max !== undefined && n > range.max) throw invalid(ctx, field, itemIndex, `must be at most ${range.max}`);
	return n;
}

/** A list from a multi-select, a comma-separated string, or an expression that gave an array. */
export function toList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
	if (typeof value === 'string') return value.split(',').map((v) => v.trim()).filter(Boolean);
	return [];
}

/** A JSON parameter given as text or already as an object. */
export function parseJson(ctx: Ctx, value: unknown, field: string, itemIndex: number): IDataObject | IDataObject[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'object') return value as IDataObject;
	try {
		return JSON.parse(String(value)) as IDataObject;
	} catch {
		throw invalid(ctx, field, itemIndex, 'is not valid JSON');
	}
}

/** Drops undefined and empty-string values so optional fields the user left empty are not sent. */
export function compact<T extends IDataObject>(body: T): T {
	for (const key of Object.keys(body)) {
		if (body[key] === undefined || body[key] === '') delete body[key];
	}
	return body;
}
