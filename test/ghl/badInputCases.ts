/**
 * The GHL node's bad-input cases, as data: badInput*.test.ts run them against the sandbox and
 * docs/bad-input.md lists them (npm run docs:bad-input). Each is refused before any request.
 * BAD_INPUT_CASES is the first corpus, matched on the whole message; the others name the field apart.
 */
import type { BadInputCase } from '../harness/badInput';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

const C = byId('abc123');
const DUE = '2030-01-02T10:00:00Z';
const contact = (parameters: Record<string, unknown>) => ({ resource: 'contact', ...parameters });
const tag = (parameters: Record<string, unknown>) => ({ resource: 'tag', ...parameters });
const task = (p: Record<string, unknown>) => ({ resource: 'task', contactId: C, ...p });
const note = (p: Record<string, unknown>) => ({ resource: 'note', contactId: C, ...p });
const follower = (p: Record<string, unknown>) => ({ resource: 'follower', contactId: C, ...p });
const campaign = (p: Record<string, unknown>) => ({ resource: 'campaign', contactId: C, ...p });
const workflow = (p: Record<string, unknown>) => ({ resource: 'workflow', contactId: C, ...p });

/** Contact: every operation that takes input (badInput.contact.test.ts). */
export const GHL_CONTACT_CASES: BadInputCase[] = [
	['get: ID with a slash', contact({ operation: 'get', contactId: byId('a/b') }), 'Contact', /"a\/b" is not a valid ID/],
	['get: empty ID', contact({ operation: 'get', contactId: byId('') }), 'Contact', /is required but empty/],
	['delete: ID with a space', contact({ operation: 'delete', contactId: byId('a b') }), 'Contact', /is not a valid ID/],
	['update: ID climbing the path', contact({ operation: 'update', contactId: byId('../x'), updateFields: { city: 'Oslo' } }), 'Contact', /is not a valid ID/],
	['appointments: ID with a question mark', contact({ operation: 'getAppointments', contactId: byId('?') }), 'Contact', /is not a valid ID/],
	['create: nobody to recognise', contact({ operation: 'create', fields: { city: 'Paris' } }), 'Contact Fields', /give at least an email, a phone or a name/],
	['create: email without a domain', contact({ operation: 'create', fields: { email: 'not-an-email' } }), 'Email', /"not-an-email" is not an email address/],
	['create: phone in words', contact({ operation: 'create', fields: { phone: 'call me' } }), 'Phone', /"call me" is not a phone number/],
	['create: date of birth that is no date', contact({ operation: 'create', fields: { name: 'X', dateOfBirth: 'yesterday-ish' } }), 'Date of Birth', /is not a date/],
	['create: country spelt out', contact({ operation: 'create', fields: { name: 'X', country: 'France' } }), 'Country', /"France" is not a two-letter country code/],
	['create: website that is one word', contact({ operation: 'create', fields: { name: 'X', website: 'example' } }), 'Website', /"example" is not a URL/],
	['create: unknown time zone', contact({ operation: 'create', fields: { name: 'X', timezone: 'Mars/Olympus_Mons' } }), 'Timezone', /"Mars\/Olympus_Mons" is not a time zone/],
	['create: unknown gender value', contact({ operation: 'create', fields: { name: 'X', gender: 'robot' } }), 'Gender', /"robot" is not one of female, male, other/],
	['create: assignee ID with a slash', contact({ operation: 'create', fields: { name: 'X', assignedTo: 'u/1' } }), 'Assigned To', /is not a valid ID/],
	['create: custom field without field', contact({ operation: 'create', fields: { name: 'X' }, customFields: { field: [{ by: 'id', id: '', value: '1' }] } }), 'Custom Fields [1] Field', /is required but empty/],
	['create: custom field without key', contact({ operation: 'create', fields: { name: 'X' }, customFields: { field: [{ by: 'key', key: ' ', value: '1' }] } }), 'Custom Fields [1] Field Key', /is required but empty/],
	['create: custom field key with spaces', contact({ operation: 'create', fields: { name: 'X' }, customFields: { field: [{ by: 'key', key: 'lead score!', value: '1' }] } }), 'Custom Fields [1] Field Key', /"lead score!" is not a field key/],
	['create: second custom field ID with a slash', contact({ operation: 'create', fields: { name: 'X' }, customFields: { field: [{ by: 'id', id: 'f1', value: '1' }, { by: 'id', id: 'f/2', value: '2' }] } }), 'Custom Fields [2] Field', /is not a valid ID/],
	['create: DND channel given twice', contact({ operation: 'create', fields: { name: 'X' }, dndSettings: { channel: [{ channel: 'Email', status: 'active' }, { channel: 'Email', status: 'inactive' }] } }), 'Do Not Disturb Channel', /"Email" is given twice/],
	['create: DND channel GHL lacks', contact({ operation: 'create', fields: { name: 'X' }, dndSettings: { channel: [{ channel: 'Fax', status: 'active' }] } }), 'Do Not Disturb Channel', /"Fax" is not one of/],
	['create: DND status GHL lacks', contact({ operation: 'create', fields: { name: 'X' }, dndSettings: { channel: [{ channel: 'SMS', status: 'sometimes' }] } }), 'Do Not Disturb Status', /"sometimes" is not one of active, inactive, permanent/],
	['create: inbound DND status GHL lacks', contact({ operation: 'create', fields: { name: 'X' }, inboundDndSettings: { all: { status: 'permanent' } } }), 'Inbound Do Not Disturb Status', /"permanent" is not one of active, inactive/],
	['update: nothing to update', contact({ operation: 'update', contactId: C, updateFields: {} }), 'Update Fields', /choose at least one field/],
	['update: email cut short', contact({ operation: 'update', contactId: C, updateFields: { email: 'x@' } }), 'Email', /"x@" is not an email address/],
	['upsert: nothing to match on', contact({ operation: 'upsert', fields: { firstName: 'X' } }), 'Contact Fields', /upsert needs an email or a phone/],
	['upsert: phone too short', contact({ operation: 'upsert', fields: { phone: '12' } }), 'Phone', /"12" is not a phone number/],
	['get many: filter without field', contact({ operation: 'getMany', filters: { filter: [{ field: '', operator: 'eq', value: 'x' }] } }), 'Filters [1] Field', /is required but empty/],
	['get many: filter operator GHL lacks', contact({ operation: 'getMany', filters: { filter: [{ field: 'email', operator: 'like', value: 'x' }] } }), 'Filters [1] Operator', /"like" is not one of/],
	['get many: filter without value', contact({ operation: 'getMany', filters: { filter: [{ field: 'tags', operator: 'eq', value: 'a' }, { field: 'email', operator: 'contains', value: '' }] } }), 'Filters [2] Value', /is required but empty/],
	['get many: range that is not JSON', contact({ operation: 'getMany', filters: { filter: [{ field: 'dateAdded', operator: 'range', value: 'last week' }] } }), 'Filters [1] Value', /a range needs JSON/],
	['get many: range with unknown bound', contact({ operation: 'getMany', filters: { filter: [{ field: 'dateAdded', operator: 'range', value: '{"from": "2024-01-01"}' }] } }), 'Filters [1] Value', /keys gt, gte, lt, lte/],
	['get many: sort field GHL lacks', contact({ operation: 'getMany', sort: { field: 'shoeSize' } }), 'Sort Field', /"shoeSize" is not one of/],
	['get many: sort direction GHL lacks', contact({ operation: 'getMany', sort: { field: 'email', direction: 'sideways' } }), 'Sort Direction', /"sideways" is not one of asc, desc/],
	['get many: limit of zero', contact({ operation: 'getMany', returnAll: false, limit: 0 }), 'Limit', /must be at least 1/],
	['get many (legacy): limit past the maximum', contact({ operation: 'getManyLegacy', returnAll: false, limit: 20000 }), 'Limit', /must be at most 10000/],
	['find duplicate: nothing to look for', contact({ operation: 'findDuplicate', email: '', phone: '' }), 'Email', /give an email or a phone/],
	['find duplicate: bad email', contact({ operation: 'findDuplicate', email: 'nope' }), 'Email', /"nope" is not an email address/],
	['find duplicate: bad phone', contact({ operation: 'findDuplicate', phone: '+1 (415) abc' }), 'Phone', /is not a phone number/],
	['by business: no business', contact({ operation: 'getManyByBusiness', businessId: '' }), 'Business ID', /is required but empty/],
	['by business: business ID with a slash', contact({ operation: 'getManyByBusiness', businessId: 'b/1' }), 'Business ID', /is not a valid ID/],
	['add to business: no contacts', contact({ operation: 'addToBusiness', contactIds: ' , ', businessId: 'b1' }), 'Contact IDs', /is required but empty/],
	['add to business: one contact ID with a slash', contact({ operation: 'addToBusiness', contactIds: 'ok1,bad/2', businessId: 'b1' }), 'Contact IDs', /"bad\/2" is not a valid ID/],
	['add to business: contact ID over 50 characters', contact({ operation: 'addToBusiness', contactIds: ['x'.repeat(51)], businessId: 'b1' }), 'Contact IDs', /longer than 50 characters/],
	['add to business: no business', contact({ operation: 'addToBusiness', contactIds: 'c1', businessId: '' }), 'Business ID', /is required but empty/],
	['remove from business: no contacts', contact({ operation: 'removeFromBusiness', contactIds: [] }), 'Contact IDs', /is required but empty/],
];

