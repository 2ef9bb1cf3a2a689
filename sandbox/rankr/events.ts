/**
 * POST /v1/events: the rule engine. Enabled rules whose eventType equals the event's type and whose every
 * condition holds (the payload's value at a dotted path; text compared case-insensitively) run in creation
 * order, each action applied once. A retried event is not applied twice thanks to the Idempotency-Key layer.
 */
import { route } from '../shared/http';
import type { RankrContext } from './context';
import { RankrError } from './context';
import { changeScore } from './scores';
import type { RankrStore } from './store';
import { normalizeTags } from './store';
import { setTags } from './tags';
import { addTask } from './tasks';
import type { AppliedAction, Contact, EventResult, Rule, RuleCondition } from './types';

/** `task.title`, `tags.0`: walks objects and arrays. */
export function valueAt(payload: unknown, path: string): unknown {
	let current = payload;
	for (const part of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[part];
	}
	return current;
}

export function conditionHolds(payload: unknown, condition: RuleCondition): boolean {
	const actual = valueAt(payload, condition.field);
	const expected = condition.equals;
	if (typeof actual === 'string' && typeof expected === 'string') return actual.toLowerCase() === expected.toLowerCase();
	return actual === expected;
}

export interface EventInput {
	type: string;
	contactId?: string;
	contactExternalRef?: string;
	occurredAt?: string;
	payload?: Record<string, unknown>;
}

function eventContact(store: RankrStore, input: EventInput): Contact {
	if (input.contactId) return store.findContact(input.contactId);
	const contact = store.contactBy('externalRef', input.contactExternalRef ?? '');
	if (!contact) throw new RankrError(404, 'not_found', `No contact with externalRef ${input.contactExternalRef} in this account`);
	return contact;
}

function apply(store: RankrStore, rule: Rule, contact: Contact, eventId: string, occurredAt: string): AppliedAction[] {
	const applied: AppliedAction[] = [];
	for (const action of rule.actions) {
		if (action.type === 'addTag' || action.type === 'removeTag') {
			const tag = normalizeTags([action.tag])[0];
			const tags = action.type === 'addTag' ? [...contact.tags, tag] : contact.tags.filter((t) => t !== tag);
			setTags(store, contact.id, tags);
			applied.push({ ruleId: rule.id, type: action.type, tag });
		} else if (action.type === 'createTask') {
			const dueAt = action.dueInDays === undefined ? null : new Date(Date.parse(occurredAt) + action.dueInDays * 86_400_000).toISOString();
			const task = addTask(store, contact.id, { title: action.title, description: action.description ?? null, dueAt });
			applied.push({ ruleId: rule.id, type: 'createTask', taskId: task.id });
		} else {
			const change = changeScore(store, contact.id, action.delta, { reason: action.reason ?? `Rule: ${rule.name}`, source: 'rule', ruleId: rule.id, eventId });
			applied.push({ ruleId: rule.id, type: 'adjustScore', delta: action.delta, score: change?.score ?? contact.score });
		}
	}
	return applied;
}

export function runEvent(store: RankrStore, input: EventInput): EventResult {
	const contact = eventContact(store, input);
	const id = store.id('evt_');
	const occurredAt = input.occurredAt ? new Date(input.occurredAt).toISOString() : store.now();
	const payload = input.payload ?? {};
	const result: EventResult = { id, type: input.type, contactId: contact.id, occurredAt, matchedRules: [], actions: [] };
	const rules = [...store.rules.values()]
		.filter((r) => r.enabled && r.eventType === input.type && r.conditions.every((c) => conditionHolds(payload, c)))
		.sort((a, b) => store.positionOf(a.id) - store.positionOf(b.id));
	for (const rule of rules) {
		result.matchedRules.push(rule.id);
		result.actions.push(...apply(store, rule, contact, id, occurredAt));
		store.emit('rule.fired', { ruleId: rule.id, eventId: id, contactId: contact.id });
	}
	store.events.set(id, result);
	return result;
}

export const eventRoutes = [route<RankrContext>('POST', '/v1/events', (ctx) => ctx.reply(200, runEvent(ctx.store, ctx.body)))];
