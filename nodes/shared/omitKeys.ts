/**
 * A shallow copy of `record` without `keys`: what `const { key: _unused, ...rest } = record` says, without
 * a binding n8n's lint (typescript-eslint's no-unused-vars) reports as never used.
 */
export function omitKeys<T extends object, K extends keyof T>(record: T, ...keys: K[]): Omit<T, K> {
	const copy: Partial<T> = { ...record };
	for (const key of keys) delete copy[key];
	return copy as Omit<T, K>;
}