/** Tag (badInput.contact.test.ts). */
export const GHL_TAG_CASES: BadInputCase[] = [
	['add: no tags', tag({ operation: 'add', contactId: C, tags: [] }), 'Tags', /is required but empty/],
	['remove: only blank tags', tag({ operation: 'remove', contactId: C, tags: [' ', ''] }), 'Tags', /is required but empty/],
	['add: contact ID with a slash', tag({ operation: 'add', contactId: byId('x/y'), tags: ['a'] }), 'Contact', /is not a valid ID/],
	['bulk: no contacts', tag({ operation: 'bulkUpdate', bulkAction: 'add', contactIds: '', tags: ['x'] }), 'Contact IDs', /is required but empty/],
	['bulk: contact ID with a space', tag({ operation: 'bulkUpdate', bulkAction: 'add', contactIds: ['c1', 'c 2'], tags: ['x'] }), 'Contact IDs', /"c 2" is not a valid ID/],
	['bulk add: no tags', tag({ operation: 'bulkUpdate', bulkAction: 'add', contactIds: 'c1', tags: [] }), 'Tags', /is required but empty/],
	['bulk remove: no tags and not all', tag({ operation: 'bulkUpdate', bulkAction: 'remove', contactIds: 'c1', tags: [], removeAllTags: false }), 'Tags', /is required but empty/],
	['bulk: action GHL lacks', tag({ operation: 'bulkUpdate', bulkAction: '={{ "toggle" }}', contactIds: 'c1', tags: ['x'] }), 'Action', /"toggle" is not one of add, remove/],
	['location tag get: no ID', tag({ operation: 'getLocation', tagId: '' }), 'Tag', /is required but empty/],
	['location tag get: ID with a slash', tag({ operation: 'getLocation', tagId: 'g/1' }), 'Tag', /is not a valid ID/],
	['location tag create: blank name', tag({ operation: 'createLocation', name: '  ' }), 'Name', /is required but empty/],
	['location tag rename: no new name', tag({ operation: 'updateLocation', tagId: 't1', name: '' }), 'New Name', /is required but empty/],
	['location tag rename: ID with a hash', tag({ operation: 'updateLocation', tagId: 't#1', name: 'x' }), 'Tag', /is not a valid ID/],
	['location tag delete: no ID', tag({ operation: 'deleteLocation', tagId: '' }), 'Tag', /is required but empty/],
	['location tags list: negative limit', tag({ operation: 'getManyLocation', returnAll: false, limit: -1 }), 'Limit', /must be at least 1/],
];

