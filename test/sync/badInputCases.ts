/** GHL Rankr Sync's bad-input corpus: [case, node parameters, the message users see]. Listed in docs/bad-input.md. */
const parity = (p: Record<string, unknown>) => ({ resource: 'ghlSync', operation: 'parityCheck', ...p });
const toGhl = (p: Record<string, unknown>) => ({ resource: 'ghlSync', operation: 'syncToGhl', rankrContactId: 'ctc_abc123', ...p });
const location = (p: Record<string, unknown>) => ({ resource: 'ghlSync', operation: 'syncLocation', ...p });

export const GHL_SYNC_BAD_INPUT_CASES: Array<[string, Record<string, unknown>, RegExp]> = [
	['Sync to GHL: an empty Rankr Contact ID', toGhl({ rankrContactId: '' }), /^Rankr Contact ID: is required but empty \[item 0\]/],
	['Sync to GHL: a Rankr Contact ID that is not one', toGhl({ rankrContactId: '12345' }), /^Rankr Contact ID: "12345" is not a Rankr contact ID \[item 0\]/],
	['Sync to GHL: a status Rankr does not have', toGhl({ completeStatuses: ['done'] }), /^Statuses That Count as Complete: "done" is not one of .* \[item 0\]/],
	['Sync to GHL: an unknown Rankr Deletions', toGhl({ ghlDeletions: 'shred' }), /^Rankr Deletions: "shred" is not one of softDelete, keep, delete \[item 0\]/],
	['Sync to GHL: an empty Soft Delete Tag', toGhl({ softDeleteTag: '' }), /^Soft Delete Tag: is required but empty \[item 0\]/],
	['Sync Location: an unknown First Run', location({ firstRun: 'yesterday' }), /^First Run: "yesterday" is not one of everything, fromNow \[item 0\]/],
	['Sync Location: an overlap over a day', location({ options: { overlapMinutes: 2000 } }), /^Overlap \(Minutes\): must be at most 1440 \[item 0\]/],
	['Sync Location: an unknown Look for GHL Deletions', location({ options: { deletionScan: 'weekly' } }), /^Look for GHL Deletions: "weekly" is not one of daily, everyRun, never \[item 0\]/],
	['Sync Location: Max Requests below 0', location({ options: { maxRequests: -1 } }), /^Max Requests: must be at least 0 \[item 0\]/],
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
