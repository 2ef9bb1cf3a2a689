import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalid, requireId, requireValue } from '../../../shared/validation';
import { getContactId } from '../common';
import { checkBoolean } from '../task/values';

/** Fields and input checks the note operations share. */

export const noteIdField: INodeProperties = {
	displayName: 'Note ID',
	name: 'noteId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. HGPcayliwcdoUFzvbTok',
	description: 'The note, as Get Many returns it',
};

export const bodyField: INodeProperties = {
	displayName: 'Body',
	name: 'body',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description: 'Text of the note',
};

/** Note fields GHL takes besides the body (NotesDTO / UpdateNoteDTO). */
export const noteOptionalFields: INodeProperties[] = [
	{
		displayName: 'Author Name or ID',
		name: 'userId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getUsers' },
		default: '',
		description:
			'User the note is from. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Color',
		name: 'color',
		type: 'color',
		default: '',
		description: 'Colour GHL shows the note in',
	},
	{
		displayName: 'Pinned',
		name: 'pinned',
		type: 'boolean',
		default: false,
		description: 'Whether the note stays at the top of the contact',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: 'e.g. Follow-up summary',
	},
];

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** The contact and note of one item, validated before any request. */
export function noteIds(this: IExecuteFunctions, i: number): { contactId: string; noteId: string } {
	const contactId = getContactId.call(this, i);
	return { contactId, noteId: requireId(this, this.getNodeParameter('noteId', i), 'Note ID', i) };
}

/** The optional note fields the user set, checked; a body, when given, must say something. */
export function noteBody(this: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.body !== undefined) body.body = requireValue(this, fields.body, 'Body', i);
	if (fields.userId !== undefined && fields.userId !== '') body.userId = requireId(this, fields.userId, 'Author', i);
	if (fields.title !== undefined && String(fields.title).trim() !== '') body.title = String(fields.title).trim();
	if (fields.color !== undefined && fields.color !== '') {
		const color = String(fields.color).trim();
		if (!HEX_COLOR.test(color)) throw invalid(this, 'Color', i, `"${color.slice(0, 20)}" is not a colour`, 'Use a hex colour such as #FFAA00.');
		body.color = color;
	}
	if (fields.pinned !== undefined) body.pinned = checkBoolean(this, fields.pinned, 'Pinned', i);
	return body;
}