/** Task, Note, Follower, Campaign and Workflow (badInput.other.test.ts). */
export const GHL_OTHER_CASES: BadInputCase[] = [
	['task create: blank title', task({ operation: 'create', title: '  ', dueDate: DUE }), 'Title', /is required but empty/],
	['task create: no due date', task({ operation: 'create', title: 'x', dueDate: '' }), 'Due Date', /is required but empty/],
	['task create: due date in words', task({ operation: 'create', title: 'x', dueDate: 'soonish' }), 'Due Date', /"soonish" is not a date/],
	['task create: due date of five digits', task({ operation: 'create', title: 'x', dueDate: '12345' }), 'Due Date', /"12345" is not a date/],
	['task create: assignee ID with a space', task({ operation: 'create', title: 'x', dueDate: DUE, additionalFields: { assignedTo: 'a b' } }), 'Assigned To', /"a b" is not a valid ID/],
	['task create: completed that is not a boolean', task({ operation: 'create', title: 'x', dueDate: DUE, additionalFields: { completed: 'maybe' } }), 'Completed', /"maybe" is not true or false/],
	['task create: contact ID with a slash', task({ operation: 'create', contactId: byId('a/b'), title: 'x', dueDate: DUE }), 'Contact', /"a\/b" is not a valid ID/],
	['task get: no task ID', task({ operation: 'get', taskId: '' }), 'Task ID', /is required but empty/],
	['task get: task ID climbing the path', task({ operation: 'get', taskId: '../x' }), 'Task ID', /is not a valid ID/],
	['task get many: limit of zero', task({ operation: 'getMany', returnAll: false, limit: 0 }), 'Limit', /must be at least 1/],
	['task update: nothing to update', task({ operation: 'update', taskId: 't1', updateFields: {} }), 'Update Fields', /choose at least one field/],
	['task update: title emptied', task({ operation: 'update', taskId: 't1', updateFields: { title: '' } }), 'Title', /is required but empty/],
	['task update: due date that is no date', task({ operation: 'update', taskId: 't1', updateFields: { dueDate: '31/02/2030' } }), 'Due Date', /is not a date/],
	['task set completed: not a boolean', task({ operation: 'setCompleted', taskId: 't1', completed: 'done' }), 'Completed', /"done" is not true or false/],
	['task set completed: task ID with a slash', task({ operation: 'setCompleted', taskId: 't/1' }), 'Task ID', /is not a valid ID/],
	['task delete: task ID with a question mark', task({ operation: 'delete', taskId: 't?1' }), 'Task ID', /is not a valid ID/],
	['task search: contact ID with a space', { resource: 'task', operation: 'searchLocation', filters: { contactIds: 'ok1, no pe' } }, 'Contact IDs', /"no pe" is not a valid ID/],
	['task search: assignee ID with a slash', { resource: 'task', operation: 'searchLocation', filters: { assignedTo: ['u/1'] } }, 'Assigned To', /is not a valid ID/],
	['task search: status GHL lacks', { resource: 'task', operation: 'searchLocation', filters: { status: 'open' } }, 'Status', /"open" is not one of completed, pending/],
	['task search: business ID with a hash', { resource: 'task', operation: 'searchLocation', filters: { businessId: 'b#1' } }, 'Business ID', /is not a valid ID/],
	['task search: limit past the maximum', { resource: 'task', operation: 'searchLocation', returnAll: false, limit: 20000 }, 'Limit', /must be at most 10000/],
	['note create: blank body', note({ operation: 'create', body: ' ' }), 'Body', /is required but empty/],
	['note create: colour by name', note({ operation: 'create', body: 'x', additionalFields: { color: 'orange' } }), 'Color', /"orange" is not a colour/],
	['note create: author ID with a slash', note({ operation: 'create', body: 'x', additionalFields: { userId: 'u/1' } }), 'Author', /is not a valid ID/],
	['note create: pinned that is not a boolean', note({ operation: 'create', body: 'x', additionalFields: { pinned: 'sometimes' } }), 'Pinned', /"sometimes" is not true or false/],
	['note create: no contact', note({ operation: 'create', contactId: byId(''), body: 'x' }), 'Contact', /is required but empty/],
	['note get: no note ID', note({ operation: 'get', noteId: '' }), 'Note ID', /is required but empty/],
	['note get many: negative limit', note({ operation: 'getMany', returnAll: false, limit: -1 }), 'Limit', /must be at least 1/],
	['note update: nothing to update', note({ operation: 'update', noteId: 'n1', updateFields: {} }), 'Update Fields', /choose at least one field/],
	['note update: body emptied', note({ operation: 'update', noteId: 'n1', updateFields: { body: '' } }), 'Body', /is required but empty/],
	['note delete: note ID with a space', note({ operation: 'delete', noteId: 'n 1' }), 'Note ID', /is not a valid ID/],
	['follower add: nobody', follower({ operation: 'add', followers: [] }), 'Followers', /is required but empty/],
	['follower add: only separators', follower({ operation: 'add', followers: ' , ' }), 'Followers', /is required but empty/],
	['follower remove: user ID with a slash', follower({ operation: 'remove', followers: ['u1', 'u/2'] }), 'Followers', /"u\/2" is not a valid ID/],
	['campaign add: no campaign', campaign({ operation: 'add', campaignId: '' }), 'Campaign', /is required but empty/],
	['campaign remove: campaign ID with a slash', campaign({ operation: 'remove', campaignId: 'c/1' }), 'Campaign', /is not a valid ID/],
	['campaign remove: "removeAll" as the campaign', campaign({ operation: 'remove', campaignId: 'removeAll' }), 'Campaign', /"removeAll" is not a campaign ID/],
	['campaign remove from all: contact ID with a space', campaign({ operation: 'removeFromAll', contactId: byId('a b') }), 'Contact', /is not a valid ID/],
	['workflow add: no workflow', workflow({ operation: 'add', workflowId: '' }), 'Workflow', /is required but empty/],
	['workflow add: start time in words', workflow({ operation: 'add', workflowId: 'w1', additionalFields: { eventStartTime: 'tomorrowish' } }), 'Event Start Time', /"tomorrowish" is not a date/],
	['workflow remove: workflow ID with a space', workflow({ operation: 'remove', workflowId: 'w 1' }), 'Workflow', /is not a valid ID/],
];

