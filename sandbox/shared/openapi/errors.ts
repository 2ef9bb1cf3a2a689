/** ajv's errors turned into the `{field, message}` details an API answers with (`actions[0].tag`, `query.limit`). */
import type { ErrorObject } from 'ajv';

export interface FieldError {
	field: string;
	message: string;
}

/** `/actions/0/tag` → `actions[0].tag`, under an optional prefix (`query.limit`). */
export function fieldOf(prefix: string, instancePath: string, extra?: string): string {
	const parts = instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
	if (extra !== undefined) parts.push(extra);
	let out = prefix;
	for (const part of parts) {
		if (/^\d+$/.test(part)) out += `[${part}]`;
		else out += out ? `.${part}` : part;
	}
	return out || 'body';
}

/** Validates data against one oneOf/anyOf branch (the validator compiles it against its document). */
export type BranchCheck = (branch: unknown, data: unknown) => ErrorObject[];

const sameError = (a: ErrorObject, b: ErrorObject) => a.keyword === b.keyword && a.instancePath === b.instancePath && a.message === b.message;

/**
 * With allErrors, a oneOf/anyOf reports every branch's errors. Re-check each branch alone; keep the errors
 * of the branches whose discriminating `const`/`enum` matched (RuleAction's `type`), and collapse
 * "one of these is required" into one message. Needs ajv's `verbose` (the summary carries its branches).
 */
function pruneBranches(errors: ErrorObject[], checkBranch?: BranchCheck): ErrorObject[] {
	if (!checkBranch) return errors;
	let kept = errors;
	for (const summary of errors.filter((e) => (e.keyword === 'oneOf' || e.keyword === 'anyOf') && Array.isArray(e.schema))) {
		const perBranch = (summary.schema as unknown[]).map((branch) =>
			checkBranch(branch, summary.data).map((e) => ({ ...e, instancePath: summary.instancePath + e.instancePath })),
		);
		const noise = perBranch.flat();
		const discriminated = (list: ErrorObject[]) => list.some((e) => (e.keyword === 'const' || e.keyword === 'enum') && e.instancePath.split('/').length === summary.instancePath.split('/').length + 1);
		const surviving = perBranch.filter((list) => !discriminated(list));
		let chosen = surviving.length > 0 && surviving.length < perBranch.length ? surviving.flat() : noise;
		const consts = perBranch.map((list) => list.find((e) => e.keyword === 'const'));
		if (surviving.length === 0 && consts.every((c) => c && c.instancePath === consts[0]?.instancePath)) {
			// No branch's discriminator matched: one "must be one of" at the discriminator says it all.
			const allowedValues = consts.map((c) => (c?.params as { allowedValue: unknown }).allowedValue);
			chosen = [{ ...(consts[0] as ErrorObject), keyword: 'enum', params: { allowedValues } }];
		}
		const allRequired = chosen.length > 0 && chosen.every((e) => e.keyword === 'required' && e.instancePath === summary.instancePath);
		const at = kept.indexOf(summary);
		kept = kept.filter((e) => e !== summary && !noise.some((n) => sameError(n, e)));
		if (allRequired) {
			const names = chosen.map((e) => String((e.params as { missingProperty: string }).missingProperty));
			kept.splice(Math.min(at, kept.length), 0, { ...summary, message: `must include one of: ${[...new Set(names)].join(', ')}` });
		} else {
			kept.splice(Math.min(at, kept.length), 0, ...(chosen.length ? chosen : [summary]));
		}
	}
	return kept;
}

export function toFieldErrors(errors: ErrorObject[] | null | undefined, prefix = '', checkBranch?: BranchCheck): FieldError[] {
	const out: FieldError[] = [];
	const seen = new Set<string>();
	for (const e of pruneBranches(errors ?? [], checkBranch)) {
		const params = e.params as Record<string, unknown>;
		let field: string;
		let message = e.message ?? 'is invalid';
		if (e.keyword === 'required') {
			field = fieldOf(prefix, e.instancePath, String(params.missingProperty));
			message = 'is required';
		} else if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') {
			field = fieldOf(prefix, e.instancePath, String(params.additionalProperty ?? params.unevaluatedProperty));
			message = 'is not allowed';
		} else {
			field = fieldOf(prefix, e.instancePath);
			if (e.keyword === 'enum') message = `must be one of: ${(params.allowedValues as unknown[]).join(', ')}`;
			if (e.keyword === 'const') message = `must be ${JSON.stringify(params.allowedValue)}`;
		}
		const key = `${field}\n${message}`;
		if (seen.has(key)) continue;
		seen.add(key);
		out.push({ field, message });
	}
	return out;
}

export function describe(errors: FieldError[]): string {
	return errors.map((e) => `${e.field}: ${e.message}`).join('; ');
}
