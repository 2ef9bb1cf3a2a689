/** What a route handler gets, and the error it throws to answer in GHL's shape. */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { GhlStore } from './store';

export class GhlError extends Error {
	constructor(
		readonly status: number,
		readonly messages: string | string[],
		readonly error?: string,
	) {
		super(Array.isArray(messages) ? messages.join('; ') : messages);
	}
}

export interface GhlContext {
	req: IncomingMessage;
	res: ServerResponse;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	body: Record<string, unknown> | undefined;
	/** The location the bearer token belongs to. */
	location: string;
	store: GhlStore;
	reply(status: number, body: unknown): void;
}

export const notFound = (what: string) => new GhlError(400, `${what} not found`);

/** class-validator style 422s, as GHL's NestJS API answers. */
export function unprocessable(messages: string[]): GhlError {
	return new GhlError(422, messages, 'Unprocessable Entity');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface FieldRules {
	required?: string[];
	allowed: string[];
	strings?: string[];
	booleans?: string[];
	arrays?: string[];
	emails?: string[];
	dates?: string[];
}

/** Validates a body as GHL's DTOs do (whitelist + types); returns it typed. */
export function validateBody(body: unknown, rules: FieldRules): Record<string, unknown> {
	if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
		throw unprocessable(['body must be an object']);
	}
	const b = (body ?? {}) as Record<string, unknown>;
	const errors: string[] = [];
	for (const key of Object.keys(b)) if (!rules.allowed.includes(key)) errors.push(`property ${key} should not exist`);
	for (const key of rules.required ?? []) if (b[key] === undefined || b[key] === null || b[key] === '') errors.push(`${key} should not be empty`);
	for (const key of rules.strings ?? []) if (b[key] !== undefined && b[key] !== null && typeof b[key] !== 'string') errors.push(`${key} must be a string`);
	for (const key of rules.booleans ?? []) if (b[key] !== undefined && typeof b[key] !== 'boolean') errors.push(`${key} must be a boolean value`);
	for (const key of rules.arrays ?? []) if (b[key] !== undefined && !Array.isArray(b[key])) errors.push(`${key} must be an array`);
	for (const key of rules.emails ?? []) if (typeof b[key] === 'string' && b[key] !== '' && !EMAIL.test(b[key] as string)) errors.push(`${key} must be an email`);
	for (const key of rules.dates ?? []) if (b[key] !== undefined && b[key] !== null && Number.isNaN(Date.parse(String(b[key])))) errors.push(`${key} must be a valid ISO 8601 date string`);
	if (errors.length) throw unprocessable(errors);
	return b;
}

export function queryString(ctx: GhlContext, name: string): string | undefined {
	const v = ctx.query[name];
	return Array.isArray(v) ? v[0] : v;
}

/** locationId in query or body must be the token's own location (403 otherwise), and is often required. */
export function checkLocation(ctx: GhlContext, given: unknown, required = true): void {
	if (given === undefined || given === null || given === '') {
		if (required) throw unprocessable(['locationId should not be empty']);
		return;
	}
	if (given !== ctx.location) throw new GhlError(403, 'The token does not have access to this location');
}