/** The first corpus, across resources, matched on the whole message (badInput.test.ts). */
export const BAD_INPUT_CASES: Array<[string, Record<string, unknown>, RegExp]> = [
	['contact id with a slash', { resource: 'contact', operation: 'get', contactId: byId('a/b') }, /^Contact: .*not a valid ID \[item 0\]/],
	['empty contact id', { resource: 'contact', operation: 'get', contactId: byId('') }, /Contact: is required but empty \[item 0\]/],
	['contact id with a space', { resource: 'contact', operation: 'delete', contactId: byId('a b') }, /Contact: .*not a valid ID/],
	['create without email, phone or name', { resource: 'contact', operation: 'create', fields: { city: 'Paris' } }, /Contact Fields: give at least/],
	['create with a bad email', { resource: 'contact', operation: 'create', fields: { email: 'not-an-email' } }, /Email: "not-an-email" is not an email address \[item 0\]/],
	['create with a bad phone', { resource: 'contact', operation: 'create', fields: { phone: 'call me' } }, /Phone: "call me" is not a phone number/],
	['create with a bad date of birth', { resource: 'contact', operation: 'create', fields: { name: 'X', dateOfBirth: 'yesterday-ish' } }, /Date of Birth: .*is not a date/],
	['create with a bad country', { resource: 'contact', operation: 'create', fields: { name: 'X', country: 'France' } }, /Country: "France" is not a two-letter country code/],
	['create with a bad website', { resource: 'contact', operation: 'create', fields: { name: 'X', website: 'example' } }, /Website: "example" is not a URL/],
	['create with a bad gender', { resource: 'contact', operation: 'create', fields: { name: 'X', gender: 'robot' } }, /Gender: "robot" is not one of/],
	['create with a bad assignee id', { resource: 'contact', operation: 'create', fields: { name: 'X', assignedTo: 'u/1' } }, /Assigned To: .*not a valid ID/],
	['create with an empty custom field', { resource: 'contact', operation: 'create', fields: { name: 'X' }, customFields: { field: [{ id: '', value: '1' }] } }, /Custom Fields \[1\] Field: is required but empty/],
	['update with nothing to update', { resource: 'contact', operation: 'update', contactId: C, updateFields: {} }, /Update Fields: choose at least one field/],
	['update with a bad email', { resource: 'contact', operation: 'update', contactId: C, updateFields: { email: 'x@' } }, /Email: "x@" is not an email address/],
	['upsert without email or phone', { resource: 'contact', operation: 'upsert', fields: { firstName: 'X' } }, /Contact Fields: upsert needs an email or a phone/],
	['upsert with a bad phone', { resource: 'contact', operation: 'upsert', fields: { phone: '12' } }, /Phone: "12" is not a phone number/],
	['search filter without a field', { resource: 'contact', operation: 'getMany', filters: { filter: [{ field: '', operator: 'eq', value: 'x' }] } }, /Filters \[1\] Field: is required but empty/],
	['search filter with a bad operator', { resource: 'contact', operation: 'getMany', filters: { filter: [{ field: 'email', operator: 'like', value: 'x' }] } }, /Filters \[1\] Operator: "like" is not one of/],
	['search range that is not JSON', { resource: 'contact', operation: 'getMany', filters: { filter: [{ field: 'dateAdded', operator: 'range', value: 'last week' }] } }, /Filters \[1\] Value: a range needs JSON/],
	['search sorted by an unknown field', { resource: 'contact', operation: 'getMany', sort: { field: 'shoeSize' } }, /Sort Field: "shoeSize" is not one of/],
	['duplicate search with nothing to match', { resource: 'contact', operation: 'findDuplicate', email: '', phone: '' }, /Email: give an email or a phone/],
	['duplicate search with a bad email', { resource: 'contact', operation: 'findDuplicate', email: 'nope' }, /Email: "nope" is not an email address/],
	['business listing without business id', { resource: 'contact', operation: 'getManyByBusiness', businessId: '' }, /Business ID: is required but empty/],
	['add to business without contacts', { resource: 'contact', operation: 'addToBusiness', contactIds: '', businessId: 'b1' }, /Contact IDs: is required but empty/],
	['add to business with a bad contact id', { resource: 'contact', operation: 'addToBusiness', contactIds: 'ok1,bad/2', businessId: 'b1' }, /Contact IDs: "bad\/2" is not a valid ID/],
	['add to business without business', { resource: 'contact', operation: 'addToBusiness', contactIds: 'c1', businessId: '' }, /Business ID: is required but empty/],
	['appointments of a bad contact id', { resource: 'contact', operation: 'getAppointments', contactId: byId('?') }, /Contact: .*not a valid ID/],
	['tag add without tags', { resource: 'tag', operation: 'add', contactId: C, tags: [] }, /Tags: is required but empty \[item 0\]/],
	['tag remove without tags', { resource: 'tag', operation: 'remove', contactId: C, tags: [] }, /Tags: is required but empty/],
	['bulk tags without contacts', { resource: 'tag', operation: 'bulkUpdate', bulkAction: 'add', contactIds: '', tags: ['x'] }, /Contact IDs: is required but empty/],
	['bulk tags without tags', { resource: 'tag', operation: 'bulkUpdate', bulkAction: 'add', contactIds: 'c1', tags: [] }, /Tags: is required but empty/],
	['location tag without id', { resource: 'tag', operation: 'getLocation', tagId: '' }, /Tag: is required but empty/],
	['location tag created without name', { resource: 'tag', operation: 'createLocation', name: '  ' }, /Name: is required but empty/],
	['location tag renamed to nothing', { resource: 'tag', operation: 'updateLocation', tagId: 't1', name: '' }, /New Name: is required but empty/],
	['task without title', { resource: 'task', operation: 'create', contactId: C, title: '', dueDate: '2030-01-01T00:00:00Z' }, /Title: is required but empty/],
	['task without due date', { resource: 'task', operation: 'create', contactId: C, title: 'x', dueDate: '' }, /Due Date: is required but empty/],
	['task with a bad due date', { resource: 'task', operation: 'create', contactId: C, title: 'x', dueDate: 'soonish' }, /Due Date: "soonish" is not a date/],
	['task with a bad assignee', { resource: 'task', operation: 'create', contactId: C, title: 'x', dueDate: '2030-01-01T00:00:00Z', additionalFields: { assignedTo: 'a b' } }, /Assigned To: .*not a valid ID/],
	['task get without task id', { resource: 'task', operation: 'get', contactId: C, taskId: '' }, /Task ID: is required but empty/],
	['task update with nothing', { resource: 'task', operation: 'update', contactId: C, taskId: 't1', updateFields: {} }, /Update Fields: choose at least one field/],
	['task completed with a bad task id', { resource: 'task', operation: 'setCompleted', contactId: C, taskId: '../x' }, /Task ID: .*not a valid ID/],
	['note without body', { resource: 'note', operation: 'create', contactId: C, body: '' }, /Body: is required but empty/],
	['note get without id', { resource: 'note', operation: 'get', contactId: C, noteId: '' }, /Note ID: is required but empty/],
	['note update with nothing', { resource: 'note', operation: 'update', contactId: C, noteId: 'n1', updateFields: {} }, /Update Fields: choose at least one field/],
	['followers empty', { resource: 'follower', operation: 'add', contactId: C, followers: [] }, /Followers: is required but empty/],
	['follower id with a slash', { resource: 'follower', operation: 'remove', contactId: C, followers: ['u/1'] }, /Followers: .*not a valid ID/],
	['campaign without id', { resource: 'campaign', operation: 'add', contactId: C, campaignId: '' }, /Campaign: is required but empty/],
	['workflow without id', { resource: 'workflow', operation: 'add', contactId: C, workflowId: '' }, /Workflow: is required but empty/],
];

/** Every GHL case, in the order docs/bad-input.md lists them. */
export const GHL_BAD_INPUT_CASES = [...GHL_CONTACT_CASES, ...GHL_TAG_CASES, ...GHL_OTHER_CASES, ...BAD_INPUT_CASES];
