/**
 * Builds a request path whose interpolated values are each one encoded path segment, so an id such as
 * `a/b?c` can never reach another endpoint: apiPath`/contacts/${id}/tasks`.
 */
export function apiPath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
	return strings.reduce((path, literal, index) => {
		if (index === 0) return literal;
		return path + encodeURIComponent(String(values[index - 1])) + literal;
	}, '');
}
