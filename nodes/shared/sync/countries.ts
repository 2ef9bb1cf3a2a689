/**
 * Country names to ISO 3166-1 alpha-2 codes (Rankr stores only the code). English names come from the
 * runtime's own ICU data (every region code it names), so the list stays current without a table here;
 * ALIASES adds spellings GHL users commonly type that ICU does not give.
 */
const ALIASES: Record<string, string> = {
	usa: 'US', 'u.s.': 'US', 'u.s.a.': 'US', 'united states of america': 'US', america: 'US',
	uk: 'GB', 'u.k.': 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB',
	'northern ireland': 'GB', deutschland: 'DE', 'federal republic of germany': 'DE', holland: 'NL',
	'the netherlands': 'NL', españa: 'ES', espana: 'ES', italia: 'IT', schweiz: 'CH', suisse: 'CH',
	österreich: 'AT', osterreich: 'AT', brasil: 'BR', méxico: 'MX', uae: 'AE', 'south korea': 'KR',
	'north korea': 'KP', russia: 'RU', 'czech republic': 'CZ', 'ivory coast': 'CI', turkey: 'TR',
	'viet nam': 'VN', 'republic of ireland': 'IE', 'new zealand': 'NZ', 'hong kong': 'HK',
};

let byName: Map<string, string> | undefined;

function names(): Map<string, string> {
	if (byName) return byName;
	byName = new Map(Object.entries(ALIASES));
	const display = new Intl.DisplayNames(['en'], { type: 'region' });
	const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
	for (const a of letters) {
		for (const b of letters) {
			const code = a + b;
			let name: string | undefined;
			try {
				name = display.of(code);
			} catch {
				name = undefined;
			}
			if (name && name !== code && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), code);
		}
	}
	return byName;
}

/** The ISO code for a two-letter code or a country name GHL holds, or null when none fits. */
export function countryCode(value: string): string | null {
	const s = value.trim();
	// Aliases first: "UK" is two letters but not an ISO code.
	const named = names().get(s.toLowerCase().replace(/\s+/g, ' '));
	if (named) return named;
	return /^[A-Za-z]{2}$/.test(s) ? s.toUpperCase() : null;
}
