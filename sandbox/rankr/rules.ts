/** Automation rules: list (eventType/enabled filters), create, get, patch (conditions/actions replace), delete. */
import { route } from '../shared/http';
import type { RankrContext } from './context';
import { pageByCreation, RankrError } from './context';
import type { RankrStore } from './store';
import { normalizeTags } from './store';
import type { Rule, RuleAction } from './types';

type RuleInput = Partial<Pick<Rule, 'name' | 'enabled' | 'eventType' | 'conditions' | 'actions'>>;

/** Tags in actions are stored as contacts hold them: trimmed, lower case. */
const normalizeActions = (actions: RuleAction[]): RuleAction[] =>
	actions.map((a) => (a.type === 'addTag' || a.type === 'removeTag' ? { ...a, tag: normalizeTags([a.tag])[0] ?? a.tag } : { ...a }));

export function addRule(store: RankrStore, input: RuleInput & Pick<Rule, 'name' | 'eventType' | 'actions'>): Rule {
	const now = store.now();
	const rule: Rule = {
		id: store.id('rul_'),
		name: input.name,
		enabled: input.enabled ?? true,
		eventType: input.eventType,
		conditions: structuredClone(input.conditions ?? []),
		actions: normalizeActions(input.actions),
		createdAt: now,
		updatedAt: now,
	};
	store.rules.set(rule.id, rule);
	return rule;
}

function findRule(store: RankrStore, id: string): Rule {
	const rule = store.rules.get(id);
	if (!rule) throw RankrError.notFound('rule', id);
	return rule;
}

export const ruleRoutes = [
	route<RankrContext>('GET', '/v1/rules', (ctx) => {
		const { eventType, enabled } = ctx.query;
		const rules = [...ctx.store.rules.values()].filter((r) => (eventType === undefined || r.eventType === eventType) && (enabled === undefined || r.enabled === enabled));
		ctx.reply(200, pageByCreation(ctx, rules));
	}),
	route<RankrContext>('POST', '/v1/rules', (ctx) => ctx.reply(201, addRule(ctx.store, ctx.body))),
	route<RankrContext>('GET', '/v1/rules/{ruleId}', (ctx, p) => ctx.reply(200, findRule(ctx.store, p.ruleId))),
	route<RankrContext>('PATCH', '/v1/rules/{ruleId}', (ctx, p) => {
		const rule = findRule(ctx.store, p.ruleId);
		const input = structuredClone(ctx.body) as RuleInput;
		if (input.actions) input.actions = normalizeActions(input.actions);
		Object.assign(rule, input, { updatedAt: ctx.store.now() });
		ctx.reply(200, rule);
	}),
	route<RankrContext>('DELETE', '/v1/rules/{ruleId}', (ctx, p) => {
		findRule(ctx.store, p.ruleId);
		ctx.store.rules.delete(p.ruleId);
		ctx.reply(204);
	}),
];
