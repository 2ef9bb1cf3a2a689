/** GHL Rankr Sync's bad-input corpus (Parity Check): [case, node parameters, the message users see]. Listed in docs/bad-input.md. */
const parity = (p: Record<string, unknown>) => ({ resource: 'ghlSync', operation: 'parityCheck', ...p });

export const PARITY_BAD_INPUT_CASES: Array<[string, Record<string, unknown>, RegExp]> = [
	['an empty tag', parity({ scope: 'tag', tag: '' }), /^Tag: is required but empty \[item 0\]/],
	['an empty search', parity({ scope: 'query', query: ' ' }), /^Search Query: is required but empty \[item 0\]/],
	['an unknown output', parity({ output: 'csv' }), /^Output: "csv" is not one of summary, differences \[item 0\]/],
	['an unknown direction', parity({ direction: 'sideways' }), /^Direction: "sideways" is not one of ghlToRankr, rankrToGhl, both \[item 0\]/],
	['a tag scope with Direction Both', parity({ direction: 'both', scope: 'tag', tag: 'vip' }), /^Contacts: "tag" works only with Direction GHL → Rankr \[item 0\]/],
	['Repair that is not true or false', parity({ repair: 'yes' }), /^Repair: "yes" is not true or false \[item 0\]/],
	['an unknown Children Of', parity({ compareChildren: true, childrenOf: 'some' }), /^Children Of: "some" is not one of changed, sample, all \[item 0\]/],
	['a sample of 0', parity({ compareChildren: true, childrenOf: 'sample', sampleSize: 0 }), /^Sample Size: must be at least 1 \[item 0\]/],
	['a sample of 2.5', parity({ compareChildren: true, childrenOf: 'sample', sampleSize: 2.5 }), /^Sample Size: "2.5" is not an integer \[item 0\]/],
	['Max Requests below 0', parity({ options: { maxRequests: -1 } }), /^Max Requests: must be at least 0 \[item 0\]/],
	['Max Requests that is not a number', parity({ options: { maxRequests: 'lots' } }), /^Max Requests: "lots" is not an integer \[item 0\]/],
];
