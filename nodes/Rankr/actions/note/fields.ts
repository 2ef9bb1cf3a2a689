import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalid } from '../../../shared/validation';
import { checkSource, idField, requirePrefixedId } from '../common';

export const noteIdField = idField('Note ID', 'noteId', 'nte_7Hd2kLm1');

export function getNoteId(this: IExecuteFunctions, itemIndex: number): string {
	return requirePrefixedId.call(this, itemIndex, 'noteId', 'Note ID', 'nte');
}

export const noteBodyField: INodeProperties = {
	displayName: 'Body',
	name: 'body',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description: 'Text of the note (up to 10,000 characters)',
};

export const noteExternalRefField: INodeProperties = {
	displayName: 'External Ref',
	name: 'externalRef',
	type: 'string',
	default: '',
	placeholder: 'e.g. ghl:ve9EPM428h8vShlRW1KT:note:Hq2kW',
	description: 'Your reference for this note',
};

/** A contract note body, checked: body 1–10,000 characters, External Ref up to 255. */
export function noteBody(this: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.body !== undefined && fields.body !== '') {
		const text = String(fields.body);
		if (!text.trim()) throw invalid(this, 'Body', itemIndex, 'is only spaces');
		if (text.length > 10_000) throw invalid(this, 'Body', itemIndex, `is ${text.length} characters long; Rankr takes at most 10,000`);
		body.body = text;
	}
	if (fields.source !== undefined && fields.source !== '') body.source = checkSource(this, fields.source, itemIndex);
	if (fields.externalRef !== undefined && fields.externalRef !== '') {
		const ref = String(fields.externalRef).trim();
		if (ref.length > 255) throw invalid(this, 'External Ref', itemIndex, 'is longer than 255 characters');
		body.externalRef = ref;
	}
	return body;
}
