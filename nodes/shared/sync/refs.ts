/**
 * Rankr records that came from GHL carry an externalRef naming their source, so a sync finds them again
 * and never touches records Rankr users made themselves:
 *   contact  ghl:<locationId>:<contactId>
 *   task     ghl:<locationId>:task:<taskId>
 *   note     ghl:<locationId>:note:<noteId>
 */
export type ChildKind = 'task' | 'note';

export const contactRefPrefix = (locationId: string) => `ghl:${locationId}:`;
export const contactRef = (locationId: string, contactId: string) => `${contactRefPrefix(locationId)}${contactId}`;
export const childRefPrefix = (locationId: string, kind: ChildKind) => `ghl:${locationId}:${kind}:`;
export const childRef = (locationId: string, kind: ChildKind, id: string) => `${childRefPrefix(locationId, kind)}${id}`;

/** The GHL contact ID a contact's externalRef names, or undefined when it is not a contact of this location. */
export function contactIdOfRef(locationId: string, ref: string | null | undefined): string | undefined {
	const prefix = contactRefPrefix(locationId);
	if (!ref || !ref.startsWith(prefix)) return undefined;
	const id = ref.slice(prefix.length);
	return id && !id.includes(':') ? id : undefined;
}

/** The GHL task or note ID a child record's externalRef names, or undefined for Rankr-only records. */
export function childIdOfRef(locationId: string, kind: ChildKind, ref: string | null | undefined): string | undefined {
	const prefix = childRefPrefix(locationId, kind);
	return ref && ref.startsWith(prefix) && ref.length > prefix.length ? ref.slice(prefix.length) : undefined;
}

/** The tag Sync to GHL's soft delete gives a GHL contact whose Rankr contact was deleted (its default). */
export const SOFT_DELETED_IN_RANKR = 'deleted-in-rankr';
